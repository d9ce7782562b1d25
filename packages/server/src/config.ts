import { resolve } from 'node:path';

/** The server's configuration: environment variable names are fixed, operators rely on them. */
export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL when set; SQLite under `dataDir` otherwise. */
  databaseUrl: string | undefined;
  /** Bearer token of the admin API; the admin API is off when unset. */
  adminToken: string | undefined;
  /** Origins allowed to embed the widgets, besides each campaign's own list. */
  corsOrigins: string[];
  /**
   * Whom to believe for X-Forwarded-For/-Proto: false (nobody, the default), true (the one proxy in
   * front), or addresses/CIDRs such as `10.0.0.0/8,127.0.0.1`.
   */
  trustProxy: boolean | string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads PORT (8080), HOST (127.0.0.1), DATA_DIR (./data), DATABASE_URL, ADMIN_TOKEN, CORS_ORIGINS, TRUST_PROXY. */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd: string = process.cwd()): ServerConfig {
  const portText = env['PORT']?.trim() || '8080';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, not "${portText}"`);
  const databaseUrl = env['DATABASE_URL']?.trim() || undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// or postgresql:// address');
  }
  const adminToken = env['ADMIN_TOKEN']?.trim() || undefined;
  if (adminToken !== undefined && adminToken.length < 16) throw new ConfigError('ADMIN_TOKEN must be at least 16 characters');
  const corsOrigins = (env['CORS_ORIGINS'] ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/(\*\.)?[^/\s]+$/.test(origin)) {
      throw new ConfigError(`CORS_ORIGINS: "${origin}" must be an origin such as https://city.example or https://*.city.example`);
    }
  }
  const trustText = env['TRUST_PROXY']?.trim() ?? '';
  const trustProxy = trustText === '' || trustText === '0' || trustText === 'false' ? false : trustText === '1' || trustText === 'true' ? true : trustText;
  return {
    trustProxy,
    port,
    host: env['HOST']?.trim() || '127.0.0.1',
    dataDir: resolve(cwd, env['DATA_DIR']?.trim() || './data'),
    databaseUrl,
    adminToken,
    corsOrigins,
  };
}
