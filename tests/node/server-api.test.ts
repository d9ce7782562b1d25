// The HTTP contract of the reference server, on SQLite and PostgreSQL.
import { SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './support/databases.ts';
import { bearer, call, isError } from './support/http.ts';
import { ADMIN_TOKEN, NOW, type TestServer, startServer, testClock } from './support/server.ts';

const admin = bearer(ADMIN_TOKEN);
const HOST_SECRET = 'a-shared-secret-of-the-city-portal-0123456789';

async function signInCode(s: TestServer, code: string): Promise<string> {
  const res = await call(s.server, 'POST', '/api/auth/voting-code', { code });
  expect(res.status).toBe(200);
  return (res.body as { token: string }).token;
}

describe.each(ENGINES)('the HTTP API on %s', (engine) => {
  let s: TestServer;
  const clock = testClock();
  beforeAll(async () => {
    s = await startServer(engine, { now: clock.now, corsOrigins: ['https://city.example', 'https://*.city.example'] });
  });
  afterAll(() => s.close());
  afterEach(() => clock.set(NOW));

  it('answers every error as {"error": {code, message}} with security headers', async () => {
    const missing = await call(s.server, 'GET', '/api/nothing/here');
    expect(missing.status).toBe(404);
    expect(isError(missing, 'not-found')).toBe(true);
    expect(missing.headers['x-content-type-options']).toBe('nosniff');
    expect(missing.headers['content-security-policy']).toContain("default-src 'none'");
    expect(missing.headers['cache-control']).toBe('no-store');

    const badJson = await call(s.server, 'POST', '/api/auth/voting-code', '{"code":', { 'content-type': 'application/json' });
    expect(badJson.status).toBe(400);
    expect(isError(badJson, 'invalid-input')).toBe(true);
    const xml = await call(s.server, 'POST', '/api/auth/voting-code', '<code/>', { 'content-type': 'application/xml' });
    expect(xml.status).toBe(415);
    expect(isError(xml, 'invalid-input')).toBe(true);
    const huge = await call(s.server, 'POST', '/api/auth/voting-code', { code: 'x'.repeat(2_000_000) });
    expect(huge.status).toBe(413);
    expect(isError(huge, 'invalid-input')).toBe(true);
    const poisoned = await call(s.server, 'POST', '/api/auth/voting-code', '{"__proto__": {"admin": true}, "code": "ABCD-1234"}', { 'content-type': 'application/json' });
    expect(poisoned.status).toBe(400);
    const me = await call(s.server, 'GET', '/api/me');
    expect(isError(me, 'unauthorized')).toBe(true);
    const badKey = await call(s.server, 'POST', '/api/campaigns/demo/ballot/submit', { selection: [] }, { 'idempotency-key': 'x'.repeat(300) });
    expect(badKey.status).toBe(400);
  });

  it('serves its OpenAPI 3.1 document, generated from the core schemas', async () => {
    const res = await call(s.server, 'GET', '/api/openapi.json');
    const doc = res.body as { openapi: string; paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/campaigns/{campaignId}/ballot/submit', '/api/auth/host-token', '/api/admin/campaigns/{campaignId}/codes']));
    const submit = doc.paths['/api/campaigns/{campaignId}/ballot/submit']!['post']!;
    expect(Object.keys(submit.responses)).toEqual(expect.arrayContaining(['200', '409', '422', '401']));
    expect(JSON.stringify(submit.requestBody)).toContain('"projectId"');
    expect((await call(s.server, 'GET', '/api/health')).body).toEqual({ ok: true, engine });
  });

  it('lets only listed origins use the API: exact origins and explicit subdomain wildcards', async () => {
    const from = (origin: string) => ({ origin });
    const ok = await call(s.server, 'GET', '/api/campaigns/demo', undefined, from('https://city.example'));
    expect(ok.headers['access-control-allow-origin']).toBe('https://city.example');
    expect((await call(s.server, 'GET', '/api/campaigns/demo', undefined, from('https://pb.city.example'))).headers['access-control-allow-origin']).toBe('https://pb.city.example');
    for (const origin of ['https://evil.example', 'https://evilcity.example', 'http://city.example', 'https://city.example.evil.example']) {
      const read = await call(s.server, 'GET', '/api/campaigns/demo', undefined, from(origin));
      expect(read.headers['access-control-allow-origin'], origin).toBeUndefined();
      const write = await call(s.server, 'POST', '/api/auth/voting-code', { code: 'DEMO-1030' }, from(origin));
      expect(write.status, origin).toBe(403);
      expect(isError(write, 'forbidden')).toBe(true);
    }
    // The refused request used nothing up: the code still works.
    expect((await call(s.server, 'POST', '/api/auth/voting-code', { code: 'DEMO-1030' }, from('https://city.example'))).status).toBe(200);

    const preflight = await call(s.server, 'OPTIONS', '/api/campaigns/demo/ballot/submit', undefined, {
      origin: 'https://pb.city.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type, idempotency-key',
    });
    expect(preflight.status).toBe(204);
    expect(String(preflight.headers['access-control-allow-headers'])).toMatch(/Idempotency-Key/);
    const refused = await call(s.server, 'OPTIONS', '/api/campaigns/demo/ballot/submit', undefined, { origin: 'https://evil.example', 'access-control-request-method': 'POST' });
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();

    // A campaign's own embed origins come from the admin API.
    const campaign = (await call(s.server, 'GET', '/api/campaigns/demo')).body;
    expect((await call(s.server, 'PUT', '/api/admin/campaigns/demo', { campaign, embedOrigins: ['https://kedrovogorsk.example'] }, admin)).status).toBe(200);
    expect((await call(s.server, 'GET', '/api/campaigns/demo', undefined, from('https://kedrovogorsk.example'))).headers['access-control-allow-origin']).toBe('https://kedrovogorsk.example');
  });

  it('takes exactly one ballot from 50 concurrent submits of one resident', async () => {
    const token = await signInCode(s, 'DEMO-1031');
    const body = { selection: [{ projectId: 'demo-1' }, { projectId: 'demo-5' }] };
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => call(s.server, 'POST', '/api/campaigns/demo/ballot/submit', body, { ...bearer(token), ...(i % 2 ? { 'idempotency-key': `key-${i}` } : {}) })),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409).every((a) => isError(a, 'conflict'))).toBe(true);
    expect(answers.filter((a) => a.status !== 200 && a.status !== 409)).toEqual([]);

    const other = await signInCode(s, 'DEMO-1032');
    const same = await Promise.all(
      Array.from({ length: 50 }, () => call(s.server, 'POST', '/api/campaigns/demo/ballot/submit', body, { ...bearer(other), 'idempotency-key': 'one-key' })),
    );
    expect(same.map((a) => a.status)).toEqual(Array(50).fill(200));
    expect(new Set(same.map((a) => a.text)).size).toBe(1);
    const rows = await s.server.ctx.db.selectFrom('ballots').select('resident_id').where('status', '=', 'submitted').where('resident_id', 'like', 'code-%').execute();
    expect(rows).toHaveLength(2);
  });

  it('signs residents in with host-signed tokens from registered issuers only', async () => {
    expect((await call(s.server, 'PUT', '/api/admin/host-keys', { issuer: 'https://portal.city.example', algorithm: 'HS256', key: HOST_SECRET }, admin)).status).toBe(200);
    const sign = (claims: Record<string, unknown>, { secret = HOST_SECRET, issuer = 'https://portal.city.example', expires = '10m' } = {}) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuer(issuer).setSubject('user-42').setIssuedAt(NOW).setExpirationTime(expires === '10m' ? new Date(NOW.getTime() + 600_000) : new Date(expires)).sign(new TextEncoder().encode(secret));
    const good = await call(s.server, 'POST', '/api/auth/host-token', { token: await sign({ name: 'Иван Петров', district: 'north' }) });
    expect(good.status).toBe(200);
    const { token, identity } = good.body as { token: string; identity: { residentId: string; displayName: string; campaigns: Record<string, { vote: boolean; support: boolean; districtId?: string }> } };
    expect(identity.displayName).toBe('Иван Петров');
    expect(identity.campaigns['demo']).toMatchObject({ vote: true, support: false, districtId: 'north' });
    // The demo does not take host tokens for support: 403 with the accepted methods.
    clock.days(-60);
    const support = await call(s.server, 'POST', '/api/projects/demo-8/support', undefined, bearer(token));
    expect(support.status).toBe(403);
    expect((support.body as { error: { details: { methods: string[] } } }).error.details.methods).toEqual(['voting-code', 'one-time-code']);
    clock.set(NOW);

    for (const forged of [
      await sign({}, { secret: 'another-secret-another-secret-another-secret' }),
      await sign({}, { issuer: 'https://unknown.example' }),
      await sign({}, { expires: new Date(NOW.getTime() - 1000).toISOString() }),
      await sign({}, { expires: new Date(NOW.getTime() + 86_400_000).toISOString() }),
      'not-a-jwt-at-all',
    ]) {
      const res = await call(s.server, 'POST', '/api/auth/host-token', { token: forged });
      expect(res.status).toBe(401);
      expect(isError(res, 'unauthorized')).toBe(true);
    }
  });

  it('limits one-time codes: 3 requests and 5 tries, expiring after 10 minutes', async () => {
    const contact = 'anna@example.ru';
    for (let i = 0; i < 3; i++) expect((await call(s.server, 'POST', '/api/auth/code/request', { contact })).status).toBe(200);
    const fourth = await call(s.server, 'POST', '/api/auth/code/request', { contact });
    expect(fourth.status).toBe(429);
    expect(Number(fourth.headers['retry-after'])).toBeGreaterThan(0);
    const code = s.outbox.at(-1)!.code;
    const wrong = code === '111111' ? '222222' : '111111';
    for (let i = 0; i < 5; i++) expect((await call(s.server, 'POST', '/api/auth/code/verify', { contact, code: wrong })).status).toBe(401);
    expect((await call(s.server, 'POST', '/api/auth/code/verify', { contact, code })).status).toBe(429);
    expect((await call(s.server, 'POST', '/api/auth/code/verify', { contact, code })).status).toBe(401);

    clock.set(new Date(NOW.getTime() + 11 * 60_000));
    await call(s.server, 'POST', '/api/auth/code/request', { contact: 'boris@example.ru' });
    const late = s.outbox.at(-1)!;
    clock.set(new Date(NOW.getTime() + 22 * 60_000));
    expect((await call(s.server, 'POST', '/api/auth/code/verify', { contact: 'boris@example.ru', code: late.code })).status).toBe(401);
    expect(JSON.stringify(await s.server.ctx.db.selectFrom('one_time_codes').selectAll().execute())).not.toContain(late.code);
  });

  it('runs the admin API: codes, moderation, milestones, frozen rules, exports', async () => {
    expect((await call(s.server, 'GET', '/api/admin/campaigns')).status).toBe(401);
    expect((await call(s.server, 'GET', '/api/admin/campaigns', undefined, bearer('wrong-token-wrong-token'))).status).toBe(401);
    const list = await call(s.server, 'GET', '/api/admin/campaigns', undefined, admin);
    expect(list.body).toContainEqual(expect.objectContaining({ id: 'demo', projects: 15 }));

    const codes = await call(s.server, 'POST', '/api/admin/campaigns/demo/codes', { count: 3, districtId: 'north' }, admin);
    const issued = (codes.body as { codes: string[] }).codes;
    expect(issued).toHaveLength(3);
    expect(issued[0]).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const stored = JSON.stringify(await s.server.ctx.db.selectFrom('voting_codes').selectAll().execute());
    expect(stored).not.toContain(issued[0]);
    const token = await signInCode(s, issued[0]!.toLowerCase().replace(/-/g, ' '));
    expect(((await call(s.server, 'GET', '/api/me', undefined, bearer(token))).body as { campaigns: Record<string, unknown> }).campaigns['demo']).toMatchObject({ districtId: 'north' });

    // Moderation: an idea becomes public once published; a rejection carries its note.
    clock.days(-100);
    const idea = await call(s.server, 'POST', '/api/campaigns/demo/ideas', {
      title: 'Скейт-парк у реки',
      description: 'Рампы и перила для подростков.',
      author: { email: 'kirill@example.ru' },
      consents: [{ kind: 'personal-data', version: '2026-09', accepted: true }],
    });
    expect(idea.status).toBe(202);
    const id = (idea.body as { id: string }).id;
    expect((await call(s.server, 'GET', `/api/projects/${id}`)).status).toBe(404);
    const published = await call(s.server, 'POST', `/api/admin/projects/${id}/moderation`, { status: 'published', statusNote: 'Принято к рассмотрению' }, admin);
    expect(published.body).toMatchObject({ status: 'published', statusNote: 'Принято к рассмотрению' });
    const seen = await call(s.server, 'GET', `/api/projects/${id}`);
    expect(seen.body).toMatchObject({ id, status: 'published' });
    expect(seen.text).not.toContain('kirill@example.ru');
    clock.set(NOW);
    const milestones = await call(s.server, 'PUT', '/api/admin/projects/demo-15/milestones', { milestones: [{ id: 'm1', title: 'Павильон установлен', done: true }], progress: 100 }, admin);
    expect(milestones.body).toMatchObject({ progress: 100, milestones: [{ id: 'm1', done: true }] });

    // Rules are frozen while voting is open.
    const campaign = (await call(s.server, 'GET', '/api/campaigns/demo')).body as { votingRules: object };
    const changed = await call(s.server, 'PUT', '/api/admin/campaigns/demo', { campaign: { ...campaign, votingRules: { method: 'approval', maxProjects: 3 } } }, admin);
    expect(changed.status).toBe(409);
    expect(isError(changed, 'conflict')).toBe(true);
    expect((await call(s.server, 'GET', '/api/campaigns/demo')).body).toMatchObject({ votingRules: { method: 'knapsack' } });

    const csv = await call(s.server, 'GET', '/api/admin/campaigns/demo/export?format=csv', undefined, admin);
    expect(csv.text.split('\n')[0]).toBe('section,project_id,title,cost,votes,points,selected,voter');
    expect(csv.text).toContain('result,demo-1,');
    expect((await call(s.server, 'GET', '/api/admin/campaigns/demo/export?format=xls', undefined, admin)).status).toBe(400);
  });

  it('keeps the districts of district ballots, and allowRevote', async () => {
    const campaign = (await call(s.server, 'GET', '/api/campaigns/demo')).body as Record<string, unknown>;
    const districtCampaign = { ...campaign, id: 'districts', allowRevote: false, votingRules: { method: 'approval', maxProjects: 2, districtMode: 'one' } };
    expect((await call(s.server, 'PUT', '/api/admin/campaigns/districts', { campaign: districtCampaign }, admin)).status).toBe(200);
    for (const [id, districtId] of [['d-north', 'north'], ['d-center', 'center']] as const) {
      const project = { id, campaignId: 'districts', title: `Проект ${id}`, cost: 100_000, status: 'shortlisted', districtId, createdAt: NOW.toISOString() };
      expect((await call(s.server, 'PUT', `/api/admin/projects/${id}`, project, admin)).status).toBe(200);
    }
    expect((await call(s.server, 'PUT', '/api/admin/projects/demo-1', { id: 'demo-1', campaignId: 'districts', title: 'x', cost: 1, status: 'published', createdAt: NOW.toISOString() }, admin)).status).toBe(409);
    const [code] = (((await call(s.server, 'POST', '/api/admin/campaigns/districts/codes', { count: 1, districtId: 'north' }, admin)).body) as { codes: string[] }).codes;
    const token = await signInCode(s, code!);
    const h = bearer(token);
    expect((await call(s.server, 'POST', '/api/campaigns/districts/ballot/submit', { selection: [{ projectId: 'd-north' }] }, h)).status).toBe(400);
    expect((await call(s.server, 'POST', '/api/campaigns/districts/ballot/submit', { selection: [{ projectId: 'd-center' }], districtId: 'center' }, h)).status).toBe(403);
    const wrong = await call(s.server, 'POST', '/api/campaigns/districts/ballot/submit', { selection: [{ projectId: 'd-center' }], districtId: 'north' }, h);
    expect((wrong.body as { error: { details: { violations: unknown[] } } }).error.details.violations).toEqual([{ code: 'wrong-district', projectId: 'd-center' }]);
    expect((await call(s.server, 'POST', '/api/campaigns/districts/ballot/submit', { selection: [{ projectId: 'd-north' }], districtId: 'north' }, h)).status).toBe(200);
    expect((await call(s.server, 'DELETE', '/api/campaigns/districts/ballot', undefined, h)).status).toBe(403);
    // A voting code signs into its own campaign only.
    expect((await call(s.server, 'GET', '/api/campaigns/demo/ballot', undefined, h)).status).toBe(403);
  });

  it('serves photos only by their stored name', async () => {
    for (const path of ['/api/uploads/..%2F..%2Fetc%2Fpasswd', '/api/uploads/u123.png', '/api/uploads/x.svg']) {
      expect((await call(s.server, 'GET', path)).status).toBe(404);
    }
  });
});

describe('limits and switches', () => {
  it('rate-limits by address with our error body, and refuses the token when no ADMIN_TOKEN is set (staff sessions only)', async () => {
    const s = await startServer('sqlite', { rateLimit: { perMinute: 5 } });
    try {
      const answers = [];
      for (let i = 0; i < 7; i++) answers.push(await call(s.server, 'GET', '/api/campaigns/demo'));
      expect(answers.slice(0, 5).every((a) => a.status === 200)).toBe(true);
      expect(answers[5]!.status).toBe(429);
      expect(isError(answers[5]!, 'rate-limited')).toBe(true);
      expect(Number(answers[5]!.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await s.close();
    }
    const { loadConfig } = await import('../../packages/server/src/index.ts');
    const off = await startServer('sqlite', { config: { ...loadConfig({}), dataDir: ':memory:' } });
    try {
      expect((await call(off.server, 'GET', '/api/admin/campaigns', undefined, admin)).status).toBe(401);
    } finally {
      await off.close();
    }
  });
});
