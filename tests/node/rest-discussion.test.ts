// Comments and polls through the RestAdapter, against the real server: on SQLite and PostgreSQL.
import { RestAdapter } from '@veche/adapter-rest';
import { DEMO_CLOSED_POLL_ID, DEMO_POLL_ID, DEMO_PROJECT_POLL_ID, DEMO_VOTING_CODES } from '@veche/core/memory';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './support/databases.ts';
import { bearer, call } from './support/http.ts';
import { ADMIN_TOKEN, NOW, type TestServer, startServer, testClock } from './support/server.ts';
import { failure, memoryStorage } from './support/values.ts';

const MINUTE = 60_000;

describe.each(ENGINES)('RestAdapter comments and polls against the server on %s', (engine) => {
  let s: TestServer;
  const clock = testClock();
  let codes = 0;
  beforeAll(async () => {
    s = await startServer(engine, { now: clock.now });
  });
  afterAll(() => s.close());
  afterEach(() => clock.set(NOW));

  const adapter = (storage = memoryStorage()) => new RestAdapter({ baseUrl: s.api, storage, retries: 0 });
  /** An adapter signed in with the next demo voting code. */
  const signedIn = async (storage = memoryStorage()) => {
    const a = adapter(storage);
    await a.signIn({ method: 'voting-code', code: DEMO_VOTING_CODES[codes++]! });
    return a;
  };

  it('lists, posts, edits within 10 minutes, marks and reports, with the comments capability', async () => {
    const anonymous = adapter();
    expect(anonymous.capabilities).toMatchObject({ comments: true, polls: true });
    const page = await anonymous.listComments('demo-1', { sort: 'useful', limit: 2 });
    expect(page.items.map((c) => c.id)).toEqual(['c-1-official', 'c-1-1']);
    expect(page.nextCursor).not.toBeNull();
    expect((await failure(anonymous.postComment('demo-1', { body: 'Без входа' }))).code).toBe('unauthorized');

    const a = await signedIn();
    const c = await a.postComment('demo-1', { body: 'Отличный проект', stance: 'for' });
    expect(c).toMatchObject({ mine: true, status: 'published', stance: 'for' });
    clock.set(new Date(NOW.getTime() + 5 * MINUTE));
    expect((await a.editComment(c.id, { body: 'Отличный проект!', stance: 'for' })).body).toBe('Отличный проект!');
    clock.set(new Date(NOW.getTime() + 11 * MINUTE));
    const late = await failure(a.editComment(c.id, { body: 'Поздно' }));
    expect(late.code).toBe('forbidden');
    expect(late.details?.['editableUntil']).toBe(c.editableUntil);

    expect(await a.markComment('c-1-2', true)).toEqual({ commentId: 'c-1-2', useful: 7, marked: true });
    expect(await a.markComment('c-1-2', false)).toEqual({ commentId: 'c-1-2', useful: 6, marked: false });
    await a.reportComment('c-1-3', { reason: 'off-topic' });
    expect((await a.listComments('demo-1')).items.find((x) => x.id === 'c-1-3')).toMatchObject({ reported: true });
    expect((await failure(a.reportComment('c-1-3', { reason: 'nonsense' as 'spam' }))).code).toBe('invalid-input');
  });

  it('shows the author their comment waiting for moderation, and the public list when the session expired', async () => {
    const campaign = (await call(s.server, 'GET', '/api/campaigns/demo')).body as Record<string, unknown>;
    await call(s.server, 'PUT', '/api/admin/campaigns/demo', { campaign: { ...campaign, discussion: { premoderation: true } } }, bearer(ADMIN_TOKEN));
    const storage = memoryStorage();
    const a = await signedIn(storage);
    const held = await a.postComment('demo-8', { body: 'Подождёт модератора' });
    expect(held.status).toBe('pending');
    expect((await a.listComments('demo-8')).items.map((c) => c.id)).toContain(held.id);
    expect((await adapter().listComments('demo-8')).items.map((c) => c.id)).not.toContain(held.id);
    clock.set(new Date(NOW.getTime() + 3 * 86_400_000));
    const after = await a.listComments('demo-8');
    expect(after.items.map((c) => c.id)).not.toContain(held.id);
    expect(await a.getIdentity()).toBeNull();
    clock.set(NOW);
    await call(s.server, 'PUT', '/api/admin/campaigns/demo', { campaign }, bearer(ADMIN_TOKEN));
  });

  it('answers a resident poll once, and shows the results after answering', async () => {
    const a = await signedIn();
    const before = await a.getPoll(DEMO_PROJECT_POLL_ID);
    expect(before).toMatchObject({ state: 'open', answer: null });
    expect(before.results).toBeUndefined();
    const view = await a.answerPoll(DEMO_PROJECT_POLL_ID, { choices: ['grass'] });
    expect(view.answer?.choices).toEqual(['grass']);
    expect(view.results?.options.find((o) => o.id === 'grass')!.count).toBeGreaterThan(0);
    const again = await failure(a.answerPoll(DEMO_PROJECT_POLL_ID, { choices: ['sand'] }));
    expect(again.code).toBe('conflict');
    expect((await a.getPoll(DEMO_PROJECT_POLL_ID)).answer?.choices).toEqual(['grass']);
    expect((await adapter().getPoll(DEMO_CLOSED_POLL_ID)).results?.total).toBe(132);
  });

  it('keeps the device id per API address; a browser that forgot it is still recognised', async () => {
    const storage = memoryStorage();
    const a = adapter(storage);
    const view = await a.answerPoll(DEMO_POLL_ID, { choices: ['sidewalks'] });
    expect(view.answer?.choices).toEqual(['sidewalks']);
    expect([...storage.data.keys()].some((k) => k.startsWith('veche:device:'))).toBe(true);
    expect((await adapter(storage).getPoll(DEMO_POLL_ID)).answer?.choices).toEqual(['sidewalks']);
    // Storage cleared: the same address, browser and hints are one device.
    const cleared = adapter(memoryStorage());
    expect((await cleared.getPoll(DEMO_POLL_ID)).answer?.choices).toEqual(['sidewalks']);
    expect((await failure(cleared.answerPoll(DEMO_POLL_ID, { choices: ['parks'] }))).code).toBe('conflict');
  });

  it('turns a malformed answer into invalid-response and honours AbortSignal', async () => {
    const broken = new RestAdapter({
      baseUrl: s.api,
      storage: memoryStorage(),
      retries: 0,
      fetch: async () => new Response(JSON.stringify({ items: [{ id: 1 }], nextCursor: null }), { status: 200, headers: { 'content-type': 'application/json' } }),
    });
    expect((await failure(broken.listComments('demo-1'))).code).toBe('invalid-response');
    expect((await failure(broken.getPoll(DEMO_POLL_ID))).code).toBe('invalid-response');
    const controller = new AbortController();
    controller.abort(new DOMException('stop', 'AbortError'));
    await expect(adapter().listComments('demo-1', {}, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
