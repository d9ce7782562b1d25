// `npm run bench`: prints the figures every issue asks for, then every budget against its goal.
// Suites: core, server, load, ballot, map (`npm run bench -- load`, or several: `-- core,map`).
import { benchBallot } from './ballot.ts';
import { benchCore } from './core.ts';
import { summary } from './harness.ts';
import { benchLoad } from './load.ts';
import { benchMap } from './map.ts';
import { benchServer } from './server.ts';

// `npm run bench -- core,map` runs those suites; `--check` (CI: `npm run bench:check`) fails when a gated
// budget is missed.
const args = process.argv.slice(2);
const check = args.includes('--check');
const suites = new Set(args.filter((a) => !a.startsWith('--')).flatMap((a) => a.split(',')));
const run = (name: string) => suites.size === 0 || suites.has(name);
console.log(`Veche benchmarks on Node ${process.version}, ${new Date().toISOString()}`);
if (run('core')) benchCore();
if (run('server')) await benchServer();
if (run('load')) await benchLoad();
if (run('ballot')) await benchBallot();
if (run('map')) await benchMap();
const missed = summary();
if (check && missed > 0) {
  console.error(`\nbench:check: ${missed} budget${missed === 1 ? '' : 's'} missed`);
  process.exitCode = 1;
}
