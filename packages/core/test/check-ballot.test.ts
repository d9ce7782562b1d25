import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBallot, type Violation } from '../src/index.ts';
import { project, rules } from './helpers.ts';

const projects = [
  project('a', 400, { districtId: 'north' }),
  project('b', 300, { districtId: 'north' }),
  project('c', 500, { districtId: 'south' }),
  project('d', 200),
  project('x', 100, { status: 'published' }),
];
const codes = (violations: Violation[]) => violations.map((v) => v.code);

describe('checkBallot', () => {
  it('gives empty-ballot alone for an empty selection', () => {
    const r = checkBallot(rules({ method: 'approval', minProjects: 2, maxProjects: 3 }), projects, []);
    expect(r).toEqual({ ok: false, violations: [{ code: 'empty-ballot' }] });
  });

  it('accepts a blank vote when minProjects is 0', () => {
    expect(checkBallot(rules({ method: 'knapsack', budget: 1000, minProjects: 0 }), projects, [])).toEqual({ ok: true, violations: [] });
  });

  it('returns every violation, not the first', () => {
    const r = checkBallot(rules({ method: 'knapsack', budget: 600, maxProjects: 2 }), projects, [
      { projectId: 'a' },
      { projectId: 'a' },
      { projectId: 'zzz' },
      { projectId: 'x' },
      { projectId: 'c' },
    ]);
    expect(r.ok).toBe(false);
    expect(r.violations).toEqual([
      { code: 'duplicate-project', projectId: 'a' },
      { code: 'unknown-project', projectId: 'zzz' },
      { code: 'project-not-eligible', projectId: 'x' },
      { code: 'too-many-projects', limit: 2, actual: 4 },
      { code: 'over-budget', limit: 600, actual: 1000 },
    ]);
  });

  it('single takes exactly one project', () => {
    const single = rules({ method: 'single' });
    expect(checkBallot(single, projects, [{ projectId: 'a' }]).ok).toBe(true);
    expect(checkBallot(single, projects, [{ projectId: 'a' }, { projectId: 'b' }]).violations).toEqual([
      { code: 'too-many-projects', limit: 1, actual: 2 },
    ]);
  });

  it('approval takes up to maxProjects and ignores cost', () => {
    const approval = rules({ method: 'approval', maxProjects: 3, budget: 100 });
    expect(checkBallot(approval, projects, [{ projectId: 'a' }, { projectId: 'b' }, { projectId: 'c' }]).ok).toBe(true);
    expect(codes(checkBallot(approval, projects, ['a', 'b', 'c', 'd'].map((projectId) => ({ projectId }))).violations)).toEqual([
      'too-many-projects',
    ]);
  });

  it('minProjects gives too-few-projects', () => {
    expect(checkBallot(rules({ method: 'approval', minProjects: 2 }), projects, [{ projectId: 'a' }]).violations).toEqual([
      { code: 'too-few-projects', limit: 2, actual: 1 },
    ]);
  });

  it('knapsack caps the total cost at the budget, exactly at the limit is fine', () => {
    const knapsack = rules({ method: 'knapsack', budget: 700 });
    expect(checkBallot(knapsack, projects, [{ projectId: 'a' }, { projectId: 'b' }]).ok).toBe(true);
    expect(checkBallot(knapsack, projects, [{ projectId: 'a' }, { projectId: 'b' }, { projectId: 'd' }]).violations).toEqual([
      { code: 'over-budget', limit: 700, actual: 900 },
    ]);
  });

  it('minSpendShare is a share of the knapsack budget, rounded up to a rouble', () => {
    const knapsack = rules({ method: 'knapsack', budget: 1001, minSpendShare: 0.5 });
    expect(checkBallot(knapsack, projects, [{ projectId: 'a' }]).violations).toEqual([{ code: 'under-min-spend', limit: 501, actual: 400 }]);
    expect(checkBallot(knapsack, projects, [{ projectId: 'a' }, { projectId: 'd' }]).ok).toBe(true);
  });

  it('cumulative spreads at most `points`, at most maxPointsPerProject each, missing points count 1', () => {
    const cumulative = rules({ method: 'cumulative', points: 5, maxPointsPerProject: 3 });
    expect(checkBallot(cumulative, projects, [{ projectId: 'a', points: 3 }, { projectId: 'b', points: 2 }]).ok).toBe(true);
    expect(checkBallot(cumulative, projects, [{ projectId: 'a', points: 3 }, { projectId: 'b', points: 2 }, { projectId: 'c' }]).violations).toEqual([
      { code: 'points-exceeded', limit: 5, actual: 6 },
    ]);
    expect(checkBallot(cumulative, projects, [{ projectId: 'a', points: 4 }]).violations).toEqual([
      { code: 'points-per-project-exceeded', projectId: 'a', limit: 3, actual: 4 },
    ]);
  });

  it("districtMode 'one' refuses projects of other districts, city-wide projects are fine", () => {
    const one = rules({ method: 'approval', districtMode: 'one' });
    expect(checkBallot(one, projects, [{ projectId: 'a' }, { projectId: 'd' }], { districtId: 'north' }).ok).toBe(true);
    expect(checkBallot(one, projects, [{ projectId: 'a' }, { projectId: 'c' }], { districtId: 'north' }).violations).toEqual([
      { code: 'wrong-district', projectId: 'c' },
    ]);
    expect(codes(checkBallot(one, projects, [{ projectId: 'a' }]).violations)).toEqual(['wrong-district']);
  });

  it("districtMode 'one' caps the ballot at the chosen district's own budget", () => {
    const one = rules({ method: 'knapsack', budget: 5000, districtMode: 'one' });
    const districts = [{ id: 'north', budget: 600 }];
    expect(checkBallot(one, projects, [{ projectId: 'a' }, { projectId: 'b' }], { districtId: 'north', districts }).violations).toEqual([
      { code: 'over-budget', limit: 600, actual: 700, districtId: 'north' },
    ]);
  });

  it("districtMode 'all' checks each district section against its own budget", () => {
    const all = rules({ method: 'knapsack', budget: 250, districtMode: 'all' });
    const districts = [
      { id: 'north', budget: 600 },
      { id: 'south', budget: 500 },
    ];
    const selection = ['a', 'b', 'c', 'd'].map((projectId) => ({ projectId }));
    expect(checkBallot(all, projects, selection, { districts }).violations).toEqual([
      { code: 'over-budget', limit: 600, actual: 700, districtId: 'north' },
    ]);
    expect(checkBallot(all, projects, [{ projectId: 'b' }, { projectId: 'c' }, { projectId: 'd' }], { districts }).ok).toBe(true);
  });

  it('agrees with a direct count on random knapsack ballots', () => {
    const pool = Array.from({ length: 30 }, (_, i) => project(`p${i}`, (i + 1) * 37));
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 29 }), { maxLength: 30 }), fc.integer({ min: 1, max: 20_000 }), (picks, budget) => {
        const selection = picks.map((i) => ({ projectId: `p${i}` }));
        const total = picks.reduce((s, i) => s + (i + 1) * 37, 0);
        const r = checkBallot(rules({ method: 'knapsack', budget, maxProjects: 10 }), pool, selection);
        const expected: string[] = [];
        if (picks.length === 0) expected.push('empty-ballot');
        else {
          if (picks.length > 10) expected.push('too-many-projects');
          if (total > budget) expected.push('over-budget');
        }
        expect(codes(r.violations)).toEqual(expected);
        expect(r.ok).toBe(expected.length === 0);
      }),
    );
  });
});
