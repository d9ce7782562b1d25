import { demoFixture } from '@veche/core/memory';
import type { AddressInfo } from 'node:net';
import { type ServerOptions, type VecheServer, createServer, loadConfig, seedFixture } from '../../../packages/server/src/index.ts';
import { type EngineName, type TestDatabase, freshDatabase } from './databases.ts';

export const NOW = new Date('2026-11-28T12:00:00Z');
export const DAY = 86_400_000;
export const ADMIN_TOKEN = 'test-admin-token-0123456789';

/** A clock the test moves: `clock.days(-60)` is the demo 60 days earlier. */
export function testClock(start = NOW) {
  let now = start;
  return {
    now: () => now,
    set: (date: Date) => void (now = date),
    days: (n: number) => void (now = new Date(start.getTime() + n * DAY)),
  };
}

export interface TestServer {
  server: VecheServer;
  /** The API base: http://127.0.0.1:PORT/api */
  api: string;
  origin: string;
  db: TestDatabase;
  /** One-time codes the server "sent", newest last. */
  outbox: { contact: string; code: string }[];
  close(): Promise<void>;
}

/** The server on a fresh database of the engine, the demo campaign seeded, listening on a free port. */
export async function startServer(engine: EngineName, options: Partial<ServerOptions> & { corsOrigins?: string[]; seed?: boolean } = {}): Promise<TestServer> {
  const db = await freshDatabase(engine);
  const outbox: { contact: string; code: string }[] = [];
  const config = { ...loadConfig({ ADMIN_TOKEN, CORS_ORIGINS: (options.corsOrigins ?? []).join(',') }), dataDir: ':memory:' };
  const server = await createServer({
    config,
    database: db.database,
    liveCacheMs: 0,
    rateLimit: false,
    sender: { send: async ({ contact, code }) => void outbox.push({ contact, code }) },
    ...options,
  });
  if (options.seed !== false) await seedFixture(server.ctx, demoFixture(NOW));
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = server.app.server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    server,
    api: `${origin}/api`,
    origin,
    db,
    outbox,
    async close() {
      await server.close();
      await db.drop();
    },
  };
}
