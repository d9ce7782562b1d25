import { movePhases, type CampaignInput, type Phase, type PhaseId, type ProjectInput, type VotingRules } from '@veche/core';
import { MemoryAdapter, demoFixture, type MemoryFixture } from '@veche/core/memory';
import { DAY, NOW, clock } from './vote-fixtures.ts';

export { DAY, NOW, clock };

/**
 * The voting rules of the ballot's tests and stories, on the demo campaign (6,000,000 ₽; six projects
 * on the ballot: demo-1 1.45 M centre, demo-2 2.3 M riverside, demo-3 2.9 M north, demo-4 1.8 M centre,
 * demo-5 1.2 M north, demo-6 0.85 M city-wide).
 */
export const RULES = {
  knapsack: { method: 'knapsack', budget: 6_000_000, minProjects: 1 },
  approval: { method: 'approval', minProjects: 2, maxProjects: 3 },
  single: { method: 'single' },
  cumulative: { method: 'cumulative', points: 10, maxPointsPerProject: 5 },
  minSpend: { method: 'knapsack', budget: 6_000_000, minSpendShare: 0.5, minProjects: 1 },
  blank: { method: 'approval', minProjects: 0, maxProjects: 3 },
  noBlank: { method: 'approval', maxProjects: 3 },
  one: { method: 'knapsack', districtMode: 'one', minProjects: 1 },
  all: { method: 'knapsack', districtMode: 'all', budget: 1_000_000, minProjects: 1 },
} satisfies Record<string, VotingRules>;

/** District budgets for `districtMode` 'one' and 'all'. */
export const DISTRICT_BUDGETS: Record<string, number> = { center: 3_500_000, north: 3_000_000, riverside: 2_500_000 };

export interface BallotSetup {
  /** The phase open at NOW (voting by default). */
  phase?: PhaseId;
  /** Days until that phase closes (9 by default). */
  daysLeft?: number;
  rules?: VotingRules;
  allowRevote?: boolean;
  /** Gives the districts these budgets (districtMode 'one' and 'all' set them by default). */
  districtBudgets?: Record<string, number>;
  /** Replaces the six shortlisted projects with this many generated ones (the benchmark: 200). */
  projects?: number;
  signIn?: Partial<NonNullable<CampaignInput['signIn']>>;
  /** Starts signed in with a voting code. */
  signedIn?: boolean;
  /** The adapter's clock (the fixed NOW by default): a test moves it to close the vote. */
  now?: () => Date;
}

/** `count` shortlisted projects with costs from 40,000 to 1,000,000 ₽, spread over the demo's districts. */
export function manyProjects(count: number, campaignId = 'demo'): ProjectInput[] {
  const districts = [undefined, 'center', 'north', 'riverside'];
  return Array.from({ length: count }, (_, i) => ({
    id: `p-${i + 1}`,
    campaignId,
    title: `Проект № ${i + 1}: благоустройство двора`,
    summary: 'Скамейки, освещение и клумбы.',
    cost: 40_000 + ((i * 7919) % 97) * 10_000,
    status: 'shortlisted' as const,
    ...(districts[i % 4] ? { districtId: districts[i % 4] } : {}),
    createdAt: new Date(NOW.getTime() - (i + 1) * DAY).toISOString(),
  }));
}

/** The demo fixture on the fixed clock, moved so that `phase` is open and closes in `daysLeft` days. */
export function ballotFixture(setup: BallotSetup = {}, now: Date = NOW): MemoryFixture {
  const fixture = demoFixture(now);
  const campaign = fixture.campaign;
  const phase = setup.phase ?? 'voting';
  const current = campaign.phases.find((p) => p.id === phase)!;
  const length = Date.parse(current.end) - Date.parse(current.start);
  campaign.phases = movePhases(campaign.phases as Phase[], phase, new Date(now.getTime() + (setup.daysLeft ?? 9) * DAY - length));
  if (setup.rules) campaign.votingRules = setup.rules;
  if (setup.allowRevote !== undefined) campaign.allowRevote = setup.allowRevote;
  if (setup.signIn) campaign.signIn = { ideas: [], support: [], voting: [], ...campaign.signIn, ...setup.signIn };
  const budgets = setup.districtBudgets ?? (setup.rules?.districtMode ? DISTRICT_BUDGETS : {});
  campaign.districts = campaign.districts!.map((d) => (budgets[d.id] === undefined ? d : { ...d, budget: budgets[d.id] }));
  if (setup.projects !== undefined) {
    fixture.projects = [...fixture.projects.filter((p) => p.status !== 'shortlisted'), ...manyProjects(setup.projects)];
    fixture.ballots = [];
  }
  return fixture;
}

/** A MemoryAdapter of the demo campaign set up for a ballot test or story. */
export function ballotAt(setup: BallotSetup = {}): MemoryAdapter {
  return new MemoryAdapter({
    fixtures: [ballotFixture(setup)],
    now: setup.now ?? clock,
    oneTimeCode: () => '123456',
    ...(setup.signedIn ? { signedInAs: 'resident-1' } : {}),
  });
}
