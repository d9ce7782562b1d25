import type { Selection } from '../schemas/ballot.ts';

export interface ResultsInput {
  /** Money for projects without a district budget of their own. */
  budget: number;
  /** Districts with a `budget` select their projects within it. */
  districts?: readonly { id: string; budget?: number | undefined }[];
  projects: readonly { id: string; cost: number; districtId?: string | undefined }[];
  ballots: readonly { voterId: string; selection: readonly Selection[] }[];
}

export interface ComputedResults {
  /** In ranking order: most points first; ties by lower cost, then id. */
  projects: { id: string; votes: number; points: number; selected: boolean }[];
  budgetUsed: number;
  /** Distinct voters. */
  turnout: number;
}

const collator = new Intl.Collator('en', { numeric: true });

/**
 * Counts the ballots and selects the winners the common municipal way: projects by points, highest
 * first (ties: lower cost, then id); each one that still fits the remaining budget is selected, one that
 * does not is skipped and counting goes on. A project nobody voted for is not selected. Where districts
 * have budgets, their projects compete within them.
 */
export function computeResults(input: ResultsInput): ComputedResults {
  const { projects, ballots } = input;
  const n = projects.length;
  const index = new Map<string, number>();
  projects.forEach((p, i) => index.set(p.id, i));

  const votes = new Float64Array(n);
  const points = new Float64Array(n);
  // The last ballot that counted each project, so a project named twice on one ballot counts once.
  const lastBallot = new Int32Array(n).fill(-1);
  const voters = new Set<string>();

  for (let b = 0; b < ballots.length; b++) {
    const ballot = ballots[b]!;
    voters.add(ballot.voterId);
    for (const s of ballot.selection) {
      const i = index.get(s.projectId);
      if (i === undefined || lastBallot[i] === b) continue;
      lastBallot[i] = b;
      votes[i]! += 1;
      points[i]! += s.points ?? 1;
    }
  }

  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) =>
      points[b]! - points[a]! || projects[a]!.cost - projects[b]!.cost || collator.compare(projects[a]!.id, projects[b]!.id),
  );

  const remaining = new Map<string | undefined, number>([[undefined, input.budget]]);
  for (const d of input.districts ?? []) if (d.budget !== undefined) remaining.set(d.id, d.budget);

  const selected = new Uint8Array(n);
  let budgetUsed = 0;
  for (const i of order) {
    if (points[i] === 0) continue;
    const project = projects[i]!;
    const scope = project.districtId !== undefined && remaining.has(project.districtId) ? project.districtId : undefined;
    const left = remaining.get(scope)!;
    if (project.cost > left) continue;
    remaining.set(scope, left - project.cost);
    selected[i] = 1;
    budgetUsed += project.cost;
  }

  return {
    projects: order.map((i) => ({ id: projects[i]!.id, votes: votes[i]!, points: points[i]!, selected: selected[i] === 1 })),
    budgetUsed,
    turnout: voters.size,
  };
}
