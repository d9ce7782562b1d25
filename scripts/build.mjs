#!/usr/bin/env node
// `npm run build`: the embed bundle, one self-contained file per entry (see vite.config.ts), and the
// administration console (packages/admin/vite.config.ts).
import { build } from 'vite';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { entries } from './entries.mjs';
import { writeThirdPartyLicenses } from './third-party-licenses.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
// VECHE_DIST: build the embed bundle into another folder, without the console (e.g. to compare builds).
const other = process.env['VECHE_DIST'] ? `${process.env['VECHE_DIST'].replace(/\/$/, '')}/` : undefined;
const dist = other ?? `${root}packages/elements/dist/`;
const inline = other ? { build: { outDir: other } } : {};
const names = Object.keys(entries());
const started = performance.now();

/**
 * The chunk vite.config.ts gathers an entry's up-front modules in, when nothing loaded on demand imports
 * from it: then the entry is only a facade of it, and one file would do.
 */
function needlessChunk(name) {
  const manifest = JSON.parse(readFileSync(`${dist}.vite/manifest-${name}.json`, 'utf8'));
  const [, entry] = Object.entries(manifest).find(([, c]) => c.isEntry);
  const [key, ...more] = entry.imports ?? [];
  if (!key || more.length || manifest[key].name !== name) return undefined;
  const used = Object.values(manifest).some((c) => c !== entry && [...(c.imports ?? []), ...(c.dynamicImports ?? [])].includes(key));
  return used ? undefined : manifest[key].file;
}

// `veche` first: it empties dist/.
for (const name of ['veche', ...names.filter((n) => n !== 'veche')]) {
  process.env.VECHE_ENTRY = name;
  delete process.env.VECHE_SPLIT;
  await build({ root, configFile: `${root}vite.config.ts`, logLevel: 'warn', ...inline });
  const needless = name === 'embed' ? undefined : needlessChunk(name);
  if (needless) {
    rmSync(`${dist}${needless}`);
    rmSync(`${dist}${needless}.map`, { force: true });
    process.env.VECHE_SPLIT = 'auto';
    await build({ root, configFile: `${root}vite.config.ts`, logLevel: 'warn', ...inline });
  }
}
delete process.env.VECHE_ENTRY;
delete process.env.VECHE_SPLIT;
writeThirdPartyLicenses(dist);
if (other) {
  console.log(`Built ${names.length} entries into ${other} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} else {
  // The administration console (packages/admin/dist), served by the server at /admin/.
  await build({ configFile: `${root}packages/admin/vite.config.ts`, logLevel: 'warn' });
  writeThirdPartyLicenses(`${root}packages/admin/dist/`);
  console.log(`Built ${names.length} entries and the administration console in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
