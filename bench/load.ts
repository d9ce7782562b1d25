// `npm run bench -- load`: the whole Łódź 2022 voting day (90,494 voters, 160 projects) replayed against
// `veche-server serve` in a child process, on SQLite and on PostgreSQL, through the HTTP API only: each
// voter signs in with a voting code issued for them, saves a draft and submits it, 32 at a time, each from
// their own address (the server trusts the loopback proxy) under the production rate limits. Afterwards
// the published results must equal computeResults over the same ballots, exactly.
// VECHE_LOAD_EVERY=n replays every n-th voter only (a quicker look).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChildServer } from '../tests/node/support/child-server.ts';
import { PG_URL, freshPostgres } from '../tests/node/support/databases.ts';
import { HttpClient, closeAndCompare, lodzDay, openVotingDay, percentile, replayVotingDay } from '../tests/node/support/voting-day.ts';
import { report } from './harness.ts';

const ADMIN_TOKEN = 'bench-admin-token-0123456789';
const CONCURRENCY = 32;

async function database(engine: 'sqlite' | 'postgres'): Promise<{ env: Record<string, string>; cleanup(): Promise<void> }> {
  if (engine === 'postgres') {
    const pg = await freshPostgres();
    return { env: { DATABASE_URL: pg.url }, cleanup: pg.drop };
  }
  const dir = mkdtempSync(join(tmpdir(), 'veche-load-'));
  return { env: { DATA_DIR: dir, DATABASE_URL: '' }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

export async function benchLoad(): Promise<void> {
  const every = Math.max(1, Number(process.env['VECHE_LOAD_EVERY'] ?? 1) || 1);
  for (const engine of ['sqlite', 'postgres'] as const) {
    if (engine === 'postgres' && PG_URL === 'off') continue;
    const day = lodzDay({ every });
    const db = await database(engine);
    const server = await startChildServer({ ...db.env, ADMIN_TOKEN, CORS_ORIGINS: '' });
    const client = new HttpClient(server.origin, CONCURRENCY);
    try {
      const opened = performance.now();
      const codes = await openVotingDay(client, ADMIN_TOKEN, day);
      const openSeconds = (performance.now() - opened) / 1000;
      const f = await replayVotingDay(client, day, codes, {
        concurrency: CONCURRENCY,
        addresses: true,
        onProgress: (done) => done % 10_000 === 0 && process.stderr.write(`  ${engine}: ${done.toLocaleString('en')} voters\n`),
      });
      const closed = performance.now();
      const exact = await closeAndCompare(client, ADMIN_TOKEN, day);
      const closeMs = performance.now() - closed;
      const n = day.ballots.length.toLocaleString('en');
      report(`Voting day on ${engine === 'sqlite' ? 'SQLite (WAL, a file)' : 'PostgreSQL'}: Łódź 2022, ${n} voters, veche-server serve, ${CONCURRENCY} at a time`, [
        { name: 'open the day: import 160 projects, issue a code per voter', value: `${openSeconds.toFixed(1)} s` },
        { name: 'voters signed in, saved a draft and submitted', value: `${f.submitted.toLocaleString('en')}`, goal: `${n}, 0 failed`, ok: f.submitted === day.ballots.length && f.failures.length === 0 },
        { name: 'ballots/s (each: sign-in, draft, submit)', value: `${Math.round(f.ballotsPerSecond).toLocaleString('en')} /s` },
        { name: 'the whole day took', value: `${f.seconds.toFixed(0)} s` },
        { name: 'submit latency p50', value: ms(percentile(f.latency.submit, 50)) },
        { name: 'submit latency p99', value: ms(percentile(f.latency.submit, 99)) },
        { name: 'sign-in latency p50 / p99', value: `${percentile(f.latency.signIn, 50).toFixed(1)} / ${percentile(f.latency.signIn, 99).toFixed(1)} ms` },
        { name: 'draft latency p50 / p99', value: `${percentile(f.latency.draft, 50).toFixed(1)} / ${percentile(f.latency.draft, 99).toFixed(1)} ms` },
        { name: 'a voter (three requests) p50 / p99', value: `${percentile(f.latency.voter, 50).toFixed(1)} / ${percentile(f.latency.voter, 99).toFixed(1)} ms` },
        { name: 'close the vote and publish the results', value: ms(closeMs) },
        { name: 'results equal computeResults over the same ballots', value: exact.equal ? 'exactly' : `${exact.differences.length} differ`, goal: 'exactly', ok: exact.equal },
      ]);
      for (const failure of f.failures.slice(0, 5)) console.log(`    failed: voter ${failure.voter} at ${failure.step}: ${failure.status} ${failure.text}`);
      for (const difference of exact.differences) console.log(`    differs: ${difference}`);
    } finally {
      client.close();
      await server.stop();
      await db.cleanup();
    }
  }
}
