import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkBallot, computeResults, parsePabulib, seededRandom, selectionFromPabulibVote, type Selection } from '@veche/core';
import { measure, report } from './harness.ts';

const fixtures = fileURLToPath(new URL('../fixtures/pabulib/', import.meta.url));

/** checkBallot on a 200-project ballot; computeResults on the largest Pabulib file and on 100,000 ballots. */
export function benchCore(): void {
  const random = seededRandom(1);
  const projects = Array.from({ length: 200 }, (_, i) => ({
    id: `p${i}`,
    cost: 10_000 + Math.floor(random() * 990_000),
    status: i % 20 === 0 ? 'published' : 'shortlisted',
    districtId: `d${i % 5}`,
  }));
  const selection: Selection[] = projects.filter((_, i) => i % 3 === 0).map((p) => ({ projectId: p.id }));
  const knapsack = measure('checkBallot', () => checkBallot({ method: 'knapsack', budget: 20_000_000, maxProjects: 80 }, projects, selection), {
    opsPerRun: 1,
    minMs: 1500,
  });
  const batch = 1000;
  const batched = measure(
    'checkBallot x1000',
    () => {
      for (let i = 0; i < batch; i++) checkBallot({ method: 'knapsack', budget: 20_000_000, maxProjects: 80 }, projects, selection);
    },
    { opsPerRun: batch, minMs: 1500 },
  );

  const text = readFileSync(`${fixtures}Poland_Lodz_2022.pb`, 'utf8');
  const parse = measure('parsePabulib Lodz', () => parsePabulib(text), { minMs: 2000, warmup: 1 });
  const data = parsePabulib(text);
  const ballots = data.votes.map((v) => ({ voterId: v.voterId, selection: selectionFromPabulibVote(v, data.meta['vote_type']) }));
  const lodz = measure('computeResults Lodz', () => computeResults({ budget: Number(data.meta['budget']), projects: data.projects, ballots }), {
    minMs: 2000,
  });

  const many = Array.from({ length: 100_000 }, (_, i) => ({
    voterId: `v${i}`,
    selection: Array.from({ length: 1 + (i % 5) }, (_, k) => ({ projectId: `p${(i * 7 + k * 13) % 200}` })),
  }));
  const hundredK = measure('computeResults 100k', () => computeResults({ budget: 20_000_000, projects, ballots: many }), { minMs: 2000 });

  report('@veche/core', [
    { name: 'checkBallot, 200-project ballot (67 chosen)', value: `${Math.round(batched.opsPerSecond).toLocaleString('en')} calls/s` },
    { name: '  one call, median', value: `${(knapsack.medianMs * 1000).toFixed(1)} µs` },
    { name: `parsePabulib, Lodz 2022 (${data.votes.length.toLocaleString('en')} votes, 3.7 MB)`, value: `${parse.medianMs.toFixed(0)} ms` },
    { name: `computeResults, Lodz 2022 (${ballots.length.toLocaleString('en')} ballots)`, value: `${lodz.medianMs.toFixed(1)} ms` },
    { name: 'computeResults, 100,000 ballots x 200 projects', value: `${hundredK.medianMs.toFixed(1)} ms`, goal: '< 1000 ms', ok: hundredK.medianMs < 1000 },
  ]);
}
