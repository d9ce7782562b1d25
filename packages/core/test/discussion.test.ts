import { describe, expect, it } from 'vitest';
import {
  Campaign,
  CommentPage,
  Poll,
  PollView,
  arrangeComments,
  checkComment,
  checkPollAnswer,
  discussionPolicy,
  parseWith,
  pollResultsVisible,
  pollState,
  tallyPoll,
  type CampaignInput,
  type StoredComment,
} from '../src/index.ts';
import { DEMO_CLOSED_POLL_ID, DEMO_POLL_ID, DEMO_PROJECT_POLL_ID, MemoryAdapter, demoFixture } from '../src/memory/index.ts';
import { failure, memoryStorage } from './helpers.ts';

const NOW = new Date('2026-11-28T12:00:00Z');
const MINUTE = 60_000;

/** The demo on a clock the test moves, with the discussion policy given. */
function demo(discussion: CampaignInput['discussion'] = undefined, options: ConstructorParameters<typeof MemoryAdapter>[0] = {}) {
  let now = NOW;
  const fixture = demoFixture(NOW);
  if (discussion) fixture.campaign.discussion = discussion;
  const adapter = new MemoryAdapter({ fixtures: [fixture], now: () => now, signedInAs: 'resident-1', ...options });
  return { adapter, later: (minutes: number) => void (now = new Date(now.getTime() + minutes * MINUTE)) };
}

const stored = (over: Partial<StoredComment> & { id: string }): StoredComment => ({
  projectId: 'p',
  body: 'text',
  official: false,
  status: 'published',
  useful: 0,
  createdAt: NOW.toISOString(),
  authorId: 'someone',
  ...over,
});

describe('comment rules', () => {
  it('fills the discussion policy with defaults, and the campaign schema takes a policy', () => {
    expect(discussionPolicy({})).toEqual({ open: true, premoderation: false, signIn: ['voting-code', 'one-time-code', 'host-token'], maxLength: 2000, perHour: 10, hideAfterReports: 3 });
    const campaign = parseWith(Campaign, { ...demoFixture(NOW).campaign, discussion: { premoderation: true } }, 'campaign');
    expect(discussionPolicy(campaign).premoderation).toBe(true);
    expect(() => parseWith(Campaign, { ...demoFixture(NOW).campaign, discussion: { maxLength: 10 } }, 'campaign')).toThrow(/discussion.maxLength must be at least 100/);
  });

  it('checks length, one level of threading and the name consent version', () => {
    const policy = { maxLength: 100 };
    expect(checkComment(policy, { body: '  ', consents: [] })).toMatchObject([{ field: 'body', code: 'required' }]);
    expect(checkComment(policy, { body: 'я'.repeat(101), consents: [] })).toMatchObject([{ field: 'body', code: 'too-long', limit: 100 }]);
    expect(checkComment(policy, { body: 'ok', consents: [] }, { parentId: 'top' })).toMatchObject([{ field: 'parentId', code: 'not-a-thread' }]);
    expect(checkComment({ maxLength: 100, nameConsent: { version: 'v2', text: 'Покажите моё имя' } }, { body: 'ok', authorName: 'Анна', consents: [{ kind: 'publish-name', version: 'v1', accepted: true }] })).toMatchObject([
      { field: 'consents.publish-name', code: 'consent-outdated' },
    ]);
    expect(checkComment(policy, { body: 'ok', consents: [] }, {})).toEqual([]);
  });

  it('pins official comments, sorts by newest or useful, threads replies oldest first, hides what a viewer may not see', () => {
    const at = (m: number) => new Date(NOW.getTime() + m * MINUTE).toISOString();
    const all = [
      stored({ id: 'a', createdAt: at(1), useful: 5, stance: 'for' }),
      stored({ id: 'b', createdAt: at(2), useful: 1, stance: 'against' }),
      stored({ id: 'off', createdAt: at(0), official: true }),
      stored({ id: 'pending', createdAt: at(3), status: 'pending', authorId: 'me' }),
      stored({ id: 'hidden', createdAt: at(4), status: 'hidden' }),
      stored({ id: 'r2', parentId: 'a', createdAt: at(6) }),
      stored({ id: 'r1', parentId: 'a', createdAt: at(5) }),
      stored({ id: 'r-off', parentId: 'a', createdAt: at(7), official: true }),
      stored({ id: 'r-hidden', parentId: 'hidden', createdAt: at(8) }),
    ];
    const anonymous = arrangeComments(all, 'newest', {}, NOW);
    expect(anonymous.threads.map((t) => t.id)).toEqual(['off', 'b', 'a']);
    expect(anonymous.threads[2]!.replies.map((r) => r.id)).toEqual(['r-off', 'r1', 'r2']);
    expect(anonymous.total).toBe(6);
    expect(anonymous.stances).toEqual({ for: 1, against: 1, neutral: 0 });
    expect(JSON.stringify(anonymous)).not.toContain('someone');
    expect(arrangeComments(all, 'useful', {}, NOW).threads.map((t) => t.id)).toEqual(['off', 'a', 'b']);
    const mine = arrangeComments(all, 'newest', { residentId: 'me' }, NOW);
    expect(mine.threads.map((t) => t.id)).toEqual(['off', 'pending', 'b', 'a']);
    expect(mine.threads[1]).toMatchObject({ mine: true, status: 'pending', editableUntil: at(13) });
    expect(mine.total).toBe(6);
  });
});

describe('poll rules', () => {
  const poll = parseWith(
    Poll,
    {
      id: 'p', campaignId: 'c', question: 'Что?', kind: 'multiple', maxChoices: 2, other: true,
      options: [{ id: 'a', label: 'А' }, { id: 'b', label: 'Б' }, { id: 'c', label: 'В' }],
      opensAt: NOW.toISOString(), closesAt: new Date(NOW.getTime() + 60 * MINUTE).toISOString(),
    },
    'poll',
  );

  it('refuses polls that make no sense', () => {
    const base = { id: 'p', campaignId: 'c', question: 'Q', kind: 'single', options: [{ id: 'a', label: 'A' }, { id: 'a', label: 'B' }], opensAt: NOW.toISOString() };
    expect(() => parseWith(Poll, base, 'poll')).toThrow(/options must not repeat an option id/);
    expect(() => parseWith(Poll, { ...base, options: [{ id: 'a', label: 'A' }] }, 'poll')).toThrow(/needs at least 2 options/);
    expect(() => parseWith(Poll, { ...base, options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }], results: 'after-close' }, 'poll')).toThrow(/closesAt is required/);
    expect(() => parseWith(Poll, { ...base, options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }], maxChoices: 2 }, 'poll')).toThrow(/maxChoices is only for multiple choice/);
  });

  it('checks answers: a choice or an own answer, at most maxChoices, known options once', () => {
    expect(checkPollAnswer(poll, { choices: ['a'] })).toEqual([]);
    expect(checkPollAnswer(poll, { choices: [], other: 'Своё' })).toEqual([]);
    expect(checkPollAnswer(poll, { choices: [] }).map((i) => i.code)).toEqual(['no-choice']);
    expect(checkPollAnswer(poll, { choices: ['a', 'b'], other: 'Своё' }).map((i) => i.code)).toEqual(['too-many-choices']);
    expect(checkPollAnswer(poll, { choices: ['a', 'a', 'zz'] }).map((i) => i.code)).toEqual(['duplicate-option', 'unknown-option', 'too-many-choices']);
    expect(checkPollAnswer({ ...poll, kind: 'single', other: false }, { choices: ['a'], other: 'x' }).map((i) => i.code)).toEqual(['other-not-allowed']);
  });

  it('opens and closes by the clock; shows results after answering or closing', () => {
    expect(pollState(poll, new Date(NOW.getTime() - 1))).toBe('upcoming');
    expect(pollState(poll, NOW)).toBe('open');
    expect(pollState(poll, new Date(NOW.getTime() + 60 * MINUTE))).toBe('closed');
    expect(pollResultsVisible(poll, NOW, false)).toBe(false);
    expect(pollResultsVisible(poll, NOW, true)).toBe(true);
    expect(pollResultsVisible({ ...poll, results: 'after-close' }, NOW, true)).toBe(false);
    expect(pollResultsVisible({ ...poll, results: 'after-close' }, new Date(NOW.getTime() + 61 * MINUTE), false)).toBe(true);
    expect(tallyPoll(poll, [{ choices: ['a', 'b'] }, { choices: ['a'], other: ' x ' }, { choices: [], other: '  ' }])).toEqual({
      total: 3,
      options: [{ id: 'a', count: 2 }, { id: 'b', count: 1 }, { id: 'c', count: 0 }],
      other: 1,
    });
  });
});

describe('MemoryAdapter discussion', () => {
  it('lists the demo threads with the official answer pinned, valid against the schema, no author ids', async () => {
    const { adapter } = demo();
    const page = await adapter.listComments('demo-1');
    expect(parseWith(CommentPage, page, 'page')).toEqual(page);
    expect(page.items.map((c) => c.id)).toEqual(['c-1-official', 'c-1-3', 'c-1-2', 'c-1-1']);
    expect(page.items[3]!.replies.map((r) => r.id)).toEqual(['c-1-1-r2', 'c-1-1-r1']);
    expect(page.total).toBe(6);
    expect(page.stances).toEqual({ for: 1, against: 1, neutral: 1 });
    expect((await adapter.listComments('demo-1', { sort: 'useful' })).items.map((c) => c.id)).toEqual(['c-1-official', 'c-1-1', 'c-1-2', 'c-1-3']);
    const first = await adapter.listComments('demo-1', { limit: 2 });
    const second = await adapter.listComments('demo-1', { limit: 2, cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map((c) => c.id)).toEqual(page.items.map((c) => c.id));
    expect(second.nextCursor).toBeNull();
    expect(JSON.stringify(page)).not.toMatch(/seed-|resident-1/);
    expect((await failure(adapter.listComments('demo-7'))).code).toBe('not-found');
    expect((await failure(adapter.listComments('demo-1', { limit: 500 }))).code).toBe('invalid-input');
  });

  it('posts comments and replies, shows a name only with consent, keeps replies one level deep', async () => {
    const { adapter } = demo();
    const named = await adapter.postComment('demo-1', {
      body: 'Хорошая идея',
      stance: 'for',
      authorName: 'Мария',
      consents: [{ kind: 'publish-name', version: 'veche-comment-name-1', accepted: true }],
    });
    expect(named).toMatchObject({ status: 'published', stance: 'for', authorName: 'Мария', mine: true, useful: 0 });
    expect(named.editableUntil).toBe(new Date(NOW.getTime() + 10 * MINUTE).toISOString());
    const anonymous = await adapter.postComment('demo-1', { body: 'Без имени', authorName: 'Мария' });
    expect(anonymous.authorName).toBeUndefined();
    const reply = await adapter.postComment('demo-1', { body: 'Ответ', parentId: 'c-1-2', stance: 'against' });
    expect(reply).toMatchObject({ parentId: 'c-1-2' });
    expect(reply.stance).toBeUndefined();
    const deep = await failure(adapter.postComment('demo-1', { body: 'Ответ на ответ', parentId: 'c-1-1-r1' }));
    expect(deep.code).toBe('invalid-input');
    expect(deep.details?.['issues']).toMatchObject([{ field: 'parentId', code: 'not-a-thread' }]);
    expect((await failure(adapter.postComment('demo-1', { body: 'x', parentId: 'c-2-1' }))).code).toBe('invalid-input');
    const outdated = await failure(adapter.postComment('demo-1', { body: 'x', authorName: 'A', consents: [{ kind: 'publish-name', version: 'old', accepted: true }] }));
    expect(outdated.details?.['issues']).toMatchObject([{ code: 'consent-outdated' }]);
    expect((await adapter.listComments('demo-1')).total).toBe(9);
  });

  it('asks for sign-in by the campaign’s discussion methods, applies the length and hourly limits', async () => {
    const signedOut = new MemoryAdapter({ fixtures: [demoFixture(NOW)], now: () => NOW });
    const e = await failure(signedOut.postComment('demo-1', { body: 'Привет' }));
    expect(e.code).toBe('unauthorized');
    expect(e.details?.['methods']).toEqual(['voting-code', 'one-time-code', 'host-token']);
    const { adapter } = demo({ signIn: ['host-token'], maxLength: 100, perHour: 2 });
    expect((await failure(adapter.postComment('demo-1', { body: 'x' }))).code).toBe('forbidden');
    const { adapter: limited } = demo({ maxLength: 100, perHour: 2 });
    expect((await failure(limited.postComment('demo-1', { body: 'я'.repeat(101) }))).details?.['issues']).toMatchObject([{ code: 'too-long', limit: 100 }]);
    await limited.postComment('demo-1', { body: 'один' });
    await limited.postComment('demo-1', { body: 'два' });
    const rate = await failure(limited.postComment('demo-1', { body: 'три' }));
    expect(rate.code).toBe('rate-limited');
    expect(rate.retryAfter).toBeGreaterThan(0);
    const { adapter: closed } = demo({ open: false });
    expect((await failure(closed.postComment('demo-1', { body: 'x' }))).code).toBe('phase-closed');
  });

  it('applies a comment once per Idempotency-Key', async () => {
    const { adapter } = demo();
    const a = await adapter.postComment('demo-2', { body: 'Один раз' }, { idempotencyKey: 'k1' });
    const b = await adapter.postComment('demo-2', { body: 'Один раз' }, { idempotencyKey: 'k1' });
    expect(b.id).toBe(a.id);
    expect((await adapter.listComments('demo-2')).total).toBe(4);
  });

  it('holds comments for pre-moderation: only their author sees them, an edit sends them back', async () => {
    const { adapter } = demo({ premoderation: true });
    const c = await adapter.postComment('demo-8', { body: 'Ждёт модератора' });
    expect(c.status).toBe('pending');
    expect((await adapter.listComments('demo-8')).items.map((i) => i.id)).toContain(c.id);
    expect((await adapter.listComments('demo-8')).total).toBe(1);
    await adapter.signOut();
    expect((await adapter.listComments('demo-8')).items.map((i) => i.id)).not.toContain(c.id);
  });

  it('lets the author edit for 10 minutes, then refuses with the deadline', async () => {
    const { adapter, later } = demo();
    const c = await adapter.postComment('demo-1', { body: 'Опечатка', stance: 'for' });
    later(9);
    const edited = await adapter.editComment(c.id, { body: 'Исправлено', stance: 'neutral' });
    expect(edited).toMatchObject({ body: 'Исправлено', stance: 'neutral', editedAt: new Date(NOW.getTime() + 9 * MINUTE).toISOString() });
    later(1);
    const late = await failure(adapter.editComment(c.id, { body: 'Поздно' }));
    expect(late.code).toBe('forbidden');
    expect(late.details?.['editableUntil']).toBe(c.editableUntil);
    expect((await failure(adapter.editComment('c-1-1', { body: 'Чужой' }))).code).toBe('forbidden');
  });

  it('counts one useful mark per resident, never on one’s own comment', async () => {
    const { adapter } = demo();
    expect(await adapter.markComment('c-1-2', true)).toEqual({ commentId: 'c-1-2', useful: 7, marked: true });
    expect(await adapter.markComment('c-1-2', true)).toEqual({ commentId: 'c-1-2', useful: 7, marked: true });
    expect((await adapter.listComments('demo-1')).items.find((c) => c.id === 'c-1-2')).toMatchObject({ useful: 7, marked: true });
    expect(await adapter.markComment('c-1-2', false)).toEqual({ commentId: 'c-1-2', useful: 6, marked: false });
    const mine = await adapter.postComment('demo-1', { body: 'Моё' });
    expect((await failure(adapter.markComment(mine.id, true))).code).toBe('forbidden');
  });

  it('takes reports once per resident and hides a comment after enough of them', async () => {
    const storage = memoryStorage();
    const fixture = demoFixture(NOW);
    fixture.campaign.discussion = { hideAfterReports: 2 };
    const as = (resident: string) => new MemoryAdapter({ fixtures: [fixture], now: () => NOW, storage, storageKey: 'shared', signedInAs: resident });
    await as('r1').reportComment('c-1-3', { reason: 'abuse' });
    expect((await as('r1').listComments('demo-1')).items.find((c) => c.id === 'c-1-3')).toMatchObject({ reported: true });
    await as('r1').reportComment('c-1-3', { reason: 'spam' });
    expect((await as('r2').listComments('demo-1')).items.map((c) => c.id)).toContain('c-1-3');
    await as('r2').reportComment('c-1-3', { reason: 'spam', note: 'реклама' });
    expect((await as('r3').listComments('demo-1')).items.map((c) => c.id)).not.toContain('c-1-3');
    expect((await failure(as('r3').reportComment('c-1-3', { reason: 'spam' }))).code).toBe('not-found');
    expect((await failure(as('r3').reportComment('c-1-1', { reason: 'nonsense' as 'spam' }))).code).toBe('invalid-input');
  });
});

describe('MemoryAdapter polls', () => {
  it('shows a device poll without results until answered, then once per device', async () => {
    const { adapter } = demo(undefined, { signedInAs: undefined as unknown as string });
    const before = await adapter.getPoll(DEMO_POLL_ID);
    expect(parseWith(PollView, before, 'poll')).toEqual(before);
    expect(before).toMatchObject({ state: 'open', answer: null });
    expect(before.results).toBeUndefined();
    const after = await adapter.answerPoll(DEMO_POLL_ID, { choices: ['lights'], other: 'Дороги' });
    expect(after.answer).toMatchObject({ choices: ['lights'], other: 'Дороги' });
    expect(after.results!.total).toBe(215);
    expect((await failure(adapter.answerPoll(DEMO_POLL_ID, { choices: ['yards'] }))).code).toBe('conflict');
    expect((await adapter.getPoll(DEMO_POLL_ID)).answer?.choices).toEqual(['lights']);
  });

  it('asks residents to sign in for a resident poll, takes one answer each, checks it', async () => {
    const signedOut = new MemoryAdapter({ fixtures: [demoFixture(NOW)], now: () => NOW });
    expect((await signedOut.getPoll(DEMO_PROJECT_POLL_ID)).answer).toBeNull();
    expect((await failure(signedOut.answerPoll(DEMO_PROJECT_POLL_ID, { choices: ['rubber'] }))).code).toBe('unauthorized');
    const { adapter } = demo();
    const wrong = await failure(adapter.answerPoll(DEMO_PROJECT_POLL_ID, { choices: ['rubber', 'sand'] }));
    expect(wrong.details?.['issues']).toMatchObject([{ code: 'too-many-choices' }]);
    const view = await adapter.answerPoll(DEMO_PROJECT_POLL_ID, { choices: ['sand'] }, { idempotencyKey: 'x' });
    expect(view.results?.total).toBe(88);
    expect((await adapter.answerPoll(DEMO_PROJECT_POLL_ID, { choices: ['sand'] }, { idempotencyKey: 'x' })).answer).toEqual(view.answer);
    expect((await failure(adapter.answerPoll(DEMO_PROJECT_POLL_ID, { choices: ['rubber'] }))).code).toBe('conflict');
  });

  it('shows a closed poll’s results to everyone and takes no answers', async () => {
    const { adapter } = demo();
    const view = await adapter.getPoll(DEMO_CLOSED_POLL_ID);
    expect(view.state).toBe('closed');
    expect(view.results?.total).toBe(132);
    expect((await failure(adapter.answerPoll(DEMO_CLOSED_POLL_ID, { choices: ['online'] }))).code).toBe('phase-closed');
    expect((await failure(adapter.getPoll('nowhere'))).code).toBe('not-found');
  });
});
