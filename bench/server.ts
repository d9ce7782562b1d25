// `npm run bench -- server`: the reference server under autocannon on loopback, on SQLite and PostgreSQL.
// The server runs in a child process (this file with --serve), so autocannon does not share its event loop.
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { demoFixture } from '@veche/core/memory';
import pg from 'pg';
import {
  createContext,
  createServer,
  exportPabulib,
  getResults,
  importPabulib,
  loadConfig,
  openDatabase,
  seedFixture,
} from '../packages/server/src/index.ts';
import { report } from './harness.ts';

const PG_URL = process.env['VECHE_TEST_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const LODZ = fileURLToPath(new URL('../fixtures/pabulib/Poland_Lodz_2022.pb', import.meta.url));
const VOTERS = 30_000;

type Engine = 'sqlite' | 'postgres';

interface Target {
  engine: Engine;
  dataDir: string | undefined;
  databaseUrl: string | undefined;
  cleanup(): Promise<void>;
}

async function target(engine: Engine): Promise<Target> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'veche-bench-'));
    return { engine, dataDir: dir, databaseUrl: undefined, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `veche_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    engine,
    dataDir: undefined,
    databaseUrl: url.href,
    cleanup: async () => {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** The demo campaign and VOTERS signed-in residents (sessions written straight to the database). */
async function prepare(t: Target): Promise<string[]> {
  const database = await openDatabase({ dataDir: t.dataDir, databaseUrl: t.databaseUrl });
  await seedFixture(createContext(database), demoFixture(new Date()));
  const tokens = Array.from({ length: VOTERS }, () => randomBytes(32).toString('base64url'));
  const expires = new Date(Date.now() + 3_600_000).toISOString();
  const created = new Date().toISOString();
  for (let i = 0; i < tokens.length; i += 2000) {
    await database.db
      .insertInto('sessions')
      .values(
        tokens.slice(i, i + 2000).map((token, k) => ({
          token_hash: createHash('sha256').update(token).digest('hex'),
          resident_id: `bench-${i + k}`,
          method: 'voting-code',
          campaign_id: null,
          district_id: null,
          display_name: null,
          expires_at: expires,
          created_at: created,
        })),
      )
      .execute();
  }
  await database.close();
  return tokens;
}

async function startChild(t: Target): Promise<{ child: ChildProcess; url: string }> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve', String(port)], {
    env: { ...process.env, DATA_DIR: t.dataDir ?? '', DATABASE_URL: t.databaseUrl ?? '', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the bench server exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

const run = (options: autocannon.Options) =>
  new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });

interface Figures {
  ballotsPerSecond: number;
  ballotP99: number;
  ballotErrors: number;
  counted: number;
  distinct: number;
  listPerSecond: number;
  listP99: number;
  importSeconds: number;
  importBallots: number;
}

async function measureEngine(engine: Engine): Promise<Figures> {
  const t = await target(engine);
  try {
    const tokens = await prepare(t);
    const { child, url } = await startChild(t);
    try {
      const body = JSON.stringify({ selection: [{ projectId: 'demo-1' }, { projectId: 'demo-3' }] });
      // Warm the server up, then one submission per resident, each with its own token.
      await run({ url: `${url}/api/campaigns/demo/projects?limit=20`, connections: 10, amount: 2000 });
      let next = 0;
      const ballots = await run({
        url: `${url}/api/campaigns/demo/ballot/submit`,
        connections: 32,
        amount: tokens.length,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
            setupRequest: (request) => ({ ...request, headers: { ...request.headers, authorization: `Bearer ${tokens[next++ % tokens.length]}` } }),
          },
        ],
      });
      const list = await run({ url: `${url}/api/campaigns/demo/projects?limit=20&sort=supported`, connections: 32, duration: 8 });
      const database = await openDatabase({ dataDir: t.dataDir, databaseUrl: t.databaseUrl });
      const rows = await database.db
        .selectFrom('ballots')
        .select(['resident_id'])
        .where('campaign_id', '=', 'demo')
        .where('resident_id', 'like', 'bench-%')
        .where('status', '=', 'submitted')
        .execute();
      await database.close();
      return {
        ballotsPerSecond: ballots.requests.average,
        ballotP99: ballots.latency.p99,
        ballotErrors: ballots.non2xx + ballots.errors + ballots.timeouts,
        counted: rows.length,
        distinct: new Set(rows.map((r) => r.resident_id)).size,
        listPerSecond: list.requests.average,
        listP99: list.latency.p99,
        ...(await measureImport(t)),
      };
    } finally {
      child.kill('SIGTERM');
    }
  } finally {
    await t.cleanup();
  }
}

/** Imports the largest Pabulib file (Łódź 2022) with its ballots and computes its results. */
async function measureImport(t: Target): Promise<{ importSeconds: number; importBallots: number }> {
  const database = await openDatabase({ dataDir: t.dataDir, databaseUrl: t.databaseUrl });
  const ctx = createContext(database);
  const text = readFileSync(LODZ, 'utf8');
  const started = performance.now();
  const done = await importPabulib(ctx, text, { campaignId: 'lodz-2022', prefix: 'lodz-' });
  const results = await getResults(ctx, 'lodz-2022');
  await exportPabulib(ctx, 'lodz-2022');
  const seconds = (performance.now() - started) / 1000;
  await database.close();
  if (results.turnout !== done.ballots) throw new Error('the imported ballots were not all counted');
  return { importSeconds: seconds, importBallots: done.ballots };
}

export async function benchServer(): Promise<void> {
  for (const engine of ['sqlite', 'postgres'] as const) {
    if (engine === 'postgres' && PG_URL === 'off') continue;
    const f = await measureEngine(engine);
    const sqlite = engine === 'sqlite';
    report(`@veche/server on ${engine === 'sqlite' ? 'SQLite (WAL, a file)' : 'PostgreSQL'} (autocannon, loopback, 32 connections)`, [
      { name: `ballot submissions, ${VOTERS.toLocaleString('en')} distinct residents`, value: `${Math.round(f.ballotsPerSecond).toLocaleString('en')} /s`, ...(sqlite ? { goal: '>= 2,000/s', ok: f.ballotsPerSecond >= 2000 } : {}) },
      { name: '  p99 latency', value: `${f.ballotP99} ms`, ...(sqlite ? { goal: '<= 50 ms', ok: f.ballotP99 <= 50 } : {}) },
      { name: '  ballots stored (one each, none lost)', value: `${f.counted.toLocaleString('en')}`, goal: `${VOTERS.toLocaleString('en')}, 0 failed`, ok: f.counted === VOTERS && f.distinct === VOTERS && f.ballotErrors === 0 },
      { name: 'project list reads (20 a page)', value: `${Math.round(f.listPerSecond).toLocaleString('en')} /s`, ...(sqlite ? { goal: '>= 5,000/s', ok: f.listPerSecond >= 5000 } : {}) },
      { name: '  p99 latency', value: `${f.listP99} ms` },
      { name: `Pabulib import, Łódź 2022 (${f.importBallots.toLocaleString('en')} ballots) + results`, value: `${f.importSeconds.toFixed(1)} s`, goal: '< 10 s', ok: f.importSeconds < 10 },
    ]);
  }
}

/** The child: the server on the database the parent prepared. */
async function serveChild(): Promise<void> {
  const config = loadConfig(process.env);
  const server = await createServer({ config, rateLimit: { perMinute: 100_000_000 } });
  await server.app.listen({ port: config.port, host: '127.0.0.1' });
  console.log('ready');
  process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
}

if (process.argv[2] === '--serve') await serveChild();
