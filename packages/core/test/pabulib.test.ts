import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VecheError, parsePabulib, toPabulib, type PabulibData } from '../src/index.ts';
import { pabulibFiles } from './helpers.ts';

const files = pabulibFiles();
const byName = (part: string) => files.find((f) => f.name.includes(part))!.text;

function errorOf(fn: () => unknown): VecheError {
  try {
    fn();
  } catch (e) {
    if (e instanceof VecheError) return e;
    throw e;
  }
  throw new Error('expected a VecheError');
}

describe('parsePabulib', () => {
  for (const { name, text } of files) {
    it(`reads ${name} whole and round-trips it`, () => {
      const data = parsePabulib(text);
      expect(data.projects.length).toBe(Number(data.meta['num_projects']));
      expect(data.votes.length).toBe(Number(data.meta['num_votes']));
      for (const v of data.votes) {
        expect(v.projectIds.every((id) => data.projects.some((p) => p.id === id))).toBe(true);
        if (v.points) expect(v.points.length).toBe(v.projectIds.length);
      }
      expect(parsePabulib(toPabulib(data))).toEqual(data);
    });
  }

  it('reads CRLF files without a stray \\r in the last column', () => {
    const data = parsePabulib(byName('Nadwisle'));
    expect(data.meta['rule']).toBe('greedy');
    expect(data.votes.every((v) => !String(v['voting_method']).includes('\r'))).toBe(true);
  });

  it('reads quoted fields with doubled quotes', () => {
    const data = parsePabulib(byName('Gdansk'));
    expect(data.projects.find((p) => p.id === '4')!['name']).toBe('4 Oświetlenie schodów i przystanku "Suchanino"');
  });

  it('keeps extra META keys', () => {
    const data = parsePabulib(byName('Amsterdam'));
    expect(data.meta['leftover_budget']).toBe('Fund additional projects that fit within leftover budget ordered by score');
    expect(data.meta['currency']).toBe('EUR');
  });

  it('reads approval, cumulative and ordinal votes', () => {
    expect(parsePabulib(byName('Lodz')).votes[0]).toMatchObject({ voterId: '1401204197', projectIds: ['L005', 'L007', 'L008'] });
    expect(parsePabulib(byName('Gdansk')).votes[0]).toMatchObject({ voterId: '21', projectIds: ['4', '5', '6'], points: [2, 1, 1] });
    const krakow = parsePabulib(byName('Krakow'));
    expect(krakow.meta['vote_type']).toBe('ordinal');
    expect(krakow.votes.every((v) => v.projectIds.length === 3)).toBe(true);
  });

  it('reads `selected` as a boolean', () => {
    const data = parsePabulib(byName('Nadwisle'));
    expect(data.projects.filter((p) => p.selected === true).length).toBeGreaterThan(0);
    expect(data.projects.every((p) => typeof p.selected === 'boolean')).toBe(true);
  });

  it('throws an error naming the line on a file truncated at any line', () => {
    const text = byName('Nadwisle');
    const lines = text.split('\n');
    for (let n = 1; n < lines.length - 1; n++) {
      const cut = lines.slice(0, n).join('\n');
      const error = errorOf(() => parsePabulib(cut));
      expect(error.message, `cut after ${n} lines`).toMatch(/^Pabulib line \d+: /);
      expect(error.details?.['line']).toBeTypeOf('number');
    }
  });

  it('throws on a file cut in the middle of a line', () => {
    const text = byName('Gdansk');
    const cut = text.slice(0, text.indexOf('21;4,5,6;2,1,1') + 9);
    expect(errorOf(() => parsePabulib(cut)).message).toMatch(/line 34: .*points/);
  });

  it.each([
    ['a file that does not start with META', 'PROJECTS\nproject_id;cost\n', /line 1: .*expected the META section/],
    ['a missing VOTES section', 'META\nkey;value\nPROJECTS\nproject_id;cost\n1;10\n', /line 5: the file ends before the VOTES section/],
    ['a row with too few fields', 'META\nkey;value\nPROJECTS\nproject_id;cost;name\n1;10\nVOTES\nvoter_id;vote\n', /line 5: expected 3 fields/],
    ['a cost that is not a number', 'META\nkey;value\nPROJECTS\nproject_id;cost\n1;ten\nVOTES\nvoter_id;vote\n', /line 5: cost "ten" is not a number/],
    ['a vote for an unknown project', 'META\nkey;value\nPROJECTS\nproject_id;cost\n1;10\nVOTES\nvoter_id;vote\n7;1,2\n', /line 8: .*project 2/],
    ['a voter twice', 'META\nkey;value\nPROJECTS\nproject_id;cost\n1;10\nVOTES\nvoter_id;vote\n7;1\n7;1\n', /line 9: voter 7 appears twice/],
    ['an unclosed quote', 'META\nkey;value\ndescription;"open\nPROJECTS\n', /line 3: a quoted field is not closed/],
    ['a header without cost', 'META\nkey;value\nPROJECTS\nproject_id;name\n', /line 4: .*cost column/],
    ['a wrong num_votes', 'META\nkey;value\nnum_votes;2\nPROJECTS\nproject_id;cost\n1;10\nVOTES\nvoter_id;vote\n7;1\n', /line 9: the file ends with 1 votes, but num_votes at line 3 says 2/],
  ])('refuses %s', (_, text, pattern) => {
    expect(errorOf(() => parsePabulib(text)).message).toMatch(pattern);
  });

  it('keeps META keys and columns named like Object.prototype members as plain data', () => {
    const text = 'META\nkey;value\n__proto__;x\nconstructor;y\nPROJECTS\nproject_id;cost;__proto__\n1;10;z\nVOTES\nvoter_id;vote\n7;1\n';
    const data = parsePabulib(text);
    expect(Object.keys(data.meta)).toEqual(['__proto__', 'constructor']);
    expect(data.meta['__proto__']).toBe('x');
    expect(Object.getPrototypeOf(data.meta)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(data.projects[0], '__proto__')?.value).toBe('z');
    expect(parsePabulib(toPabulib(data))).toEqual(data);
  });

  it('parsePabulib(toPabulib(x)) deep-equals x for generated data', () => {
    const field = fc.string({ maxLength: 12 }).filter((s) => !s.includes('\r'));
    const id = fc.stringMatching(/^[A-Za-z0-9/_-]{1,8}$/);
    const data = fc
      .record({
        meta: fc.dictionary(fc.stringMatching(/^[a-z_]{1,10}$/), field),
        ids: fc.uniqueArray(id, { minLength: 1, maxLength: 8 }),
        names: fc.array(field, { minLength: 8, maxLength: 8 }),
        costs: fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 8, maxLength: 8 }),
        selected: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        votes: fc.array(fc.record({ picks: fc.uniqueArray(fc.nat(7)), age: fc.integer({ min: 16, max: 99 }) }), { maxLength: 10 }),
      })
      .map(({ meta, ids, names, costs, selected, votes }): PabulibData => {
        const cleanMeta = Object.fromEntries(Object.entries(meta).filter(([k]) => k !== 'num_projects' && k !== 'num_votes'));
        return {
          meta: cleanMeta,
          projects: ids.map((pid, i) => ({ id: pid, cost: costs[i]!, name: names[i]!, selected: selected[i]! })),
          votes: votes.map((v, i) => ({
            voterId: String(i + 1),
            projectIds: v.picks.filter((p) => p < ids.length).map((p) => ids[p]!),
            age: String(v.age),
          })),
        };
      });
    fc.assert(
      fc.property(data, (x) => {
        expect(parsePabulib(toPabulib(x))).toEqual(x);
      }),
    );
  });
});
