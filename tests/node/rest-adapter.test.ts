// The MemoryAdapter's behaviour, through the RestAdapter, against the real server: on SQLite and PostgreSQL.
import { RestAdapter } from '@veche/adapter-rest';
import { Campaign, VecheError, computeResults, parseWith, parsePabulib, type IdeaInputDraft, type LiveEvent } from '@veche/core';
import { DEMO_VOTING_CODES, demoFixture } from '@veche/core/memory';
import { afterEach, describe, expect, it } from 'vitest';
import { ENGINES } from './support/databases.ts';
import { NOW, type TestServer, startServer, testClock } from './support/server.ts';
import { PNG_1X1, failure, memoryStorage } from './support/values.ts';

const idea = (extra: Partial<IdeaInputDraft> = {}): IdeaInputDraft => ({
  title: 'Воркаут у школы № 3',
  description: 'Турники и брусья для подростков.',
  author: { name: 'Мария Иванова', email: 'maria@example.ru', phone: '+7 391 000-00-00' },
  consents: [{ kind: 'personal-data', version: '2026-09', accepted: true }],
  ...extra,
});

describe.each(ENGINES)('RestAdapter against the server on %s', (engine) => {
  let running: TestServer | undefined;
  const clock = testClock();
  afterEach(async () => {
    await running?.close();
    running = undefined;
    clock.set(NOW);
  });
  const start = async () => {
    running = await startServer(engine, { now: clock.now });
    return running;
  };
  const adapter = (s: TestServer, storage = memoryStorage()) => new RestAdapter({ baseUrl: s.api, storage, retries: 0 });

  it('lists public projects with filters, search, sorts and cursor paging', async () => {
    const a = adapter(await start());
    const all = await a.listProjects('demo', { limit: 100 });
    expect(all.items).toHaveLength(14);
    expect(all.items.some((p) => p.status === 'submitted')).toBe(false);
    expect(all.nextCursor).toBeNull();

    const first = await a.listProjects('demo', { limit: 5, sort: 'cost-asc' });
    const second = await a.listProjects('demo', { limit: 5, sort: 'cost-asc', cursor: first.nextCursor! });
    const costs = [...first.items, ...second.items].map((p) => p.cost);
    expect(costs).toEqual([...costs].sort((x, y) => x - y));
    expect(new Set([...first.items, ...second.items].map((p) => p.id)).size).toBe(10);

    expect((await a.listProjects('demo', { status: 'shortlisted', district: 'north' })).items.map((p) => p.id).sort()).toEqual(['demo-3', 'demo-5']);
    expect((await a.listProjects('demo', { category: ['culture'] })).items.map((p) => p.id).sort()).toEqual(['demo-4', 'demo-6']);
    expect((await a.listProjects('demo', { q: 'НАБЕРЕЖН' })).items.map((p) => p.id)).toEqual(['demo-2']);
    expect((await a.listProjects('demo', { sort: 'supported', limit: 3 })).items.map((p) => p.id)).toEqual(['demo-3', 'demo-1', 'demo-2']);
    expect((await a.listProjects('demo', { status: ['shortlisted', 'published'], category: ['roads', 'children'] })).items.map((p) => p.id).sort()).toEqual([
      'demo-1', 'demo-2', 'demo-3', 'demo-5', 'demo-9',
    ]);

    const r1 = (await a.listProjects('demo', { sort: 'random', seed: 7, limit: 100 })).items.map((p) => p.id);
    const r2 = (await a.listProjects('demo', { sort: 'random', seed: 7, limit: 100 })).items.map((p) => p.id);
    const r3 = (await a.listProjects('demo', { sort: 'random', seed: 8, limit: 100 })).items.map((p) => p.id);
    expect(r1).toEqual(r2);
    expect(r1).not.toEqual(r3);
    expect((await a.listProjects('demo', { sort: 'title', limit: 3 })).items.map((p) => p.title)[0]).toBe('Детская площадка во дворе на Ленина, 12');

    expect((await failure(a.listProjects('demo', { limit: 0 }))).message).toMatch(/limit must be at least 1/);
    expect((await failure(a.listProjects('nowhere'))).code).toBe('not-found');
    expect((await failure(a.listProjects('demo', { cursor: 'zz!!' }))).code).toBe('invalid-input');
  });

  it('hides votes during voting, shows support counts, hides submitted ideas', async () => {
    const a = adapter(await start());
    const p = await a.getProject('demo-1');
    expect(p.votes).toBeUndefined();
    expect(p.supports).toBe(1473);
    expect((await a.getProject('demo-11')).votes).toBe(1204);
    expect((await failure(a.getProject('demo-7'))).code).toBe('not-found');
    expect((await a.getCampaign('demo')).votingRules).toEqual({ method: 'knapsack', budget: 6_000_000, minProjects: 1 });
  });

  it('asks for sign-in, then takes one ballot per resident, with every rule checked', async () => {
    const a = adapter(await start());
    const unsigned = await failure(a.getBallot('demo'));
    expect(unsigned.code).toBe('unauthorized');
    expect(unsigned.details?.['methods']).toEqual(['voting-code', 'one-time-code', 'host-token']);
    const identity = await a.signIn({ method: 'voting-code', code: DEMO_VOTING_CODES[0]!.toLowerCase() });
    expect(identity.campaigns['demo']).toMatchObject({ vote: true, support: false });
    expect(await a.getIdentity()).toMatchObject({ residentId: identity.residentId, method: 'voting-code' });

    await a.saveBallot('demo', { selection: [{ projectId: 'demo-1' }] });
    expect(await a.getBallot('demo')).toMatchObject({ status: 'draft', selection: [{ projectId: 'demo-1' }] });

    const broken = await failure(
      a.submitBallot('demo', { selection: [{ projectId: 'demo-3' }, { projectId: 'demo-2' }, { projectId: 'demo-4' }, { projectId: 'demo-8' }] }),
    );
    expect(broken.code).toBe('rule-violation');
    expect(broken.status).toBe(422);
    expect(broken.details?.['violations']).toEqual([
      { code: 'project-not-eligible', projectId: 'demo-8' },
      { code: 'over-budget', limit: 6_000_000, actual: 7_300_000 },
    ]);

    const ballot = await a.submitBallot('demo', { selection: [{ projectId: 'demo-1' }, { projectId: 'demo-3' }] }, { idempotencyKey: 'k-1' });
    expect(ballot.status).toBe('submitted');
    expect(ballot.receipt).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    // The same key answers the first answer again; another key is a conflict.
    expect(await a.submitBallot('demo', { selection: [{ projectId: 'demo-1' }] }, { idempotencyKey: 'k-1' })).toEqual(ballot);
    expect((await failure(a.submitBallot('demo', { selection: [{ projectId: 'demo-1' }] }, { idempotencyKey: 'k-2' }))).code).toBe('conflict');
    expect((await failure(a.saveBallot('demo', { selection: [] }))).code).toBe('conflict');

    // Withdraw and vote again while voting is open.
    await a.withdrawBallot('demo');
    expect(await a.getBallot('demo')).toMatchObject({ status: 'draft', selection: [{ projectId: 'demo-1' }, { projectId: 'demo-3' }] });
    expect((await a.submitBallot('demo', { selection: [{ projectId: 'demo-6' }] })).status).toBe('submitted');
    expect((await failure(a.withdrawBallot('nowhere'))).code).toBe('not-found');
  });

  it('refuses ballots and support outside their phases', async () => {
    const s = await start();
    const a = adapter(s);
    await a.signIn({ method: 'voting-code', code: 'DEMO-1010' });
    clock.days(-30);
    const error = await failure(a.submitBallot('demo', { selection: [{ projectId: 'demo-1' }] }));
    expect(error.code).toBe('phase-closed');
    expect(error.details).toMatchObject({ phase: 'voting', state: 'upcoming' });
    clock.days(20);
    await a.signIn({ method: 'voting-code', code: 'DEMO-1012' });
    expect((await failure(a.saveBallot('demo', { selection: [] }))).code).toBe('phase-closed');
    clock.set(NOW);
    await a.signIn({ method: 'voting-code', code: 'DEMO-1013' });
    expect((await failure(a.support('demo-8'))).code).toBe('phase-closed');
  });

  it('counts a resident’s support once, withdraws it, and tells subscribers', async () => {
    const s = await start();
    clock.days(-60);
    const a = new RestAdapter({ baseUrl: s.api, storage: memoryStorage(), pollMs: 30 });
    expect((await failure(a.support('demo-8'))).code).toBe('unauthorized');
    const receipt = await a.requestCode('+7 (391) 123-45-67');
    expect(receipt.sentTo).toBe('+7 *** ***-**-67');
    const sent = s.outbox.at(-1)!;
    expect(sent.contact).toBe('+73911234567');
    expect((await failure(a.signIn({ method: 'one-time-code', contact: '+73911234567', code: sent.code === '000000' ? '000001' : '000000' }))).code).toBe('unauthorized');
    await a.signIn({ method: 'one-time-code', contact: '8 391 123 45 67', code: sent.code });
    // A code works once.
    expect((await failure(new RestAdapter({ baseUrl: s.api, storage: null }).signIn({ method: 'one-time-code', contact: '+73911234567', code: sent.code }))).code).toBe('unauthorized');

    const events: LiveEvent[] = [];
    const stop = a.subscribe('demo', (e) => events.push(e));
    await new Promise((r) => setTimeout(r, 80));
    expect(await a.support('demo-8')).toEqual({ projectId: 'demo-8', state: 'supported', count: 403 });
    expect(await a.support('demo-8')).toEqual({ projectId: 'demo-8', state: 'supported', count: 403 });
    expect(await a.getSupport('demo-8')).toEqual({ projectId: 'demo-8', state: 'supported', count: 403 });
    await expect.poll(() => events, { timeout: 2000 }).toContainEqual({ type: 'support', projectId: 'demo-8', count: 403 });
    expect(await a.withdrawSupport('demo-8')).toEqual({ projectId: 'demo-8', state: 'withdrawn', count: 402 });
    stop();
    expect((await failure(a.support('demo-10'))).code).toBe('forbidden');
  });

  it('makes voting codes single use and brakes guessing', async () => {
    const s = await start();
    const a = adapter(s);
    await a.signIn({ method: 'voting-code', code: 'DEMO-1002' });
    await a.signOut();
    expect(await a.getIdentity()).toBeNull();
    expect((await failure(a.signIn({ method: 'voting-code', code: 'demo 1002' }))).message).toMatch(/already been used/);
    for (let i = 0; i < 19; i++) expect((await failure(a.signIn({ method: 'voting-code', code: `GUESS-${i}` }))).code).toBe('unauthorized');
    const limited = await failure(a.signIn({ method: 'voting-code', code: 'DEMO-1003' }));
    expect(limited.code).toBe('rate-limited');
    expect(limited.retryAfter).toBeGreaterThan(0);
    clock.set(new Date(NOW.getTime() + 11 * 60_000));
    expect((await a.signIn({ method: 'voting-code', code: 'DEMO-1003' })).method).toBe('voting-code');
  });

  it('expires sessions and refuses forged tokens', async () => {
    const s = await start();
    const storage = memoryStorage();
    const a = adapter(s, storage);
    await a.signIn({ method: 'voting-code', code: 'DEMO-1004' });
    expect(await a.getIdentity()).not.toBeNull();
    clock.set(new Date(NOW.getTime() + 121 * 60_000));
    expect(await a.getIdentity()).toBeNull();
    expect([...storage.data.keys()]).toEqual([]);
    clock.set(NOW);
    storage.setItem(`veche:token:${s.api}`, 'forged-token-forged-token-forged-token');
    expect((await failure(a.getBallot('demo'))).code).toBe('unauthorized');
    expect((await failure(a.signIn({ method: 'host-token', token: 'forged-token-123' }))).code).toBe('unauthorized');
  });

  it('takes ideas into moderation, keeps contacts and consents private', async () => {
    const s = await start();
    clock.days(-100);
    const a = adapter(s);
    const missing = await failure(a.submitIdea('demo', idea({ consents: [] })));
    expect(missing.code).toBe('invalid-input');
    expect(missing.details?.['issues']).toContainEqual(expect.objectContaining({ field: 'consents.personal-data', code: 'consent-required' }));

    const receipt = await a.submitIdea('demo', idea(), { idempotencyKey: 'idea-1' });
    expect(receipt.status).toBe('submitted');
    expect(await a.submitIdea('demo', idea(), { idempotencyKey: 'idea-1' })).toEqual(receipt);
    expect((await failure(a.getProject(receipt.id))).code).toBe('not-found');
    const listed = await a.listProjects('demo', { limit: 100 });
    expect(JSON.stringify(listed)).not.toContain('maria@example.ru');
    const queue = await (await fetch(`${s.api}/admin/campaigns/demo/ideas`, { headers: { authorization: 'Bearer test-admin-token-0123456789' } })).json();
    expect(queue.map((i: { project: { id: string } }) => i.project.id).sort()).toEqual(['demo-7', receipt.id].sort());
    expect(queue.find((i: { project: { id: string } }) => i.project.id === receipt.id)).toMatchObject({ project: { id: receipt.id }, author: { email: 'maria@example.ru' }, consents: [{ kind: 'personal-data', version: '2026-09', at: new Date(NOW.getTime() - 100 * 86_400_000).toISOString(), ip: '127.0.0.1' }] });
    clock.set(NOW);
    expect((await failure(a.submitIdea('demo', idea()))).code).toBe('phase-closed');
  });

  it('checks photos by their bytes, not their stated type, and serves them with their size', async () => {
    const s = await start();
    clock.days(-100);
    const a = adapter(s);
    const photo = await a.uploadImage('demo', new Blob([PNG_1X1], { type: 'image/png' }));
    expect(photo).toMatchObject({ width: 1, height: 1 });
    const served = await fetch(photo.url);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG_1X1);
    const lying = await failure(a.uploadImage('demo', new Blob(['<script>alert(1)</script>'], { type: 'image/jpeg' })));
    expect(lying).toMatchObject({ code: 'invalid-input', status: 415 });
    const big = await failure(a.uploadImage('demo', new Blob([PNG_1X1, new Uint8Array(5_000_001)], { type: 'image/png' })));
    expect(big.status).toBe(413);
    const withPhoto = await a.submitIdea('demo', idea({ images: [{ url: photo.url, alt: 'Эскиз' }] }));
    expect(withPhoto.status).toBe('submitted');
    const foreign = await failure(a.submitIdea('demo', idea({ images: [{ url: 'https://tracker.example/pixel.png', alt: '' }] })));
    expect(foreign.details?.['issues']).toContainEqual(expect.objectContaining({ field: 'images[0].url' }));
  });

  it('publishes results from computeResults over every ballot, and exports them as Pabulib', async () => {
    const s = await start();
    const a = adapter(s);
    expect((await failure(a.getResults('demo'))).code).toBe('phase-closed');
    await a.signIn({ method: 'voting-code', code: 'DEMO-1020' });
    await a.submitBallot('demo', { selection: [{ projectId: 'demo-6' }] });

    clock.days(15);
    const fixture = demoFixture(NOW);
    const results = await a.getResults('demo');
    const expected = computeResults({
      budget: 6_000_000,
      projects: fixture.projects.filter((p) => p.status === 'shortlisted').map((p) => ({ id: p.id, cost: p.cost })),
      ballots: [...fixture.ballots!, { voterId: 'me', selection: [{ projectId: 'demo-6' }] }],
    });
    expect(results.projects).toEqual(expected.projects);
    expect(results.turnout).toBe(1913);
    expect(results.status).toBe('final');
    expect(results.budgetUsed).toBeLessThanOrEqual(6_000_000);
    expect(results.districts.map((d) => d.districtId)).toEqual(['center', 'north', 'riverside']);
    expect((await a.getProject('demo-1')).votes).toBe(results.projects.find((p) => p.id === 'demo-1')!.votes);

    const pb = parsePabulib(await a.exportPabulib('demo'));
    expect(pb.votes).toHaveLength(1913);
    expect(pb.projects.filter((p) => p.selected).map((p) => p.id).sort()).toEqual(
      results.projects.filter((p) => p.selected).map((p) => p.id).sort(),
    );
  });

  it('keeps the session per API address across reloads', async () => {
    const s = await start();
    const storage = memoryStorage();
    await adapter(s, storage).signIn({ method: 'voting-code', code: 'DEMO-1005' });
    await adapter(s, storage).saveBallot('demo', { selection: [{ projectId: 'demo-2' }] });
    expect(await adapter(s, storage).getBallot('demo')).toMatchObject({ selection: [{ projectId: 'demo-2' }] });
    expect([...storage.data.keys()]).toEqual([`veche:token:${s.api}`]);
    expect(await new RestAdapter({ baseUrl: s.api.replace('127.0.0.1', 'localhost'), storage }).getIdentity()).toBeNull();
  });

  it('honours AbortSignal', async () => {
    const a = adapter(await start());
    await expect(a.getCampaign('demo', { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    const controller = new AbortController();
    const pending = a.listProjects('demo', {}, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('RestAdapter on its own', () => {
  const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

  it('turns a malformed answer into invalid-response, not a crash', async () => {
    const a = new RestAdapter({ baseUrl: 'https://pb.city.example/api', storage: null, fetch: async () => answer(200, { id: 'demo', title: 42 }) });
    const e = await failure(a.getCampaign('demo'));
    expect(e.code).toBe('invalid-response');
    expect(e.message).toMatch(/title/);
    const html = new RestAdapter({ baseUrl: 'https://pb.city.example/api', storage: null, fetch: async () => answer(200, '<html>') });
    expect((await failure(html.getProject('x'))).code).toBe('invalid-response');
  });

  it('retries GET after 503 and network failures, honours Retry-After, but never retries a POST without a key', async () => {
    let calls = 0;
    const flaky = async () => {
      calls++;
      if (calls === 1) throw new TypeError('fetch failed');
      if (calls === 2) return answer(503, { error: { code: 'unavailable', message: 'busy' } }, { 'retry-after': '0' });
      return answer(200, { items: [], nextCursor: null });
    };
    const a = new RestAdapter({ baseUrl: 'https://pb.city.example/api', storage: null, fetch: flaky, retries: 2 });
    expect(await a.listProjects('demo')).toEqual({ items: [], nextCursor: null });
    expect(calls).toBe(3);

    let posts = 0;
    const b = new RestAdapter({
      baseUrl: 'https://pb.city.example/api',
      storage: null,
      retries: 3,
      fetch: async () => {
        posts++;
        return answer(503, {}, { 'retry-after': '0' });
      },
    });
    expect((await failure(b.signIn({ method: 'voting-code', code: 'ABCD-EFGH' }))).code).toBe('unavailable');
    expect(posts).toBe(1);
    // A ballot carries an Idempotency-Key, so it is retried, with the same key each time.
    const keys: (string | null)[] = [];
    const c = new RestAdapter({
      baseUrl: 'https://pb.city.example/api',
      storage: null,
      retries: 2,
      fetch: async (_url, init) => {
        keys.push(new Headers(init?.headers).get('idempotency-key'));
        return answer(502, {}, { 'retry-after': '0' });
      },
    });
    await failure(c.submitBallot('demo', { selection: [] }));
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
  });

  it('shares one GET among callers that ask for the same thing at once; a caller that gives up does not cancel it for the others', async () => {
    const demo = parseWith(Campaign, demoFixture(NOW).campaign, 'campaign');
    let calls = 0;
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const a = new RestAdapter({
      baseUrl: 'https://pb.city.example/api',
      storage: null,
      fetch: async () => {
        calls++;
        await gate;
        return answer(200, demo);
      },
    });
    const leaving = new AbortController();
    const requests = [a.getCampaign('demo'), a.getCampaign('demo', { signal: leaving.signal }), a.getCampaign('demo')];
    leaving.abort();
    release();
    const [first, second, third] = await Promise.allSettled(requests);
    expect(calls).toBe(1);
    expect(first).toMatchObject({ status: 'fulfilled', value: { id: 'demo' } });
    expect(second).toMatchObject({ status: 'rejected', reason: { name: 'AbortError' } });
    expect(third).toMatchObject({ status: 'fulfilled', value: { id: 'demo' } });
    // Once answered, the next ask is a new request.
    await a.getCampaign('demo');
    expect(calls).toBe(2);
  });

  it('times out', async () => {
    const a = new RestAdapter({
      baseUrl: 'https://pb.city.example/api',
      storage: null,
      timeoutMs: 30,
      retries: 0,
      fetch: (_url, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason))),
    });
    expect((await failure(a.getCampaign('demo'))).code).toBe('timeout');
  });

  it('keeps its default timeout and retries for settings that are not numbers ≥ 0 (a page gives them as text)', async () => {
    let calls = 0;
    const slowThenFine = async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 20));
      return calls < 3 ? answer(503, { error: { code: 'unavailable', message: 'busy' } }, { 'retry-after': '0' }) : answer(200, { items: [], nextCursor: null });
    };
    // NaN used to become setTimeout(NaN): every attempt timed out at once; -1 retries meant none.
    const a = new RestAdapter({ baseUrl: 'https://pb.city.example/api', storage: null, fetch: slowThenFine, timeoutMs: Number('soon'), retries: -1 });
    expect(await a.listProjects('demo')).toEqual({ items: [], nextCursor: null });
    expect(calls).toBe(3);
  });

  it('resolves a same-site path against the page and keeps tokens apart per API', () => {
    const g = globalThis as { location?: unknown };
    g.location = { href: 'https://city.example/budget/page.html' };
    try {
      expect(new RestAdapter({ baseUrl: '/api/', storage: null }).baseUrl).toBe('https://city.example/api');
    } finally {
      delete g.location;
    }
    expect(new RestAdapter({ baseUrl: 'https://pb.city.example/api', storage: null }).baseUrl).toBe('https://pb.city.example/api');
  });

  it('is a VecheError for every failure', async () => {
    const a = new RestAdapter({ baseUrl: 'https://pb.city.example/api', storage: null, retries: 0, fetch: async () => answer(500, 'oops') });
    const e = await failure(a.getCampaign('demo'));
    expect(e).toBeInstanceOf(VecheError);
    expect(e.code).toBe('unavailable');
  });
});
