// Comments and quick polls over the HTTP API of the reference server, on SQLite and PostgreSQL.
import { CommentPage, PollView, parseWith, type Comment } from '@veche/core';
import { DEMO_CLOSED_POLL_ID, DEMO_POLL_ID, DEMO_PROJECT_POLL_ID, demoFixture } from '@veche/core/memory';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sessionFor } from '../../packages/server/src/index.ts';
import { ENGINES } from './support/databases.ts';
import { type Answer, bearer, call, isError } from './support/http.ts';
import { ADMIN_TOKEN, NOW, type TestServer, startServer, testClock } from './support/server.ts';

const admin = bearer(ADMIN_TOKEN);
const MINUTE = 60_000;
const NAME_CONSENT = { kind: 'publish-name', version: 'veche-comment-name-1', accepted: true } as const;

const body = <T>(a: Answer): T => a.body as T;

describe.each(ENGINES)('comments and polls on %s', (engine) => {
  let s: TestServer;
  const clock = testClock();
  let residents = 0;
  /** A fresh resident's bearer header (a voting-code session of the demo campaign). */
  const resident = async (name?: string) => {
    const { token } = await sessionFor(s.server.ctx, `resident-${++residents}`, 'voting-code', { campaignId: 'demo', ...(name ? { displayName: name } : {}) });
    return bearer(token);
  };
  /** Replaces the demo's discussion policy. */
  const policy = async (discussion: Record<string, unknown>) => {
    const campaign = body<Record<string, unknown>>(await call(s.server, 'GET', '/api/campaigns/demo'));
    const answer = await call(s.server, 'PUT', '/api/admin/campaigns/demo', { campaign: { ...campaign, discussion } }, admin);
    expect(answer.status, answer.text).toBe(200);
  };
  const list = async (project: string, headers: Record<string, string> = {}, query = '') => {
    const answer = await call(s.server, 'GET', `/api/projects/${project}/comments${query}`, undefined, headers);
    expect(answer.status, answer.text).toBe(200);
    return parseWith(CommentPage, answer.body, 'comment page');
  };
  const post = (project: string, comment: unknown, headers: Record<string, string>) => call(s.server, 'POST', `/api/projects/${project}/comments`, comment, headers);
  const ids = (page: CommentPage) => page.items.map((c) => c.id);

  beforeAll(async () => {
    s = await startServer(engine, { now: clock.now });
  });
  afterAll(() => s.close());
  afterEach(async () => {
    clock.set(NOW);
    await policy({});
  });

  it('serves the demo discussion: official answers pinned, replies threaded, no author ids, addresses or consents', async () => {
    const page = await list('demo-1');
    expect(ids(page)).toEqual(['c-1-official', 'c-1-3', 'c-1-2', 'c-1-1']);
    expect(page.items[3]!.replies.map((r) => r.id)).toEqual(['c-1-1-r2', 'c-1-1-r1']);
    expect(page).toMatchObject({ total: 6, stances: { for: 1, against: 1, neutral: 1 }, nextCursor: null });
    expect(ids(await list('demo-1', {}, '?sort=useful'))).toEqual(['c-1-official', 'c-1-1', 'c-1-2', 'c-1-3']);
    const first = await list('demo-1', {}, '?limit=3');
    const rest = await list('demo-1', {}, `?limit=3&cursor=${first.nextCursor}`);
    expect([...ids(first), ...ids(rest)]).toEqual(ids(page));
    const text = JSON.stringify(page);
    for (const secret of ['seed-', 'admin', 'resident', 'consents', '"ip"']) expect(text).not.toContain(secret);
    expect((await call(s.server, 'GET', '/api/projects/demo-7/comments')).status).toBe(404);

    const doc = body<{ paths: Record<string, unknown> }>(await call(s.server, 'GET', '/api/openapi.json'));
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/projects/{projectId}/comments', '/api/comments/{commentId}', '/api/polls/{pollId}/answers', '/api/admin/campaigns/{campaignId}/comments']));
  });

  it('asks for sign-in, shows a name only with its consent, and keeps the consent record private', async () => {
    const none = await post('demo-2', { body: 'Без входа' }, {});
    expect(none.status).toBe(401);
    expect(body<{ error: { details: { methods: string[] } } }>(none).error.details.methods).toEqual(['voting-code', 'one-time-code', 'host-token']);

    const r = await resident('Пётр Портал');
    const named = await post('demo-2', { body: 'Нужны фонари и у моста', stance: 'for', authorName: 'Мария', consents: [NAME_CONSENT] }, r);
    expect(named.status, named.text).toBe(201);
    expect(body<Comment>(named)).toMatchObject({ authorName: 'Мария', stance: 'for', status: 'published', mine: true, useful: 0 });
    expect(body<Comment>(named).editableUntil).toBe(new Date(NOW.getTime() + 10 * MINUTE).toISOString());
    const vouched = await post('demo-2', { body: 'Имя от портала', consents: [NAME_CONSENT] }, r);
    expect(body<Comment>(vouched).authorName).toBe('Пётр Портал');
    const anonymous = await post('demo-2', { body: 'Без согласия', authorName: 'Мария' }, r);
    expect(body<Comment>(anonymous).authorName).toBeUndefined();
    const outdated = await post('demo-2', { body: 'x', authorName: 'М', consents: [{ ...NAME_CONSENT, version: 'old' }] }, r);
    expect(outdated.status).toBe(400);

    const row = await s.server.ctx.db.selectFrom('comments').select(['consents', 'ip', 'resident_id']).where('id', '=', body<Comment>(named).id).executeTakeFirstOrThrow();
    expect(JSON.parse(row.consents!)).toMatchObject([{ kind: 'publish-name', version: 'veche-comment-name-1', ip: '127.0.0.1' }]);
    const publicText = JSON.stringify(await list('demo-2'));
    expect(publicText).toContain('Нужны фонари');
    expect(publicText).not.toContain(row.resident_id);
    expect(publicText).not.toContain('127.0.0.1');
  });

  it('threads one level deep: replies answer top-level comments and carry no stance', async () => {
    const r = await resident();
    const reply = await post('demo-1', { body: 'Согласен', parentId: 'c-1-2', stance: 'for' }, r);
    expect(reply.status).toBe(201);
    expect(body<Comment>(reply).parentId).toBe('c-1-2');
    expect(body<Comment>(reply).stance).toBeUndefined();
    const deep = await post('demo-1', { body: 'Ответ на ответ', parentId: 'c-1-1-r1' }, r);
    expect(deep.status).toBe(400);
    expect(body<{ error: { details: { issues: { code: string }[] } } }>(deep).error.details.issues).toMatchObject([{ field: 'parentId', code: 'not-a-thread' }]);
    expect((await post('demo-1', { body: 'Чужой проект', parentId: 'c-2-1' }, r)).status).toBe(400);
    expect((await list('demo-1')).items.find((c) => c.id === 'c-1-2')!.replies.map((x) => x.body)).toContain('Согласен');
  });

  it('applies the campaign’s length and hourly limits, its sign-in methods and its closing', async () => {
    await policy({ maxLength: 100, perHour: 3 });
    const r = await resident();
    const long = await post('demo-8', { body: 'я'.repeat(101) }, r);
    expect(long.status).toBe(400);
    expect(body<{ error: { details: { issues: unknown[] } } }>(long).error.details.issues).toMatchObject([{ field: 'body', code: 'too-long', limit: 100 }]);
    expect((await post('demo-8', { body: 'x'.repeat(5001) }, r)).status).toBe(400);
    for (const n of [1, 2, 3]) expect((await post('demo-8', { body: `Комментарий ${n}` }, r)).status).toBe(201);
    const limited = await post('demo-8', { body: 'Четвёртый' }, r);
    expect(limited.status).toBe(429);
    expect(isError(limited, 'rate-limited')).toBe(true);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    clock.set(new Date(NOW.getTime() + 61 * MINUTE));
    expect((await post('demo-8', { body: 'Через час' }, r)).status).toBe(201);

    await policy({ signIn: ['host-token'] });
    expect((await post('demo-8', { body: 'x' }, await resident())).status).toBe(403);
    await policy({ open: false });
    expect(isError(await post('demo-8', { body: 'x' }, await resident()), 'phase-closed')).toBe(true);
  });

  it('holds comments for pre-moderation: the author sees theirs, the queue has them, a moderator decides', async () => {
    await policy({ premoderation: true });
    const author = await resident();
    const held = body<Comment>(await post('demo-9', { body: 'Нужен светофор', stance: 'for', authorName: 'Ольга', consents: [NAME_CONSENT] }, author));
    expect(held.status).toBe('pending');
    expect(ids(await list('demo-9', author))).toContain(held.id);
    expect(ids(await list('demo-9'))).not.toContain(held.id);
    expect(ids(await list('demo-9', await resident()))).not.toContain(held.id);

    const queue = body<{ comment: Comment; residentId: string; consents: unknown[] }[]>(await call(s.server, 'GET', '/api/admin/campaigns/demo/comments', undefined, admin));
    const record = queue.find((q) => q.comment.id === held.id)!;
    expect(record.residentId).toMatch(/^resident-/);
    expect(record.consents).toHaveLength(1);
    expect((await call(s.server, 'GET', '/api/admin/campaigns/demo/comments?status=nonsense', undefined, admin)).status).toBe(400);
    expect((await call(s.server, 'GET', '/api/admin/campaigns/demo/comments')).status).toBe(401);

    const published = await call(s.server, 'POST', `/api/admin/comments/${held.id}/moderation`, { status: 'published' }, admin);
    expect(body<Comment>(published).status).toBe('published');
    expect(ids(await list('demo-9'))).toContain(held.id);
    // An edit under pre-moderation goes back to the queue.
    const edited = await call(s.server, 'PUT', `/api/comments/${held.id}`, { body: 'Нужен светофор у школы', stance: 'for' }, author);
    expect(body<Comment>(edited).status).toBe('pending');
    expect(ids(await list('demo-9'))).not.toContain(held.id);
    await call(s.server, 'POST', `/api/admin/comments/${held.id}/moderation`, { status: 'hidden', note: 'Повтор' }, admin);
    expect(ids(await list('demo-9', author))).not.toContain(held.id);
    expect(body<{ comment: Comment }[]>(await call(s.server, 'GET', '/api/admin/campaigns/demo/comments?status=hidden', undefined, admin)).map((q) => q.comment.id)).toContain(held.id);
  });

  it('lets the author edit for 10 minutes by the server’s clock, nobody else ever', async () => {
    const author = await resident();
    const c = body<Comment>(await post('demo-3', { body: 'Опечтака', stance: 'for' }, author));
    clock.set(new Date(NOW.getTime() + 9 * MINUTE + 59_000));
    const edited = await call(s.server, 'PUT', `/api/comments/${c.id}`, { body: 'Опечатка', stance: 'neutral' }, author);
    expect(edited.status, edited.text).toBe(200);
    expect(body<Comment>(edited)).toMatchObject({ body: 'Опечатка', stance: 'neutral', editedAt: clock.now().toISOString() });
    expect((await call(s.server, 'PUT', `/api/comments/${c.id}`, { body: 'Чужая правка' }, await resident())).status).toBe(403);
    clock.set(new Date(NOW.getTime() + 10 * MINUTE));
    const late = await call(s.server, 'PUT', `/api/comments/${c.id}`, { body: 'Поздно' }, author);
    expect(late.status).toBe(403);
    expect(body<{ error: { details: { editableUntil: string } } }>(late).error.details.editableUntil).toBe(c.editableUntil);
    expect((await list('demo-3', author)).items.find((x) => x.id === c.id)).toMatchObject({ body: 'Опечатка', mine: true });
    expect((await list('demo-3', author)).items.find((x) => x.id === c.id)!.editableUntil).toBeUndefined();
    expect((await call(s.server, 'PUT', '/api/comments/c-1-official', { body: 'x' }, author)).status).toBe(403);
  });

  it('counts one useful mark per resident however many arrive at once, never on one’s own comment', async () => {
    const r = await resident();
    const marks = await Promise.all(Array.from({ length: 10 }, () => call(s.server, 'PUT', '/api/comments/c-2-2/useful', undefined, r)));
    expect(marks.map((m) => m.status)).toEqual(Array(10).fill(200));
    expect(body(marks[9]!)).toEqual({ commentId: 'c-2-2', useful: 2, marked: true });
    expect((await list('demo-2', r)).items.find((c) => c.id === 'c-2-2')).toMatchObject({ useful: 2, marked: true });
    expect(body(await call(s.server, 'DELETE', '/api/comments/c-2-2/useful', undefined, r))).toEqual({ commentId: 'c-2-2', useful: 1, marked: false });
    expect(body(await call(s.server, 'DELETE', '/api/comments/c-2-2/useful', undefined, r))).toEqual({ commentId: 'c-2-2', useful: 1, marked: false });
    const own = body<Comment>(await post('demo-2', { body: 'Моё' }, r));
    expect((await call(s.server, 'PUT', `/api/comments/${own.id}/useful`, undefined, r)).status).toBe(403);
    expect((await call(s.server, 'PUT', '/api/comments/c-2-2/useful')).status).toBe(401);
    expect((await call(s.server, 'PUT', '/api/comments/nowhere/useful', undefined, r)).status).toBe(404);
  });

  it('takes a report once per resident and hides a comment after three, until a moderator publishes it', async () => {
    const reporters = [await resident(), await resident(), await resident()];
    const target = body<Comment>(await post('demo-4', { body: 'Спорное мнение' }, await resident()));
    expect((await call(s.server, 'POST', `/api/comments/${target.id}/reports`, { reason: 'abuse' }, reporters[0]!)).status).toBe(204);
    expect((await call(s.server, 'POST', `/api/comments/${target.id}/reports`, { reason: 'spam' }, reporters[0]!)).status).toBe(204);
    expect((await list('demo-4', reporters[0]!)).items.find((c) => c.id === target.id)).toMatchObject({ reported: true });
    await call(s.server, 'POST', `/api/comments/${target.id}/reports`, { reason: 'off-topic' }, reporters[1]!);
    expect(ids(await list('demo-4'))).toContain(target.id);
    await call(s.server, 'POST', `/api/comments/${target.id}/reports`, { reason: 'personal-data', note: 'телефон' }, reporters[2]!);
    expect(ids(await list('demo-4'))).not.toContain(target.id);
    const queue = body<{ comment: Comment; reports: unknown[] }[]>(await call(s.server, 'GET', '/api/admin/campaigns/demo/comments', undefined, admin));
    expect(queue.find((q) => q.comment.id === target.id)!.reports).toHaveLength(3);
    await call(s.server, 'POST', `/api/admin/comments/${target.id}/moderation`, { status: 'published' }, admin);
    expect(ids(await list('demo-4'))).toContain(target.id);
    // The same residents cannot report it again; an official answer is never taken down by reports.
    for (const r of reporters) await call(s.server, 'POST', `/api/comments/${target.id}/reports`, { reason: 'spam' }, r);
    expect(ids(await list('demo-4'))).toContain(target.id);
    for (const r of reporters) expect((await call(s.server, 'POST', '/api/comments/c-1-official/reports', { reason: 'spam' }, r)).status).toBe(204);
    expect(ids(await list('demo-1'))).toContain('c-1-official');
    expect((await call(s.server, 'POST', `/api/comments/${target.id}/reports`, { reason: 'because' }, reporters[0]!)).status).toBe(400);
  });

  it('posts official answers through the admin API: marked, pinned, and answering a comment', async () => {
    const answer = await call(s.server, 'POST', '/api/admin/projects/demo-5/comments', { body: 'Тротуар включён в план на май.', authorName: 'Отдел дорог' }, admin);
    expect(answer.status).toBe(201);
    expect(body<Comment>(answer)).toMatchObject({ official: true, authorName: 'Отдел дорог', status: 'published' });
    const r = await resident();
    const question = body<Comment>(await post('demo-5', { body: 'А когда начнут?' }, r));
    const reply = await call(s.server, 'POST', '/api/admin/projects/demo-5/comments', { body: 'В мае.', parentId: question.id }, admin);
    expect(body<Comment>(reply)).toMatchObject({ parentId: question.id, authorName: 'Администрация' });
    const page = await list('demo-5');
    expect(page.items[0]!.id).toBe(body<Comment>(answer).id);
    expect(page.items.find((c) => c.id === question.id)!.replies[0]).toMatchObject({ official: true });
    expect((await call(s.server, 'POST', '/api/admin/projects/demo-5/comments', { body: 'x', parentId: body<Comment>(reply).id }, admin)).status).toBe(400);
  });

  it('applies a comment once per Idempotency-Key', async () => {
    const r = await resident();
    const headers = { ...r, 'idempotency-key': 'comment-once' };
    const answers = await Promise.all(Array.from({ length: 5 }, () => post('demo-6', { body: 'Один раз' }, headers)));
    expect(new Set(answers.map((a) => body<Comment>(a).id)).size).toBe(1);
    expect((await list('demo-6')).items.filter((c) => c.body === 'Один раз')).toHaveLength(1);
  });

  describe('polls', () => {
    const answer = (poll: string, a: unknown, headers: Record<string, string> = {}) => call(s.server, 'POST', `/api/polls/${poll}/answers`, a, headers);
    const device = (id: string, hints = 'screen=390x844;tz=Asia/Krasnoyarsk') => ({ id: id.padEnd(20, '0'), hints });

    it('takes exactly one answer from 20 concurrent answers of one resident', async () => {
      const r = await resident();
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => answer(DEMO_PROJECT_POLL_ID, { choices: [['rubber', 'grass', 'sand'][i % 3]] }, { ...r, ...(i % 2 ? { 'idempotency-key': `k-${i}` } : {}) })),
      );
      expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
      expect(answers.filter((a) => a.status !== 200).every((a) => a.status === 409 && isError(a, 'conflict'))).toBe(true);
      const stored = await s.server.ctx.db.selectFrom('poll_answers').select('voter_key').where('poll_id', '=', DEMO_PROJECT_POLL_ID).where('voter_key', 'like', 'r:%').execute();
      expect(stored).toHaveLength(1);
      const view = parseWith(PollView, body(await call(s.server, 'GET', `/api/polls/${DEMO_PROJECT_POLL_ID}`, undefined, r)), 'poll');
      expect(view.answer).not.toBeNull();
      expect(view.results!.total).toBe(88);
    });

    it('needs a signed-in resident for a resident poll, and shows no results before answering', async () => {
      const view = parseWith(PollView, body(await call(s.server, 'GET', `/api/polls/${DEMO_PROJECT_POLL_ID}`)), 'poll');
      expect(view).toMatchObject({ state: 'open', answer: null });
      expect(view.results).toBeUndefined();
      const none = await answer(DEMO_PROJECT_POLL_ID, { choices: ['sand'] });
      expect(none.status).toBe(401);
      const r = await resident();
      const wrong = await answer(DEMO_PROJECT_POLL_ID, { choices: ['sand', 'grass'] }, r);
      expect(wrong.status).toBe(400);
      expect(body<{ error: { details: { issues: { code: string }[] } } }>(wrong).error.details.issues[0]!.code).toBe('too-many-choices');
      expect((await answer(DEMO_PROJECT_POLL_ID, { choices: ['sand'], other: 'Своё' }, r)).status).toBe(400);
      expect((await answer(DEMO_PROJECT_POLL_ID, { choices: ['asphalt'] }, r)).status).toBe(400);
    });

    it('takes one answer per device for a device poll, even after the browser forgets its id', async () => {
      const phone = { 'user-agent': 'Mozilla/5.0 (Android 14) Chrome/130', 'accept-language': 'ru-RU' };
      const first = await answer(DEMO_POLL_ID, { choices: ['lights'], other: 'Ремонт дорог', device: device('phone-a') }, phone);
      expect(first.status, first.text).toBe(200);
      const view = parseWith(PollView, first.body, 'poll');
      expect(view.answer).toMatchObject({ choices: ['lights'], other: 'Ремонт дорог' });
      expect(view.results).toMatchObject({ total: 215 });
      expect((await answer(DEMO_POLL_ID, { choices: ['yards'], device: device('phone-a') }, phone)).status).toBe(409);
      // Storage cleared: a new id, the same browser, address and device hints.
      const again = await answer(DEMO_POLL_ID, { choices: ['yards'], device: device('phone-b') }, phone);
      expect(again.status).toBe(409);
      expect(body<{ error: { details: { by: string } } }>(again).error.details.by).toBe('fingerprint');
      const seen = parseWith(PollView, body(await call(s.server, 'GET', `/api/polls/${DEMO_POLL_ID}?device=${device('phone-b').id}&hints=${encodeURIComponent(device('x').hints)}`, undefined, phone)), 'poll');
      expect(seen.answer?.choices).toEqual(['lights']);
      // Another device behind the same address answers.
      const laptop = await answer(DEMO_POLL_ID, { choices: ['parks'], device: device('laptop', 'screen=1920x1080;tz=Asia/Krasnoyarsk') }, { 'user-agent': 'Mozilla/5.0 (X11; Linux) Firefox/131' });
      expect(laptop.status).toBe(200);
      expect(body<{ results: { total: number } }>(laptop).results.total).toBe(216);
      expect((await answer(DEMO_POLL_ID, { choices: ['parks'] })).status).toBe(400);
      expect((await answer(DEMO_POLL_ID, { choices: ['parks'], device: { id: 'short' } })).status).toBe(400);
      const report = body<{ other: { text: string }[]; results: { total: number } }>(await call(s.server, 'GET', `/api/admin/polls/${DEMO_POLL_ID}`, undefined, admin));
      expect(report.other.map((o) => o.text)).toContain('Ремонт дорог');
      expect(JSON.stringify(await call(s.server, 'GET', `/api/polls/${DEMO_POLL_ID}`))).not.toContain('Ремонт дорог');
    });

    it('opens and closes by the clock; a closed poll shows its results to everyone', async () => {
      const closed = parseWith(PollView, body(await call(s.server, 'GET', `/api/polls/${DEMO_CLOSED_POLL_ID}`)), 'poll');
      expect(closed).toMatchObject({ state: 'closed', results: { total: 132 } });
      expect(isError(await answer(DEMO_CLOSED_POLL_ID, { choices: ['online'], device: device('late') }), 'phase-closed')).toBe(true);
      const fixture = demoFixture(NOW);
      const poll = { ...fixture.polls![1]!, id: 'future', opensAt: new Date(NOW.getTime() + 60 * MINUTE).toISOString() };
      expect((await call(s.server, 'PUT', '/api/admin/polls/future', poll, admin)).status).toBe(200);
      expect(body<{ state: string }>(await call(s.server, 'GET', '/api/polls/future')).state).toBe('upcoming');
      expect(isError(await answer('future', { choices: ['sand'] }, await resident()), 'phase-closed')).toBe(true);
      expect((await call(s.server, 'GET', '/api/polls/nowhere')).status).toBe(404);
    });

    it('freezes what answers mean: options, kind and audience cannot change once answered', async () => {
      const poll = demoFixture(NOW).polls![1]!;
      const reworded = await call(s.server, 'PUT', `/api/admin/polls/${poll.id}`, { ...poll, question: 'Какое покрытие выбрать?' }, admin);
      expect(reworded.status).toBe(200);
      const changed = await call(s.server, 'PUT', `/api/admin/polls/${poll.id}`, { ...poll, options: [...poll.options, { id: 'asphalt', label: 'Асфальт' }] }, admin);
      expect(changed.status).toBe(409);
      expect((await call(s.server, 'PUT', '/api/admin/polls/other-id', poll, admin)).status).toBe(400);
      expect((await call(s.server, 'PUT', '/api/admin/polls/p2', { ...poll, id: 'p2', projectId: 'nowhere' }, admin)).status).toBe(400);
    });
  });
});
