// `npm run bench`: prints the figures every issue asks for. Suites: core, server, ballot, map (`npm run bench -- server`).
import { benchBallot } from './ballot.ts';
import { benchCore } from './core.ts';
import { benchMap } from './map.ts';
import { benchServer } from './server.ts';

const only = process.argv[2];
console.log(`Veche benchmarks on Node ${process.version}, ${new Date().toISOString()}`);
if (!only || only === 'core') benchCore();
if (!only || only === 'server') await benchServer();
if (!only || only === 'ballot') await benchBallot();
if (!only || only === 'map') await benchMap();
