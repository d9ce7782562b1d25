// News and the participation report through the RestAdapter, against the real server: on SQLite and PostgreSQL.
import { RestAdapter } from '@veche/adapter-rest';
import { ParticipationReport, UpdatePage, parseWith } from '@veche/core';
import { createMemoryAdapter } from '@veche/core/memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './support/databases.ts';
import { bearer, call } from './support/http.ts';
import { ADMIN_TOKEN, NOW, type TestServer, startServer } from './support/server.ts';
import { failure, memoryStorage } from './support/values.ts';

describe.each(ENGINES)('RestAdapter: news and participation on %s', (engine) => {
  let s: TestServer;
  let a: RestAdapter;
  beforeAll(async () => {
    s = await startServer(engine, { now: () => NOW });
    a = new RestAdapter({ baseUrl: s.api, storage: memoryStorage(), retries: 0 });
  });
  afterAll(() => s.close());

  it('pages the news like the MemoryAdapter, and filters by project', async () => {
    expect(a.capabilities.updates).toBe(true);
    const all = parseWith(UpdatePage, await a.listUpdates('demo', { limit: 50 }), 'page');
    const memory = await createMemoryAdapter('memory:demo', { now: () => NOW }).listUpdates('demo', { limit: 50 });
    expect(all.items.map((i) => i.id)).toEqual(memory.items.map((i) => i.id));
    expect(all.items).toEqual(memory.items);

    const first = await a.listUpdates('demo', { limit: 2 });
    const rest = await a.listUpdates('demo', { limit: 50, cursor: first.nextCursor! });
    expect([...first.items, ...rest.items].map((i) => i.id)).toEqual(all.items.map((i) => i.id));
    expect((await a.listUpdates('demo', { project: 'demo-14' })).items.every((i) => i.projectId === 'demo-14')).toBe(true);
    expect((await failure(a.listUpdates('nope'))).code).toBe('not-found');
    expect((await failure(a.listUpdates('demo', { cursor: 'bad' }))).code).toBe('invalid-input');
  });

  it('reads the participation report: the same figures as the MemoryAdapter for the demo', async () => {
    expect(a.capabilities.participation).toBe(true);
    const report = parseWith(ParticipationReport, await a.getParticipation('demo'), 'report');
    const memory = await createMemoryAdapter('memory:demo', { now: () => NOW }).getParticipation('demo');
    const strip = (r: ParticipationReport) => ({ ...r, years: r.years.map(({ updatedAt: _u, ...y }) => y) });
    expect(strip(report)).toEqual(strip(memory));
    expect((await failure(a.getParticipation('nope'))).code).toBe('not-found');
  });

  it('sees a news item the administration publishes', async () => {
    const res = await call(s.server, 'POST', '/api/admin/campaigns/demo/updates', { title: 'Площадка открыта' }, bearer(ADMIN_TOKEN));
    expect(res.status).toBe(201);
    expect((await a.listUpdates('demo', { limit: 1 })).items[0]!.title).toBe('Площадка открыта');
  });

  it('turns a malformed answer into invalid-response', async () => {
    const broken = new RestAdapter({
      baseUrl: s.api,
      storage: memoryStorage(),
      retries: 0,
      fetch: async () => new Response(JSON.stringify({ items: [{ id: 'x', title: '<b>' }], nextCursor: null }), { status: 200 }),
    });
    expect((await failure(broken.listUpdates('demo'))).code).toBe('invalid-response');
    expect((await failure(broken.getParticipation('demo'))).code).toBe('invalid-response');
  });
});
