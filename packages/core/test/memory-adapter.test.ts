import { describe, expect, it } from 'vitest';
import {
  Campaign,
  Project,
  computeResults,
  parsePabulib,
  parseWith,
  type IdeaInputDraft,
  type LiveEvent,
} from '../src/index.ts';
import { DEMO_ONE_TIME_CODE, DEMO_VOTING_CODES, MemoryAdapter, createMemoryAdapter, demoFixture } from '../src/memory/index.ts';
import { PNG_1X1, failure, memoryStorage } from './helpers.ts';

const NOW = new Date('2026-11-28T12:00:00Z');
const at = (days: number) => () => new Date(NOW.getTime() + days * 86_400_000);
/** The demo as it stands on NOW, seen `days` later (or earlier). */
const demoOn = (days: number, options: ConstructorParameters<typeof MemoryAdapter>[0] = {}) =>
  new MemoryAdapter({ fixtures: [demoFixture(NOW)], now: at(days), ...options });

const idea = (extra: Partial<IdeaInputDraft> = {}): IdeaInputDraft => ({
  title: 'Воркаут у школы № 3',
  description: 'Турники и брусья для подростков.',
  author: { name: 'Мария Иванова', email: 'maria@example.ru', phone: '+7 391 000-00-00' },
  consents: [{ kind: 'personal-data', version: '2026-09', accepted: true }],
  ...extra,
});

describe('the demo campaign', () => {
  const fixture = demoFixture(NOW);

  it('is a Siberian town with 3 districts, 15 projects in every status, demo-1 … demo-6 shortlisted', () => {
    const campaign = parseWith(Campaign, fixture.campaign, 'demo');
    expect(campaign.id).toBe('demo');
    expect(campaign.region).toBe('Красноярский край');
    expect(campaign.districts.map((d) => d.geometry.type)).toEqual(['Polygon', 'Polygon', 'Polygon']);
    const projects = fixture.projects.map((p) => parseWith(Project, p, p.id));
    expect(projects.map((p) => p.id)).toEqual(Array.from({ length: 15 }, (_, i) => `demo-${i + 1}`));
    expect(new Set(projects.map((p) => p.status))).toEqual(
      new Set(['submitted', 'published', 'rejected', 'shortlisted', 'selected', 'not-selected', 'in-progress', 'done']),
    );
    expect(projects.filter((p) => p.status === 'shortlisted').map((p) => p.id)).toEqual(['demo-1', 'demo-2', 'demo-3', 'demo-4', 'demo-5', 'demo-6']);
    expect(campaign.supportThreshold).toEqual({ type: 'share', value: 0.1 });
  });

  it('has co-financing by source that adds up to the cost, and milestones', () => {
    const projects = fixture.projects.map((p) => parseWith(Project, p, p.id));
    const funded = projects.filter((p) => p.coFunding.length > 0);
    expect(funded.length).toBeGreaterThanOrEqual(8);
    for (const p of funded) {
      expect(p.coFunding.reduce((s, c) => s + c.amount, 0), p.id).toBe(p.cost);
      expect(new Set(p.coFunding.map((c) => c.source))).toEqual(new Set(['regional', 'municipal', 'business', 'residents']));
    }
    expect(projects.find((p) => p.id === 'demo-13')!.milestones.length).toBe(5);
  });
});

describe('MemoryAdapter', () => {
  it('lists public projects with filters, search, sorts and cursor paging', async () => {
    const a = new MemoryAdapter({ now: () => NOW });
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
    const supported = (await a.listProjects('demo', { sort: 'supported', limit: 3 })).items.map((p) => p.id);
    expect(supported).toEqual(['demo-3', 'demo-1', 'demo-2']);

    const r1 = (await a.listProjects('demo', { sort: 'random', seed: 7, limit: 100 })).items.map((p) => p.id);
    const r2 = (await a.listProjects('demo', { sort: 'random', seed: 7, limit: 100 })).items.map((p) => p.id);
    const r3 = (await a.listProjects('demo', { sort: 'random', seed: 8, limit: 100 })).items.map((p) => p.id);
    expect(r1).toEqual(r2);
    expect(r1).not.toEqual(r3);

    expect((await failure(a.listProjects('demo', { limit: 0 }))).message).toMatch(/limit must be at least 1/);
    expect((await failure(a.listProjects('nowhere'))).code).toBe('not-found');
  });

  it('hides votes during voting and shows support counts', async () => {
    const a = new MemoryAdapter({ now: () => NOW });
    const p = await a.getProject('demo-1');
    expect(p.votes).toBeUndefined();
    expect(p.supports).toBe(1473);
    expect((await failure(a.getProject('demo-7'))).code).toBe('not-found');
  });

  it('asks for sign-in, then takes one ballot per resident, with every rule checked', async () => {
    const a = new MemoryAdapter({ now: () => NOW });
    expect((await failure(a.getBallot('demo'))).code).toBe('unauthorized');
    const identity = await a.signIn({ method: 'voting-code', code: DEMO_VOTING_CODES[0]!.toLowerCase() });
    expect(identity.campaigns['demo']).toMatchObject({ vote: true, support: false });

    await a.saveBallot('demo', { selection: [{ projectId: 'demo-1' }] });
    expect(await a.getBallot('demo')).toMatchObject({ status: 'draft', selection: [{ projectId: 'demo-1' }] });

    const broken = await failure(
      a.submitBallot('demo', { selection: [{ projectId: 'demo-3' }, { projectId: 'demo-2' }, { projectId: 'demo-4' }, { projectId: 'demo-8' }] }),
    );
    expect(broken.code).toBe('rule-violation');
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
  });

  it('refuses ballots and support outside their phases', async () => {
    const before = demoOn(-30, { signedInAs: 'r1' });
    const error = await failure(before.submitBallot('demo', { selection: [{ projectId: 'demo-1' }] }));
    expect(error.code).toBe('phase-closed');
    expect(error.details).toMatchObject({ phase: 'voting', state: 'upcoming' });
    expect((await failure(demoOn(20, { signedInAs: 'r1' }).saveBallot('demo', { selection: [] }))).code).toBe('phase-closed');
    expect((await failure(new MemoryAdapter({ now: () => NOW, signedInAs: 'r1' }).support('demo-8'))).code).toBe('phase-closed');
  });

  it('counts a resident’s support once, withdraws it, and tells subscribers', async () => {
    const a = demoOn(-60);
    expect((await failure(a.support('demo-8'))).code).toBe('unauthorized');
    await a.requestCode('+7 (391) 123-45-67');
    const sent = a.outbox.at(-1)!;
    expect(sent.contact).toBe('+73911234567');
    expect((await failure(a.signIn({ method: 'one-time-code', contact: '+73911234567', code: '000000' }))).code).toBe('unauthorized');
    await a.signIn({ method: 'one-time-code', contact: '8 391 123 45 67', code: sent.code });

    const events: LiveEvent[] = [];
    a.subscribe('demo', (e) => events.push(e));
    expect(await a.support('demo-8')).toEqual({ projectId: 'demo-8', state: 'supported', count: 403 });
    expect(await a.support('demo-8')).toEqual({ projectId: 'demo-8', state: 'supported', count: 403 });
    expect(await a.withdrawSupport('demo-8')).toEqual({ projectId: 'demo-8', state: 'withdrawn', count: 402 });
    await Promise.resolve();
    expect(events).toContainEqual({ type: 'support', projectId: 'demo-8', count: 403 });
    expect((await failure(a.support('demo-10'))).code).toBe('forbidden');
  });

  it('makes voting codes single use and rate-limits guessing', async () => {
    const a = new MemoryAdapter({ now: () => NOW });
    await a.signIn({ method: 'voting-code', code: 'DEMO-1002' });
    await a.signOut();
    expect((await failure(a.signIn({ method: 'voting-code', code: 'demo 1002' }))).message).toMatch(/already been used/);
    const b = new MemoryAdapter({ now: () => NOW });
    for (let i = 0; i < 20; i++) expect((await failure(b.signIn({ method: 'voting-code', code: `GUESS-${i}` }))).code).toBe('unauthorized');
    const limited = await failure(b.signIn({ method: 'voting-code', code: 'DEMO-1003' }));
    expect(limited.code).toBe('rate-limited');
    expect(limited.retryAfter).toBeGreaterThan(0);
  });

  it('expires sessions', async () => {
    let now = NOW;
    const a = new MemoryAdapter({ now: () => now, sessionMinutes: 30 });
    await a.signIn({ method: 'host-token', token: 'demo:resident-42' });
    expect(await a.getIdentity()).not.toBeNull();
    now = new Date(NOW.getTime() + 31 * 60_000);
    expect(await a.getIdentity()).toBeNull();
    expect((await failure(a.signIn({ method: 'host-token', token: 'forged-token-123' }))).code).toBe('unauthorized');
  });

  it('takes ideas into moderation, keeps contacts and consents private', async () => {
    const a = demoOn(-100);
    const missing = await failure(a.submitIdea('demo', idea({ consents: [] })));
    expect(missing.code).toBe('invalid-input');
    expect(missing.details?.['issues']).toContainEqual(expect.objectContaining({ field: 'consents.personal-data', code: 'consent-required' }));

    const receipt = await a.submitIdea('demo', idea(), { idempotencyKey: 'idea-1' });
    expect(receipt.status).toBe('submitted');
    expect(await a.submitIdea('demo', idea(), { idempotencyKey: 'idea-1' })).toEqual(receipt);
    expect((await failure(a.getProject(receipt.id))).code).toBe('not-found');
    const listed = await a.listProjects('demo', { limit: 100 });
    expect(JSON.stringify(listed)).not.toContain('maria@example.ru');
    expect(a.ideaRecord(receipt.id)).toMatchObject({ author: { email: 'maria@example.ru' }, consents: [{ kind: 'personal-data', at: at(-100)().toISOString() }] });
    expect((await failure(new MemoryAdapter({ now: () => NOW }).submitIdea('demo', idea()))).code).toBe('phase-closed');
  });

  it('checks photos by their bytes, not their stated type', async () => {
    const a = demoOn(-100);
    expect(await a.uploadImage('demo', new Blob([PNG_1X1], { type: 'image/png' }))).toMatchObject({ width: 1, height: 1 });
    const lying = await failure(a.uploadImage('demo', new Blob(['<script>alert(1)</script>'], { type: 'image/jpeg' })));
    expect(lying).toMatchObject({ code: 'invalid-input', status: 415 });
    const big = await failure(a.uploadImage('demo', new Blob([new Uint8Array(5_000_001)], { type: 'image/png' })));
    expect(big.status).toBe(413);
  });

  it('publishes results from computeResults over every ballot, and exports them as Pabulib', async () => {
    const fixture = demoFixture(NOW);
    const voting = new MemoryAdapter({ now: () => NOW, fixtures: [fixture], signedInAs: 'r1' });
    expect((await failure(voting.getResults('demo'))).code).toBe('phase-closed');
    await voting.submitBallot('demo', { selection: [{ projectId: 'demo-6' }] });

    const later = new MemoryAdapter({ now: at(15), fixtures: [fixture] });
    const results = await later.getResults('demo');
    const expected = computeResults({
      budget: 6_000_000,
      projects: fixture.projects.filter((p) => p.status === 'shortlisted').map((p) => ({ id: p.id, cost: p.cost })),
      ballots: fixture.ballots!,
    });
    expect(results.projects).toEqual(expected.projects);
    expect(results.turnout).toBe(1912);
    expect(results.budgetUsed).toBeLessThanOrEqual(6_000_000);
    expect(results.districts.map((d) => d.districtId)).toEqual(['center', 'north', 'riverside']);
    expect((await later.getProject('demo-1')).votes).toBe(results.projects.find((p) => p.id === 'demo-1')!.votes);

    const pb = parsePabulib(await later.exportPabulib('demo'));
    expect(pb.votes).toHaveLength(1912);
    expect(pb.projects.filter((p) => p.selected).map((p) => p.id).sort()).toEqual(
      results.projects.filter((p) => p.selected).map((p) => p.id).sort(),
    );
  });

  it('keeps what the resident did across reloads when given storage', async () => {
    const storage = memoryStorage();
    const first = new MemoryAdapter({ now: () => NOW, storage });
    await first.signIn({ method: 'voting-code', code: 'DEMO-1005' });
    await first.saveBallot('demo', { selection: [{ projectId: 'demo-2' }] });
    const second = new MemoryAdapter({ now: () => NOW, storage });
    expect(await second.getIdentity()).not.toBeNull();
    expect(await second.getBallot('demo')).toMatchObject({ selection: [{ projectId: 'demo-2' }] });
    storage.data.set('veche:memory', '{broken');
    expect(await new MemoryAdapter({ now: () => NOW, storage }).getIdentity()).toBeNull();
  });

  it('honours AbortSignal and latency', async () => {
    const a = new MemoryAdapter({ now: () => NOW, latency: 50 });
    const controller = new AbortController();
    const pending = a.getCampaign('demo', { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await expect(a.getCampaign('demo', { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('createMemoryAdapter reads memory: addresses', async () => {
    const results = createMemoryAdapter('memory:demo?phase=results', { now: () => NOW });
    expect((await results.getResults('demo')).status).toBe('final');
    const signedIn = createMemoryAdapter('memory:demo?signedIn=1', { now: () => NOW });
    expect(await signedIn.getIdentity()).toMatchObject({ residentId: 'demo-resident' });
    const otp = createMemoryAdapter('memory:demo?phase=support', { now: () => NOW });
    await otp.requestCode('anna@example.ru');
    await otp.signIn({ method: 'one-time-code', contact: 'anna@example.ru', code: DEMO_ONE_TIME_CODE });
    expect(() => createMemoryAdapter('https://x')).toThrow(/not a memory adapter address/);
    expect(() => createMemoryAdapter('memory:demo?phase=party')).toThrow(/Unknown phase/);
  });
});
