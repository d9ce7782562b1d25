import type { ViolationCode } from '../domain/values.ts';
import type { District, VotingRules } from '../schemas/campaign.ts';
import type { Selection } from '../schemas/ballot.ts';

/** The fields of a project that the rules look at. */
export type BallotProject = { id: string; cost: number; status: string; districtId?: string | undefined };

export type Violation = {
  code: ViolationCode;
  projectId?: string;
  limit?: number;
  actual?: number;
  /** The ballot section (district) the violation belongs to, when districts have budgets of their own. */
  districtId?: string;
};

export interface CheckBallotOptions {
  /** The district the resident votes in (`districtMode: 'one'`). */
  districtId?: string | undefined;
  /** The campaign's districts: their own budgets cap their projects' cost. */
  districts?: readonly Pick<District, 'id' | 'budget'>[] | undefined;
}

export interface BallotCheck {
  ok: boolean;
  violations: Violation[];
}

/**
 * Checks a ballot against the voting rules and returns every violation, not only the first.
 * The browser uses it to explain the rules live; the server runs it again before it stores a ballot.
 */
export function checkBallot(
  rules: VotingRules,
  projects: readonly BallotProject[],
  selection: readonly Selection[],
  opts: CheckBallotOptions = {},
): BallotCheck {
  if (selection.length === 0) {
    return rules.minProjects === 0
      ? { ok: true, violations: [] }
      : { ok: false, violations: [{ code: 'empty-ballot' }] };
  }

  const byId = new Map(projects.map((p) => [p.id, p]));
  const violations: Violation[] = [];
  const seen = new Set<string>();
  const chosen: { project: BallotProject; points: number }[] = [];
  let totalPoints = 0;

  for (const { projectId, points = 1 } of selection) {
    if (seen.has(projectId)) {
      violations.push({ code: 'duplicate-project', projectId });
      continue;
    }
    seen.add(projectId);
    totalPoints += points;
    const project = byId.get(projectId);
    if (!project) {
      violations.push({ code: 'unknown-project', projectId });
      continue;
    }
    if (project.status !== 'shortlisted') violations.push({ code: 'project-not-eligible', projectId });
    if (rules.districtMode === 'one' && project.districtId !== undefined && project.districtId !== opts.districtId) {
      violations.push({ code: 'wrong-district', projectId });
    }
    if (rules.method === 'cumulative' && rules.maxPointsPerProject !== undefined && points > rules.maxPointsPerProject) {
      violations.push({ code: 'points-per-project-exceeded', projectId, limit: rules.maxPointsPerProject, actual: points });
    }
    chosen.push({ project, points });
  }

  const count = seen.size;
  const { min, max } = projectLimits(rules);
  if (min !== undefined && count < min) violations.push({ code: 'too-few-projects', limit: min, actual: count });
  if (max !== undefined && count > max) violations.push({ code: 'too-many-projects', limit: max, actual: count });

  if (rules.method === 'cumulative' && rules.points !== undefined && totalPoints > rules.points) {
    violations.push({ code: 'points-exceeded', limit: rules.points, actual: totalPoints });
  }

  if (rules.method === 'knapsack') {
    for (const scope of budgetScopes(rules, chosen, opts)) {
      const where = scope.districtId === undefined ? {} : { districtId: scope.districtId };
      if (scope.budget !== undefined && scope.spent > scope.budget) {
        violations.push({ code: 'over-budget', limit: scope.budget, actual: scope.spent, ...where });
      }
      const least = minimumSpend(rules, scope.budget);
      if (least !== undefined && scope.spent < least) {
        violations.push({ code: 'under-min-spend', limit: least, actual: scope.spent, ...where });
      }
    }
  }

  return { ok: violations.length === 0, violations };
}

/** The least and most projects a ballot may name under the rules. */
export function projectLimits(rules: VotingRules): { min: number | undefined; max: number | undefined } {
  if (rules.method === 'single') return { min: 1, max: 1 };
  return { min: rules.minProjects, max: rules.maxProjects };
}

/** The money a ballot must spend at least: `minSpendShare` of the budget, rounded up to a rouble. */
export function minimumSpend(rules: VotingRules, budget: number | undefined): number | undefined {
  if (rules.minSpendShare === undefined || rules.minSpendShare === 0 || budget === undefined) return undefined;
  return Math.ceil(rules.minSpendShare * budget - 1e-9);
}

interface BudgetScope {
  districtId: string | undefined;
  budget: number | undefined;
  spent: number;
}

/**
 * Splits the chosen projects into the budgets that cap them. With `districtMode: 'all'`, a district
 * with a budget of its own caps its projects and everything else shares `rules.budget`; with `'one'`,
 * the chosen district's own budget (if any) replaces `rules.budget`.
 */
function budgetScopes(
  rules: VotingRules,
  chosen: readonly { project: BallotProject }[],
  opts: CheckBallotOptions,
): BudgetScope[] {
  const districtBudget = new Map<string, number>();
  for (const d of opts.districts ?? []) if (d.budget !== undefined) districtBudget.set(d.id, d.budget);

  if (rules.districtMode !== 'all') {
    const own = opts.districtId === undefined ? undefined : districtBudget.get(opts.districtId);
    const spent = chosen.reduce((sum, c) => sum + c.project.cost, 0);
    return [{ districtId: own === undefined ? undefined : opts.districtId, budget: own ?? rules.budget, spent }];
  }

  const scopes = new Map<string | undefined, BudgetScope>();
  for (const { project } of chosen) {
    const key = project.districtId !== undefined && districtBudget.has(project.districtId) ? project.districtId : undefined;
    let scope = scopes.get(key);
    if (!scope) {
      scope = { districtId: key, budget: key === undefined ? rules.budget : districtBudget.get(key), spent: 0 };
      scopes.set(key, scope);
    }
    scope.spent += project.cost;
  }
  return [...scopes.values()];
}
