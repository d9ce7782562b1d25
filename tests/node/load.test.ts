// A scaled-down voting day (every 45th Łódź 2022 voter: about 2,000) through the HTTP API, on SQLite and
// PostgreSQL, with the production rate limits and caches: every voter signs in with their own code,
// saves a draft and submits; the published results then equal computeResults over the same ballots.
// Exactness only: the speed of the whole day is `npm run bench -- load`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './support/databases.ts';
import { ADMIN_TOKEN, type TestServer, startServer } from './support/server.ts';
import { HttpClient, closeAndCompare, lodzDay, openVotingDay, replayVotingDay } from './support/voting-day.ts';

describe.each(ENGINES)('a voting day on %s', (engine) => {
  let s: TestServer;
  let client: HttpClient;
  beforeAll(async () => {
    // As deployed: rate limits on, live caches on, behind a proxy that names each voter's address.
    s = await startServer(engine, { seed: false, rateLimit: { perMinute: 1200 }, liveCacheMs: 2000, trustProxy: true });
    client = new HttpClient(s.origin, 16);
  });
  afterAll(async () => {
    client.close();
    await s.close();
  });

  it('counts every ballot of a replayed Łódź vote exactly as computeResults does', async () => {
    const day = lodzDay({ every: 45 });
    const codes = await openVotingDay(client, ADMIN_TOKEN, day);
    expect(codes).toHaveLength(day.ballots.length);
    const figures = await replayVotingDay(client, day, codes, { concurrency: 16, addresses: true });
    expect(figures.failures).toEqual([]);
    expect(figures.submitted).toBe(day.ballots.length);
    expect(new Set(figures.receipts).size).toBe(day.ballots.length);

    // One stored ballot per voter, each one submitted.
    const rows = await s.server.ctx.db.selectFrom('ballots').select(['status']).where('campaign_id', '=', day.campaignId).execute();
    expect(rows).toHaveLength(day.ballots.length);
    expect(rows.every((r) => r.status === 'submitted')).toBe(true);

    const exact = await closeAndCompare(client, ADMIN_TOKEN, day);
    expect(exact.differences).toEqual([]);
    expect(exact.server.turnout).toBe(day.ballots.length);
    expect(exact.server.projects.filter((p) => p.selected).length).toBeGreaterThan(5);
  });
});
