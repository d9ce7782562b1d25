import type { VotingMethod } from '../domain/values.ts';
import type { Selection } from '../schemas/ballot.ts';
import type { Campaign, VotingRules } from '../schemas/campaign.ts';
import type { Project } from '../schemas/project.ts';
import type { PabulibData, PabulibProject, PabulibVote } from './pabulib.ts';

const VOTE_TYPE: Record<VotingMethod, string> = {
  approval: 'approval',
  knapsack: 'approval',
  cumulative: 'cumulative',
  single: 'choose-1',
};

export interface PabulibExportInput {
  campaign: Pick<Campaign, 'id' | 'title' | 'municipality' | 'budget' | 'votingRules' | 'phases' | 'districts' | 'categories'>;
  projects: readonly Pick<Project, 'id' | 'title' | 'cost' | 'districtId' | 'categoryIds' | 'location'>[];
  /** Anonymous ballots: voter ids are replaced by their position. */
  ballots: readonly { selection: readonly Selection[] }[];
  /** Ids of the selected projects, when results exist. */
  selected?: ReadonlySet<string>;
}

/** A campaign's ballots as a Pabulib file (voters numbered, nothing that identifies them). */
export function campaignToPabulib(input: PabulibExportInput): PabulibData {
  const { campaign, projects, ballots, selected } = input;
  const rules = campaign.votingRules;
  const voting = campaign.phases.find((p) => p.id === 'voting');
  const meta: Record<string, string> = {
    description: campaign.title,
    country: 'Russia',
    unit: campaign.municipality,
    instance: (voting?.start ?? campaign.phases[0]!.start).slice(0, 4),
    num_projects: String(projects.length),
    num_votes: String(ballots.length),
    budget: String(rules.budget ?? campaign.budget),
    vote_type: VOTE_TYPE[rules.method],
    rule: 'greedy',
  };
  if (voting) {
    meta['date_begin'] = voting.start.slice(0, 10);
    meta['date_end'] = voting.end.slice(0, 10);
  }
  const min = rules.method === 'single' ? 1 : rules.minProjects;
  const max = rules.method === 'single' ? 1 : rules.maxProjects;
  if (min !== undefined) meta['min_length'] = String(min);
  if (max !== undefined) meta['max_length'] = String(max);
  if (rules.method === 'knapsack') meta['max_sum_cost'] = String(rules.budget ?? campaign.budget);
  if (rules.method === 'cumulative' && rules.points !== undefined) meta['max_sum_points'] = String(rules.points);
  if (rules.method === 'cumulative' && rules.maxPointsPerProject !== undefined) meta['max_points'] = String(rules.maxPointsPerProject);
  meta['currency'] = 'RUB';
  meta['language'] = 'ru';

  const votes = new Map<string, number>();
  const score = new Map<string, number>();
  for (const b of ballots) {
    for (const s of b.selection) {
      votes.set(s.projectId, (votes.get(s.projectId) ?? 0) + 1);
      score.set(s.projectId, (score.get(s.projectId) ?? 0) + (s.points ?? 1));
    }
  }
  const districtName = new Map(campaign.districts.map((d) => [d.id, d.name]));
  const categoryName = new Map(campaign.categories.map((c) => [c.id, c.name]));
  const cumulative = rules.method === 'cumulative';

  const outProjects: PabulibProject[] = projects.map((p) => {
    const row: PabulibProject = { id: p.id, cost: p.cost, votes: String(votes.get(p.id) ?? 0) };
    if (cumulative) row['score'] = String(score.get(p.id) ?? 0);
    row['name'] = p.title;
    if (selected) row.selected = selected.has(p.id);
    row['category'] = p.categoryIds.map((id) => categoryName.get(id) ?? id).join(',');
    row['district'] = p.districtId === undefined ? '' : (districtName.get(p.districtId) ?? p.districtId);
    row['latitude'] = p.location ? String(p.location.lat) : '';
    row['longitude'] = p.location ? String(p.location.lng) : '';
    return row;
  });
  const outVotes: PabulibVote[] = ballots.map((b, i) => {
    const vote: PabulibVote = { voterId: String(i + 1), projectIds: b.selection.map((s) => s.projectId) };
    if (cumulative) vote.points = b.selection.map((s) => s.points ?? 1);
    return vote;
  });
  return { meta, projects: outProjects, votes: outVotes };
}

const int = (value: string | undefined): number | undefined => {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? Math.round(n) : undefined;
};

/**
 * Voting rules from a Pabulib META block: `approval` with `max_sum_cost` is a knapsack ballot,
 * `cumulative` keeps its points, `choose-1` is single, and `ordinal` becomes cumulative with the
 * rank points its ballots carry (3, 2, 1 for three ranks).
 */
export function rulesFromPabulibMeta(meta: Record<string, string>): VotingRules {
  const type = (meta['vote_type'] ?? 'approval').trim();
  const minLength = int(meta['min_length']);
  const maxLength = int(meta['max_length']);
  const maxSumCost = int(meta['max_sum_cost']);
  const budget = int(meta['budget']);
  const counts = {
    ...(minLength !== undefined ? { minProjects: minLength } : {}),
    ...(maxLength !== undefined ? { maxProjects: maxLength } : {}),
  };
  switch (type) {
    case 'choose-1':
      return { method: 'single' };
    case 'cumulative': {
      const points = int(meta['max_sum_points']) ?? maxLength ?? 1;
      const perProject = int(meta['max_points']);
      return { method: 'cumulative', points, ...(perProject !== undefined ? { maxPointsPerProject: perProject } : {}), ...counts };
    }
    case 'ordinal': {
      const ranks = maxLength ?? 3;
      return { method: 'cumulative', points: (ranks * (ranks + 1)) / 2, maxPointsPerProject: ranks, ...counts };
    }
    default:
      if (maxSumCost !== undefined) return { method: 'knapsack', budget: maxSumCost, ...counts };
      return { method: 'approval', ...counts, ...(budget !== undefined ? { budget } : {}) };
  }
}

/** A Pabulib vote as a ballot selection: ordinal ranks without points get n, n−1, … 1. */
export function selectionFromPabulibVote(vote: PabulibVote, voteType: string | undefined): Selection[] {
  return vote.projectIds.map((projectId, i) => {
    const points = vote.points?.[i] ?? (voteType === 'ordinal' ? vote.projectIds.length - i : undefined);
    return points === undefined ? { projectId } : { projectId, points };
  });
}
