import { describe, expect, it } from 'vitest';
import {
  Campaign,
  currentPhase,
  effectiveRules,
  movePhases,
  parseWith,
  phaseState,
  resultsPublished,
  rulesLocked,
  supportThreshold,
  votesVisible,
} from '../src/index.ts';
import { demoFixture } from '../src/memory/index.ts';

const now = new Date('2026-11-28T12:00:00Z');
const campaign = parseWith(Campaign, demoFixture(now).campaign, 'campaign');
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);

describe('phases', () => {
  it('the demo is in its voting phase today', () => {
    expect(currentPhase(campaign, now)?.id).toBe('voting');
    expect(phaseState(campaign, 'voting', now)).toBe('open');
    expect(phaseState(campaign, 'ideas', now)).toBe('closed');
    expect(phaseState(campaign, 'results', now)).toBe('upcoming');
    expect(phaseState({ phases: [] }, 'support', now)).toBe('absent');
  });

  it('votes and results show once voting has closed; rules lock once it opens', () => {
    expect(votesVisible(campaign, now)).toBe(false);
    expect(votesVisible({ ...campaign, voteVisibility: 'always' }, now)).toBe(true);
    expect(resultsPublished(campaign, now)).toBe(false);
    expect(resultsPublished(campaign, days(30))).toBe(true);
    expect(votesVisible(campaign, days(30))).toBe(true);
    expect(rulesLocked(campaign, days(-50))).toBe(false);
    expect(rulesLocked(campaign, now)).toBe(true);
  });

  it('movePhases makes a phase current and keeps the order and lengths', () => {
    const moved = movePhases(campaign.phases, 'results', now);
    expect(currentPhase({ phases: moved }, now)?.id).toBe('results');
    expect(moved.map((p) => p.id)).toEqual(campaign.phases.map((p) => p.id));
    moved.forEach((p, i) => {
      const before = campaign.phases[i]!;
      expect(Date.parse(p.end) - Date.parse(p.start)).toBe(Date.parse(before.end) - Date.parse(before.start));
      if (i > 0) expect(p.start).toBe(moved[i - 1]!.end);
    });
    expect(() => movePhases(campaign.phases.slice(0, 2), 'voting', now)).toThrow(/no voting phase/);
  });

  it('effectiveRules fills the knapsack budget from the district or the campaign', () => {
    const base = { ...campaign, votingRules: { method: 'knapsack' as const, districtMode: 'one' as const } };
    expect(effectiveRules(base).budget).toBe(6_000_000);
    const withBudget = { ...base, districts: campaign.districts.map((d, i) => (i === 0 ? { ...d, budget: 2_000_000 } : d)) };
    expect(effectiveRules(withBudget, 'center').budget).toBe(2_000_000);
    expect(effectiveRules(withBudget, 'north').budget).toBe(6_000_000);
    expect(effectiveRules({ ...campaign, votingRules: { method: 'approval', maxProjects: 3 } })).toEqual({ method: 'approval', maxProjects: 3 });
  });

  it('supportThreshold is a count or a share of residents 16+ rounded up', () => {
    expect(supportThreshold(campaign)).toBe(1146);
    expect(supportThreshold({ supportThreshold: { type: 'count', value: 10 } })).toBe(10);
    expect(supportThreshold({ supportThreshold: { type: 'share', value: 0.1 } })).toBeUndefined();
    expect(supportThreshold({})).toBeUndefined();
  });
});
