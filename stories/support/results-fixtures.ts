import { movePhases, seededRandom, type PhaseId, type ProjectInput, type Selection, type VecheAdapter } from '@veche/core';
import { MemoryAdapter, demoFixture, type MemoryFixture } from '@veche/core/memory';

/*
 * Campaigns for the stories and tests of `<veche-results>` (and `<veche-share>`): the demo moved to a
 * phase, and small campaigns whose results are easy to check by hand.
 */

const DAY = 86_400_000;

/** The demo campaign with `phase` opened a week before `now`, optionally changed. */
export function demoIn(phase: PhaseId, now: Date = new Date(), change?: (f: MemoryFixture) => void): MemoryAdapter {
  const fixture = demoFixture(now);
  fixture.campaign.phases = movePhases(fixture.campaign.phases, phase, new Date(now.getTime() - 7 * DAY));
  change?.(fixture);
  return new MemoryAdapter({ fixtures: [fixture], now: () => now });
}

/** A shortlisted project of the demo campaign. */
export const ballotProject = (id: string, title: string, cost: number, districtId?: string): ProjectInput => ({
  id,
  campaignId: 'demo',
  title,
  cost,
  status: 'shortlisted',
  createdAt: '2026-01-10T00:00:00.000Z',
  ...(districtId ? { districtId } : {}),
});

/**
 * Three projects whose titles need CSV quoting (`;`, quotes, a formula), four ballots, a budget of
 * 1 500 000 ₽: «Сквер…» 3 votes and «Каток» 2 win, «=СУММ(A1)» 2 does not fit.
 */
export const TRICKY_TITLES = {
  p1: 'Сквер; фонтан и "лавочки"',
  p2: '=СУММ(A1)',
  p3: 'Каток',
};

export function trickyCampaign(now: Date = new Date()): MemoryAdapter {
  return demoIn('results', now, (f) => {
    f.campaign.votingRules = { method: 'approval', budget: 1_500_000 };
    f.projects = [
      ballotProject('p1', TRICKY_TITLES.p1, 1_000_000, 'center'),
      ballotProject('p2', TRICKY_TITLES.p2, 500_000, 'north'),
      ballotProject('p3', TRICKY_TITLES.p3, 300_000),
    ];
    const ballot = (voterId: string, ...ids: string[]) => ({ voterId, selection: ids.map((projectId) => ({ projectId })) });
    f.ballots = [ballot('v1', 'p1', 'p2'), ballot('v2', 'p1', 'p3'), ballot('v3', 'p1'), ballot('v4', 'p2', 'p3')];
  });
}

/** The demo with cumulative voting: 5 points per resident spread over the shortlist by 600 residents. */
export function cumulativeCampaign(now: Date = new Date()): MemoryAdapter {
  return demoIn('results', now, (f) => {
    f.campaign.votingRules = { method: 'cumulative', points: 5, budget: 6_000_000 };
    const shortlist = f.projects.filter((p) => p.status === 'shortlisted').map((p) => p.id);
    const random = seededRandom(7);
    f.ballots = Array.from({ length: 600 }, (_, v) => {
      const points = new Map<string, number>();
      for (let k = 0; k < 5; k++) {
        const id = shortlist[Math.floor(random() * random() * shortlist.length)]!;
        points.set(id, (points.get(id) ?? 0) + 1);
      }
      return { voterId: `c-${v}`, selection: [...points].map(([projectId, p]): Selection => ({ projectId, points: p })) };
    });
  });
}

/** The results phase with nothing on the ballot (`projects: false`) or no ballots cast. */
export function emptyCampaign(now: Date = new Date(), what: 'projects' | 'ballots' = 'ballots'): MemoryAdapter {
  return demoIn('results', now, (f) => {
    f.ballots = [];
    if (what === 'projects') f.projects = f.projects.filter((p) => p.status !== 'shortlisted');
  });
}

/** One project on the ballot, chosen by 700 residents. */
export function oneProjectCampaign(now: Date = new Date()): MemoryAdapter {
  return demoIn('results', now, (f) => {
    f.projects = [ballotProject('solo', 'Фонтан на площади Победы', 2_400_000, 'center')];
    f.ballots = Array.from({ length: 700 }, (_, v) => ({ voterId: `s-${v}`, selection: [{ projectId: 'solo' }] }));
  });
}

/** `count` projects over the three districts and 3 000 ballots, for long charts. */
export function manyProjectsCampaign(count: number, now: Date = new Date()): MemoryAdapter {
  return demoIn('results', now, (f) => {
    const districts = ['center', 'north', 'riverside'];
    const random = seededRandom(11);
    f.projects = Array.from({ length: count }, (_, i) =>
      ballotProject(`m-${i + 1}`, `Проект №${i + 1}: благоустройство двора на улице ${['Ленина', 'Мира', 'Гагарина', 'Садовой'][i % 4]}`, 100_000 + Math.round(random() * 20) * 50_000, districts[i % 3]),
    );
    f.ballots = Array.from({ length: 3_000 }, (_, v) => ({
      voterId: `m-${v}`,
      selection: f.projects.filter(() => random() < 0.08).map((p) => ({ projectId: p.id })),
    })).filter((b) => b.selection.length > 0);
  });
}

/** `base` with some members replaced; other methods stay bound to `base` (MemoryAdapter has #private fields). */
export function patched(base: VecheAdapter, members: Record<string, unknown>): VecheAdapter {
  return new Proxy(base, {
    get(target, key) {
      if (typeof key === 'string' && key in members) return members[key];
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
