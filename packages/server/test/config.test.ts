import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/index.ts';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({}, '/srv/veche')).toEqual({
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/srv/veche/data',
      databaseUrl: undefined,
      adminToken: undefined,
      corsOrigins: [],
      trustProxy: false,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        PORT: '9000',
        HOST: '0.0.0.0',
        DATA_DIR: '/var/lib/veche',
        DATABASE_URL: 'postgres://veche@db/veche',
        ADMIN_TOKEN: 'a-long-admin-token-123',
        CORS_ORIGINS: 'https://city.example, https://*.city.example',
        TRUST_PROXY: '10.0.0.0/8',
      },
      '/srv',
    );
    expect(config).toEqual({
      port: 9000,
      host: '0.0.0.0',
      dataDir: '/var/lib/veche',
      databaseUrl: 'postgres://veche@db/veche',
      adminToken: 'a-long-admin-token-123',
      corsOrigins: ['https://city.example', 'https://*.city.example'],
      trustProxy: '10.0.0.0/8',
    });
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(true);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be a port number/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be a postgres/],
    [{ ADMIN_TOKEN: 'short' }, /ADMIN_TOKEN must be at least 16/],
    [{ CORS_ORIGINS: 'city.example' }, /CORS_ORIGINS: "city.example" must be an origin/],
  ])('refuses %j', (env, pattern) => {
    expect(() => loadConfig(env)).toThrow(pattern);
  });
});
