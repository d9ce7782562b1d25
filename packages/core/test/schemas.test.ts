import { describe, expect, it } from 'vitest';
import {
  Ballot,
  BallotInput,
  Campaign,
  District,
  IdeaInput,
  Identity,
  Project,
  Results,
  Selection,
  SupportState,
  VecheError,
  VotingRules,
  parseWith,
  type CampaignInput,
} from '../src/index.ts';
import { demoFixture } from '../src/memory/index.ts';

const demo = demoFixture(new Date('2026-11-28T12:00:00Z'));
const clone = <T>(x: T): T => structuredClone(x);

function messageOf(schema: Parameters<typeof parseWith>[0], data: unknown): string {
  try {
    parseWith(schema, data, 'value');
  } catch (e) {
    expect(e).toBeInstanceOf(VecheError);
    expect((e as VecheError).code).toBe('invalid-input');
    return (e as VecheError).message;
  }
  throw new Error('expected the value to be refused');
}

describe('schemas', () => {
  it('accept the demo campaign and its projects, filling defaults', () => {
    const campaign = parseWith(Campaign, demo.campaign, 'campaign');
    expect(campaign.districts).toHaveLength(3);
    expect(campaign.currency).toBe('RUB');
    for (const p of demo.projects) expect(parseWith(Project, p, 'project').id).toBe(p.id);
    const minimal = parseWith(Project, { id: 'p', campaignId: 'c', title: 'T', cost: 1, status: 'published', createdAt: '2026-01-01T00:00:00Z' }, 'p');
    expect(minimal).toMatchObject({ categoryIds: [], images: [], coFunding: [], milestones: [] });
  });

  it.each<[string, (c: CampaignInput) => void, RegExp]>([
    ['a fractional budget', (c) => void (c.budget = 10.5), /budget expected int/],
    ['a negative budget', (c) => void (c.budget = -1), /budget must not be negative/],
    ['a phase that ends before it starts', (c) => void (c.phases[1]!.end = c.phases[1]!.start), /phases\[1\]\.end must end after it starts/],
    ['overlapping phases', (c) => void (c.phases[1]!.start = c.phases[0]!.start), /phases must be in order/],
    ['an unknown phase', (c) => void ((c.phases[0] as { id: string }).id = 'party'), /phases\[0\]\.id must be one of "ideas"/],
    ['a date that is not ISO', (c) => void (c.phases[0]!.start = '1 May 2026'), /phases\[0\]\.start must be an ISO 8601 date-time/],
    ['an open district ring', (c) => void (c.districts![0]!.geometry.coordinates[0]!.pop()), /districts\[0\]\.geometry\.coordinates\[0\] a ring must end where it starts/],
    ['a latitude out of range', (c) => void ((c.districts![0]!.geometry.coordinates[0] as number[][])[1]![1] = 95), /districts\[0\]\.geometry\.coordinates\[0\]\[1\]\[1\] latitude must be at most 90/],
    ['a share above 1', (c) => void (c.supportThreshold = { type: 'share', value: 10 }), /supportThreshold\.value must be at most 1/],
    ['cumulative rules without points', (c) => void (c.votingRules = { method: 'cumulative' }), /votingRules\.points is required/],
    ['min above max', (c) => void (c.votingRules = { method: 'approval', minProjects: 3, maxProjects: 2 }), /votingRules\.minProjects must not be more than maxProjects/],
    ['a javascript: url', (c) => void (c.url = 'javascript:alert(1)'), /url must be an http\(s\) address/],
    ['a missing title', (c) => void delete (c as Partial<CampaignInput>).title, /title expected string, got nothing/],
    ['two districts with one id', (c) => void (c.districts![1]!.id = c.districts![0]!.id), /districts must not repeat a district id/],
  ])('campaign: refuse %s, naming the field', (_, mutate, pattern) => {
    const c = clone(demo.campaign);
    mutate(c);
    expect(messageOf(Campaign, c)).toMatch(pattern);
  });

  it('project: refuse bad cost, status, progress and image url, naming each field', () => {
    const p = { ...clone(demo.projects[0]!), cost: 1.5, status: 'winner', progress: 140, images: [{ url: 'data:image/png;base64,AAAA', alt: 'x' }] };
    const message = messageOf(Project, p);
    expect(message).toMatch(/cost expected int/);
    expect(message).toMatch(/status must be one of/);
    expect(message).toMatch(/progress must be at most 100/);
    expect(message).toMatch(/images\[0\]\.url must be an http\(s\) address/);
  });

  it('selection and ballot: whole points of at least 1, a bounded list', () => {
    expect(messageOf(Selection, { projectId: 'a', points: 0 })).toMatch(/points must be at least 1/);
    expect(messageOf(Selection, { projectId: 'a', points: 1.5 })).toMatch(/points expected int/);
    expect(messageOf(BallotInput, { selection: 'all' })).toMatch(/selection expected array/);
    expect(messageOf(BallotInput, { selection: Array.from({ length: 1001 }, (_, i) => ({ projectId: `p${i}` })) })).toMatch(/at most 1000/);
    expect(messageOf(Ballot, { campaignId: 'c', status: 'sent', selection: [], updatedAt: 'now' })).toMatch(/status must be one of .*updatedAt must be an ISO/s);
  });

  it('idea: names the fields of a bad idea, trims text', () => {
    const message = messageOf(IdeaInput, { title: '', description: 'x', author: { email: 'not-an-address' }, consents: [{ kind: 'personal-data', version: '1' }] });
    expect(message).toMatch(/title must not be empty/);
    expect(message).toMatch(/author\.email must be an e-mail address/);
    expect(message).toMatch(/consents\[0\]\.accepted expected boolean/);
    const idea = parseWith(IdeaInput, { title: '  Сквер  ', description: 'Описание', consents: [] }, 'idea');
    expect(idea.title).toBe('Сквер');
    expect(idea.author).toEqual({});
  });

  it('ids refuse spaces and markup but keep Pabulib ids', () => {
    expect(parseWith(Selection, { projectId: 'M/31/VIII' }, 's').projectId).toBe('M/31/VIII');
    expect(messageOf(Selection, { projectId: '<script>' })).toMatch(/projectId may hold only/);
    expect(messageOf(Selection, { projectId: 'a b' })).toMatch(/projectId may hold only/);
  });

  it('districts, rules, support, identity and results have their own checks', () => {
    expect(messageOf(District, { id: 'd', name: 'D', geometry: { type: 'Point', coordinates: [1, 2] } })).toMatch(/geometry/);
    expect(messageOf(VotingRules, { method: 'lottery' })).toMatch(/method must be one of "approval", "knapsack", "cumulative", "single"/);
    expect(messageOf(SupportState, { projectId: 'p', state: 'maybe' })).toMatch(/state must be one of/);
    expect(messageOf(Identity, { residentId: 'r', method: 'password', expiresAt: '2026-01-01T00:00:00Z' })).toMatch(/method must be one of/);
    expect(messageOf(Results, { campaignId: 'c', status: 'final', budget: 1, budgetUsed: -1, turnout: 0, projects: [] })).toMatch(/budgetUsed must not be negative/);
  });
});
