import { findPhase } from '../rules/phases.ts';
import type { Selection } from '../schemas/ballot.ts';
import type { Campaign } from '../schemas/campaign.ts';
import type { Project } from '../schemas/project.ts';
import type { Results } from '../schemas/results.ts';
import { computeResults } from './compute-results.ts';

/**
 * A campaign's results as the API publishes them: `computeResults` over the ballots, plus each
 * district's budget used and turnout (ballots naming one of its projects) and the publication date.
 */
export function campaignResults(
  campaign: Campaign,
  projects: readonly Pick<Project, 'id' | 'cost' | 'districtId'>[],
  ballots: readonly { voterId: string; selection: readonly Selection[] }[],
  status: Results['status'],
): Results {
  const budget = campaign.votingRules.budget ?? campaign.budget;
  const computed = computeResults({ budget, districts: campaign.districts, projects, ballots });
  const selected = new Set(computed.projects.filter((p) => p.selected).map((p) => p.id));
  const districts = campaign.districts.map((d) => {
    const own = new Set(projects.filter((p) => p.districtId === d.id).map((p) => p.id));
    return {
      districtId: d.id,
      ...(d.budget !== undefined ? { budget: d.budget } : {}),
      ...(d.population16 !== undefined ? { population16: d.population16 } : {}),
      budgetUsed: projects.filter((p) => own.has(p.id) && selected.has(p.id)).reduce((s, p) => s + p.cost, 0),
      turnout: ballots.filter((b) => b.selection.some((s) => own.has(s.projectId))).length,
    };
  });
  const publishedAt = findPhase(campaign, 'results')?.start;
  return {
    campaignId: campaign.id,
    status,
    budget,
    budgetUsed: computed.budgetUsed,
    turnout: computed.turnout,
    projects: computed.projects,
    districts,
    ...(publishedAt ? { publishedAt } : {}),
    ...(campaign.population16 !== undefined ? { population16: campaign.population16 } : {}),
  };
}
