#!/usr/bin/env node
// `npm run build`: the embed bundle, one self-contained file per entry (see vite.config.ts), and the
// administration console (packages/admin/vite.config.ts).
import { build } from 'vite';
import { fileURLToPath } from 'node:url';
import { entries } from './entries.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const names = Object.keys(entries());
const started = performance.now();
// `veche` first: it empties dist/.
for (const name of ['veche', ...names.filter((n) => n !== 'veche')]) {
  process.env.VECHE_ENTRY = name;
  await build({ root, configFile: `${root}vite.config.ts`, logLevel: 'warn' });
}
// The administration console (packages/admin/dist), served by the server at /admin/.
delete process.env.VECHE_ENTRY;
await build({ configFile: `${root}packages/admin/vite.config.ts`, logLevel: 'warn' });
console.log(`Built ${names.length} entries and the administration console in ${((performance.now() - started) / 1000).toFixed(1)} s`);
