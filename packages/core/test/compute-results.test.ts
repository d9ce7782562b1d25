import { describe, expect, it } from 'vitest';
import { computeResults, parsePabulib, selectionFromPabulibVote } from '../src/index.ts';
import { pabulibFiles } from './helpers.ts';

const ballots = (...lists: string[][]) => lists.map((ids, i) => ({ voterId: `v${i}`, selection: ids.map((projectId) => ({ projectId })) }));

describe('computeResults', () => {
  it('counts votes and points, selects greedily, and skips a project that no longer fits', () => {
    const r = computeResults({
      budget: 1000,
      projects: [
        { id: 'big', cost: 800 },
        { id: 'huge', cost: 900 },
        { id: 'small', cost: 150 },
        { id: 'tiny', cost: 60 },
      ],
      ballots: ballots(['big', 'huge', 'small'], ['big', 'huge'], ['big', 'small', 'tiny'], ['huge']),
    });
    // big and huge tie on 3: the cheaper goes first; huge no longer fits, small still does.
    expect(r.projects).toEqual([
      { id: 'big', votes: 3, points: 3, selected: true },
      { id: 'huge', votes: 3, points: 3, selected: false },
      { id: 'small', votes: 2, points: 2, selected: true },
      { id: 'tiny', votes: 1, points: 1, selected: false },
    ]);
    expect(r.budgetUsed).toBe(950);
    expect(r.turnout).toBe(4);
  });

  it('breaks ties by lower cost, then by id in natural order', () => {
    const r = computeResults({
      budget: 100,
      projects: [
        { id: 'p10', cost: 50 },
        { id: 'p9', cost: 50 },
        { id: 'cheap', cost: 10 },
      ],
      ballots: ballots(['p10', 'p9', 'cheap']),
    });
    expect(r.projects.map((p) => p.id)).toEqual(['cheap', 'p9', 'p10']);
    expect(r.projects.map((p) => p.selected)).toEqual([true, true, false]);
  });

  it('sums points, 1 where a selection has none, and counts a project once per ballot', () => {
    const r = computeResults({
      budget: 10,
      projects: [
        { id: 'a', cost: 1 },
        { id: 'b', cost: 1 },
      ],
      ballots: [
        { voterId: '1', selection: [{ projectId: 'a', points: 3 }, { projectId: 'b' }] },
        { voterId: '2', selection: [{ projectId: 'b', points: 2 }, { projectId: 'b', points: 2 }, { projectId: 'gone' }] },
      ],
    });
    expect(r.projects).toEqual([
      { id: 'a', votes: 1, points: 3, selected: true },
      { id: 'b', votes: 2, points: 3, selected: true },
    ]);
  });

  it('does not select a project nobody voted for', () => {
    const r = computeResults({ budget: 100, projects: [{ id: 'a', cost: 1 }, { id: 'b', cost: 1 }], ballots: ballots(['a']) });
    expect(r.projects.find((p) => p.id === 'b')).toEqual({ id: 'b', votes: 0, points: 0, selected: false });
  });

  it('selects within each district budget where districts have budgets', () => {
    const r = computeResults({
      budget: 120,
      districts: [{ id: 'n', budget: 500 }, { id: 's' }],
      projects: [
        { id: 'n1', cost: 400, districtId: 'n' },
        { id: 'n2', cost: 200, districtId: 'n' },
        { id: 's1', cost: 90, districtId: 's' },
        { id: 'city', cost: 20 },
      ],
      ballots: ballots(['n1', 'n2', 's1', 'city'], ['n1', 'n2', 's1'], ['n1']),
    });
    const selected = r.projects.filter((p) => p.selected).map((p) => p.id);
    expect(selected.sort()).toEqual(['city', 'n1', 's1'].sort());
    expect(r.budgetUsed).toBe(510);
  });

  it('counts distinct voters as turnout', () => {
    expect(computeResults({ budget: 1, projects: [], ballots: [...ballots([], []), { voterId: 'v0', selection: [] }] }).turnout).toBe(2);
  });

  describe('on every Pabulib file with a `selected` column and an approval or cumulative vote', () => {
    const files = pabulibFiles()
      .map(({ name, text }) => ({ name, data: parsePabulib(text) }))
      .filter(({ data }) => ['approval', 'cumulative'].includes(data.meta['vote_type'] ?? '') && data.projects.some((p) => p.selected !== undefined));

    it('there are such files', () => expect(files.length).toBeGreaterThanOrEqual(3));

    for (const { name, data } of files) {
      it(`selects exactly the city's projects: ${name}`, () => {
        const r = computeResults({
          budget: Number(data.meta['budget']),
          projects: data.projects,
          ballots: data.votes.map((v) => ({ voterId: v.voterId, selection: selectionFromPabulibVote(v, data.meta['vote_type']) })),
        });
        const expected = data.projects.filter((p) => p.selected).map((p) => p.id).sort();
        expect(r.projects.filter((p) => p.selected).map((p) => p.id).sort()).toEqual(expected);
        expect(r.turnout).toBe(data.votes.length);
        // The file's own vote counts agree with ours.
        for (const p of data.projects) {
          if (p['votes'] !== undefined) expect(r.projects.find((q) => q.id === p.id)!.votes, p.id).toBe(Number(p['votes']));
        }
      });
    }
  });
});
