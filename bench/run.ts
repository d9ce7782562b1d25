// `npm run bench`: prints the figures every issue asks for. Suites: core (always).
import { benchCore } from './core.ts';

const only = process.argv[2];
console.log(`Veche benchmarks on Node ${process.version}, ${new Date().toISOString()}`);
if (!only || only === 'core') benchCore();
