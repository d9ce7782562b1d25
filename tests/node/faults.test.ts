// Faults of the server and its database, on SQLite and PostgreSQL:
// - `veche-server serve` killed with SIGKILL in the middle of a burst of ballot submissions, then
//   started again: every ballot it acknowledged is there with its receipt, no row is half-written, and
//   clients that retry with their Idempotency-Key end with exactly one ballot each;
// - the database unreachable for 10 s (SQLite: its file moved away; PostgreSQL: the network to it cut
//   by a proxy, and separately every connection terminated while new ones are refused): clear 503
//   `unavailable` answers with Retry-After, never a 500 or a hang, then recovery without a restart.
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoFixture } from '@veche/core/memory';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type VecheServer, createContext, createServer, issueCodes, loadConfig, openDatabase, seedFixture } from '../../packages/server/src/index.ts';
import { startChildServer } from './support/child-server.ts';
import { ENGINES, type EngineName, PG_URL, freshPostgres } from './support/databases.ts';
import { ADMIN_TOKEN } from './support/server.ts';
import { TcpProxy } from './support/tcp-proxy.ts';
import { type Answer, HttpClient, percentile, voterAddress } from './support/voting-day.ts';

const VOTERS = 300;
const KILL_AFTER = 100;
const SELECTIONS = [[{ projectId: 'demo-1' }, { projectId: 'demo-5' }], [{ projectId: 'demo-2' }], [{ projectId: 'demo-1' }, { projectId: 'demo-3' }]];

interface Target {
  engine: EngineName;
  env: Record<string, string>;
  open(): ReturnType<typeof openDatabase>;
  cleanup(): Promise<void>;
}

async function target(engine: EngineName): Promise<Target> {
  if (engine === 'postgres') {
    const db = await freshPostgres();
    return { engine, env: { DATABASE_URL: db.url }, open: () => openDatabase({ databaseUrl: db.url, poolSize: 2 }), cleanup: db.drop };
  }
  const dir = mkdtempSync(join(tmpdir(), 'veche-faults-'));
  return { engine, env: { DATA_DIR: dir, DATABASE_URL: '' }, open: () => openDatabase({ dataDir: dir }), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** The demo campaign (voting open now) and `count` fresh voting codes, written before the server starts. */
async function seed(t: Target, count: number): Promise<string[]> {
  const database = await t.open();
  try {
    const ctx = createContext(database);
    await seedFixture(ctx, demoFixture(new Date()));
    return await issueCodes(ctx, 'demo', count);
  } finally {
    await database.close();
  }
}

/** Signs every code in, `concurrency` at a time, each voter from their own address. */
async function signIn(client: HttpClient, codes: readonly string[], concurrency = 8): Promise<string[]> {
  const tokens: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < codes.length) {
        const i = next++;
        const answer = await client.request('POST', '/api/auth/voting-code', { json: { code: codes[i] }, headers: { 'x-forwarded-for': voterAddress(i) } });
        if (answer.status !== 200) throw new Error(`sign-in ${i}: ${answer.status} ${answer.text}`);
        tokens[i] = (answer.body as { token: string }).token;
      }
    }),
  );
  return tokens;
}

const submit = (client: HttpClient, token: string, i: number): Promise<Answer> =>
  client.request('POST', '/api/campaigns/demo/ballot/submit', {
    json: { selection: SELECTIONS[i % SELECTIONS.length] },
    headers: { authorization: `Bearer ${token}`, 'idempotency-key': `burst-${i}`, 'x-forwarded-for': voterAddress(i) },
  });

/** Every ballot and idempotency record as the database holds them, checked for half-written rows. */
async function storedState(t: Target): Promise<{ submitted: Map<string, string>; problems: string[] }> {
  const database = await t.open();
  try {
    const problems: string[] = [];
    if (t.engine === 'sqlite') {
      const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(database.db);
      if (check.rows[0]?.integrity_check !== 'ok') problems.push(`integrity_check: ${JSON.stringify(check.rows)}`);
    }
    const ballots = await database.db.selectFrom('ballots').selectAll().where('campaign_id', '=', 'demo').where('resident_id', 'like', 'code-%').execute();
    const submitted = new Map<string, string>();
    for (const b of ballots) {
      let selection: unknown;
      try {
        selection = JSON.parse(b.selection);
      } catch {
        problems.push(`${b.resident_id}: selection is not JSON`);
      }
      if (!Array.isArray(selection) || selection.length === 0) problems.push(`${b.resident_id}: selection ${b.selection}`);
      if (b.status === 'submitted') {
        if (b.submitted_at === null || b.receipt === null) problems.push(`${b.resident_id}: submitted without time or receipt`);
        else submitted.set(b.resident_id, b.receipt);
      } else if (b.status !== 'draft' || b.submitted_at !== null || b.receipt !== null) problems.push(`${b.resident_id}: ${b.status} with ${b.submitted_at}/${b.receipt}`);
    }
    for (const row of await database.db.selectFrom('idempotency').selectAll().where('scope', 'like', 'ballot:demo:%').execute()) {
      if (row.status !== 200) problems.push(`idempotency ${row.scope} ${row.key}: left claimed (${row.status})`);
      const resident = row.scope.slice('ballot:demo:'.length);
      const receipt = (JSON.parse(row.body) as { receipt?: string }).receipt;
      if (submitted.get(resident) !== receipt) problems.push(`idempotency ${row.scope}: answer ${receipt}, ballot ${submitted.get(resident)}`);
    }
    return { submitted, problems };
  } finally {
    await database.close();
  }
}

describe.each(ENGINES)('the server killed with SIGKILL during a submit burst, on %s', (engine) => {
  let t: Target;
  beforeAll(async () => {
    t = await target(engine);
  });
  afterAll(() => t.cleanup());

  it('keeps every acknowledged ballot, writes none half, and takes the retries exactly once', async () => {
    const codes = await seed(t, VOTERS);
    let server = await startChildServer({ ...t.env, ADMIN_TOKEN });
    let client = new HttpClient(server.origin, 24);
    const tokens = await signIn(client, codes);

    // The burst: 24 at a time; after the 100th acknowledgement the process is killed mid-flight.
    const acknowledged = new Map<number, string>();
    const lost: number[] = [];
    let next = 0;
    let killed: Promise<void> | undefined;
    await Promise.all(
      Array.from({ length: 24 }, async () => {
        while (next < VOTERS && !killed) {
          const i = next++;
          try {
            const answer = await submit(client, tokens[i]!, i);
            if (answer.status === 200) acknowledged.set(i, (answer.body as { receipt: string }).receipt);
            else lost.push(i);
          } catch {
            lost.push(i);
          }
          if (acknowledged.size >= KILL_AFTER) killed ??= server.kill();
        }
      }),
    );
    await killed;
    client.close();
    expect(server.child.signalCode).toBe('SIGKILL');
    const unanswered = lost.length;
    console.log(`${engine}: killed after ${acknowledged.size} acknowledged submissions; ${unanswered} in flight got no answer`);
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER);

    // Restarted on the same data: every acknowledged ballot is there, with the receipt the voter got.
    server = await startChildServer({ ...t.env, ADMIN_TOKEN });
    client = new HttpClient(server.origin, 24);
    try {
      for (const [i, receipt] of acknowledged) {
        const ballot = await client.request('GET', '/api/campaigns/demo/ballot', { headers: { authorization: `Bearer ${tokens[i]}` } });
        expect(ballot.status).toBe(200);
        expect(ballot.body).toMatchObject({ status: 'submitted', receipt, selection: SELECTIONS[i % SELECTIONS.length] });
      }
      await server.stop();
      const afterCrash = await storedState(t);
      expect(afterCrash.problems).toEqual([]);
      expect(afterCrash.submitted.size).toBeGreaterThanOrEqual(acknowledged.size);
      console.log(`${engine}: after the restart ${afterCrash.submitted.size} ballots stored: the ${acknowledged.size} acknowledged and ${afterCrash.submitted.size - acknowledged.size} committed whose answer the kill cut off; none half-written`);

      // Every voter tries again with the same key: the acknowledged get the same answer, the rest one ballot.
      server = await startChildServer({ ...t.env, ADMIN_TOKEN });
      client.close();
      client = new HttpClient(server.origin, 24);
      const retried = await Promise.all(tokens.map((token, i) => submit(client, token, i)));
      expect(retried.filter((a) => a.status !== 200).map((a) => a.text)).toEqual([]);
      for (const [i, receipt] of acknowledged) expect((retried[i]!.body as { receipt: string }).receipt).toBe(receipt);
      await server.stop();
      const final = await storedState(t);
      expect(final.problems).toEqual([]);
      expect(final.submitted.size).toBe(VOTERS);
      expect(new Set(final.submitted.values()).size).toBe(VOTERS);
    } finally {
      client.close();
      await server.stop();
    }
  }, 120_000);
});

interface Probe {
  kind: string;
  sentAt: number;
  ms: number;
  status: number;
  code: string | undefined;
  retryAfter: string | undefined;
}

/**
 * Sends a request every `everyMs` for `forMs` without waiting for the previous one: health, a public
 * list, a resident's ballot, a draft, a sign-in with a fresh code and a submit (a transaction), in turn.
 */
async function probe(client: HttpClient, forMs: number, token: string, codes: string[], everyMs = 250): Promise<Probe[]> {
  const kinds: [string, () => Promise<Answer>][] = [
    ['health', () => client.request('GET', '/api/health')],
    ['projects', () => client.request('GET', '/api/campaigns/demo/projects?limit=5')],
    ['ballot', () => client.request('GET', '/api/campaigns/demo/ballot', { headers: { authorization: `Bearer ${token}` } })],
    ['draft', () => client.request('PUT', '/api/campaigns/demo/ballot', { json: { selection: SELECTIONS[0] }, headers: { authorization: `Bearer ${token}` } })],
    ['sign-in', () => client.request('POST', '/api/auth/voting-code', { json: { code: codes[0] } })],
    ['submit', () => client.request('POST', '/api/campaigns/demo/ballot/submit', { json: { selection: SELECTIONS[0] }, headers: { authorization: `Bearer ${token}`, 'idempotency-key': 'probe' } })],
  ];
  const started = performance.now();
  const pending: Promise<Probe>[] = [];
  for (let n = 0; performance.now() - started < forMs; n++) {
    const [kind, send] = kinds[n % kinds.length]!;
    const sentAt = performance.now();
    pending.push(
      send().then(
        (a) => ({ kind, sentAt, ms: performance.now() - sentAt, status: a.status, code: (a.body as { error?: { code?: string } } | undefined)?.error?.code, retryAfter: a.headers['retry-after'] as string | undefined }),
        () => ({ kind, sentAt, ms: performance.now() - sentAt, status: 0, code: 'socket', retryAfter: undefined }),
      ),
    );
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return Promise.all(pending);
}

/** Polls /api/health until it answers 200; the milliseconds that took. */
async function recovery(client: HttpClient, limitMs = 30_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    const answer = await client.request('GET', '/api/health').catch(() => undefined);
    if (answer?.status === 200) return performance.now() - started;
    if (performance.now() - started > limitMs) throw new Error(`no recovery within ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A whole voter after the outage: sign-in with a code tried during it, draft, submit. */
async function voteAfterwards(client: HttpClient, code: string): Promise<void> {
  const session = await client.request('POST', '/api/auth/voting-code', { json: { code } });
  expect(session.status).toBe(200);
  const auth = { authorization: `Bearer ${(session.body as { token: string }).token}` };
  expect((await client.request('PUT', '/api/campaigns/demo/ballot', { json: { selection: SELECTIONS[1] }, headers: auth })).status).toBe(200);
  expect((await client.request('POST', '/api/campaigns/demo/ballot/submit', { json: { selection: SELECTIONS[1] }, headers: auth })).status).toBe(200);
}

function expectClear503s(during: Probe[], slowestMs: number): void {
  expect(during.length).toBeGreaterThan(10);
  const unclear = during.filter((p) => p.status !== 503 || p.code !== 'unavailable' || p.retryAfter !== '5');
  expect(unclear).toEqual([]);
  expect(Math.max(...during.map((p) => p.ms))).toBeLessThan(slowestMs);
}

const summary = (probes: Probe[]) => {
  const ms = probes.map((p) => p.ms).sort((a, b) => a - b);
  return `${probes.length} answers, all 503 unavailable (Retry-After 5); answer time p50 ${percentile(ms, 50).toFixed(0)} ms, slowest ${ms.at(-1)!.toFixed(0)} ms`;
};

describe.each(ENGINES)('the database unreachable for 10 s, on %s', (engine) => {
  let server: VecheServer;
  let client: HttpClient;
  let token: string;
  let codes: string[];
  let outage: { cut(): Promise<void>; restore(): Promise<void>; close(): Promise<void> };
  let databaseUrl: string | undefined;

  beforeAll(async () => {
    let database: Awaited<ReturnType<typeof openDatabase>>;
    if (engine === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'veche-outage-'));
      database = await openDatabase({ dataDir: dir });
      // The file becomes unavailable as when its volume goes away: the folder is moved, then back.
      outage = {
        cut: async () => renameSync(dir, `${dir}.away`),
        restore: async () => renameSync(`${dir}.away`, dir),
        close: async () => rmSync(dir, { recursive: true, force: true }),
      };
    } else {
      const db = await freshPostgres();
      const target = new URL(db.url);
      const proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
      databaseUrl = db.url;
      database = await openDatabase({ databaseUrl: proxy.through(db.url) });
      outage = {
        cut: async () => proxy.cut(),
        restore: async () => proxy.restore(),
        close: async () => {
          await proxy.close();
          await db.drop();
        },
      };
    }
    const ctx = createContext(database);
    await seedFixture(ctx, demoFixture(new Date()));
    codes = await issueCodes(ctx, 'demo', 3);
    server = await createServer({ config: { ...loadConfig({ ADMIN_TOKEN }), dataDir: ':memory:' }, database, liveCacheMs: 0, rateLimit: false });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    client = new HttpClient(`http://127.0.0.1:${(server.app.server.address() as { port: number }).port}`, 64);
    const session = await client.request('POST', '/api/auth/voting-code', { json: { code: codes[2] } });
    token = (session.body as { token: string }).token;
  });
  afterAll(async () => {
    client?.close();
    await server?.close();
    await server?.database.close();
    await outage?.close();
  });

  it('answers 503 unavailable while it is gone, and serves again without a restart', async () => {
    expect((await client.request('GET', '/api/health')).status).toBe(200);
    await outage.cut();
    const during = await probe(client, 10_000, token, codes);
    // Requests sent in the last moments may still be waiting when the database returns; judge the others.
    const judged = during.filter((p) => p.sentAt + p.ms < during[0]!.sentAt + 10_000);
    await outage.restore();
    const recoveredMs = await recovery(client);
    console.log(`${engine}, database unreachable for 10 s: ${summary(judged)}; recovered ${recoveredMs.toFixed(0)} ms after it came back`);
    // PostgreSQL: a request waits at most the 5 s connection timeout for a connection that never comes.
    expectClear503s(judged, engine === 'sqlite' ? 1000 : 7000);
    expect(recoveredMs).toBeLessThan(engine === 'sqlite' ? 500 : 6000);
    await voteAfterwards(client, codes[0]!);
  }, 60_000);

  it.runIf(engine === 'postgres')('answers 503 while PostgreSQL terminates every connection and refuses new ones, then recovers', async () => {
    const name = new URL(databaseUrl!).pathname.slice(1);
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    try {
      await admin.query(`alter database ${name} allow_connections false`);
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name]);
      const during = await probe(client, 3000, token, codes);
      await admin.query(`alter database ${name} allow_connections true`);
      const recoveredMs = await recovery(client);
      console.log(`postgres, connections terminated and refused for 3 s: ${summary(during)}; recovered ${recoveredMs.toFixed(0)} ms after`);
      expectClear503s(during, 2000);
      await voteAfterwards(client, codes[1]!);
    } finally {
      await admin.query(`alter database ${name} allow_connections true`);
      await admin.end();
    }
  }, 30_000);
});
