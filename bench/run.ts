// `npm run bench`: prints the figures every issue asks for, then every budget against its goal.
// Suites: core, server, load, ballot, map (`npm run bench -- load`).
import { benchBallot } from './ballot.ts';
import { benchCore } from './core.ts';
import { summary } from './harness.ts';
import { benchLoad } from './load.ts';
import { benchMap } from './map.ts';
import { benchServer } from './server.ts';

const only = process.argv[2];
console.log(`Veche benchmarks on Node ${process.version}, ${new Date().toISOString()}`);
if (!only || only === 'core') benchCore();
if (!only || only === 'server') await benchServer();
if (!only || only === 'load') await benchLoad();
if (!only || only === 'ballot') await benchBallot();
if (!only || only === 'map') await benchMap();
summary();
