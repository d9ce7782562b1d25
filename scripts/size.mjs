#!/usr/bin/env node
// `npm run size`: what each way of embedding Veche makes a page download (min + gzip -9), against
// size-budgets.json; exits 1 when anything is over its budget or has none.
//
// - entries: each standalone file (`veche-<element>.js`, `veche-all.js`) with the chunks it imports
//   statically, i.e. what loads before the element runs;
// - `veche.js + <element>`: the loader plus what it fetches for a page that uses that element;
// - on demand: parts an element fetches only when used (the sign-in dialog, Leaflet, the QR code,
//   English texts, the adapters), counted as what they add to what is already loaded.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
// VECHE_DIST: another build folder (e.g. to compare two builds).
const dist = process.env['VECHE_DIST'] ? `${process.env['VECHE_DIST'].replace(/\/$/, '')}/` : `${root}packages/elements/dist/`;
const budgets = JSON.parse(readFileSync(`${root}size-budgets.json`, 'utf8'));
// One manifest per self-contained entry build (scripts/build.mjs).
const builds = readdirSync(`${dist}.vite`)
  .filter((f) => /^manifest-.+\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(`${dist}.vite/${f}`, 'utf8')));

const sizes = new Map();
const gzip = (file) => {
  if (!sizes.has(file)) sizes.set(file, gzipSync(readFileSync(dist + file), { level: 9 }).length);
  return sizes.get(file);
};
const kB = (bytes) => (bytes / 1024).toFixed(1);
const sum = (manifest, keys) => [...keys].reduce((total, k) => total + gzip(manifest[k].file), 0);

/** A chunk and its static imports, transitively, as manifest keys. */
function closure(manifest, key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key].imports ?? []) closure(manifest, dep, seen);
  return seen;
}

/** The name of a chunk without folder and hash: memory, rest-adapter, vote-button.i18n.en, … */
const chunkName = (file) => file.replace(/^.*\//, '').replace(/-[\w-]{8}\.js$/, '');
const isElement = (file) => /^chunks\/[a-z-]+-[\w-]{8}\.js$/.test(file) && !/^(memory|rest-adapter|en)$/.test(chunkName(file));

const rows = [];
let failed = false;
function row(label, bytes, budget) {
  const over = budget === undefined || bytes > budget * 1024;
  if (over) failed = true;
  rows.push([label, kB(bytes), budget === undefined ? 'none' : String(budget), budget === undefined ? 'NO BUDGET' : over ? 'OVER' : 'ok']);
}

const lazy = new Map();
const seenEntries = new Set();
for (const manifest of builds) {
  const [entryKey, entry] = Object.entries(manifest).find(([, c]) => c.isEntry);
  seenEntries.add(entry.file);
  const loaded = closure(manifest, entryKey);
  row(entry.file, sum(manifest, loaded), budgets.entries[entry.file]);

  // What the entry may fetch later, each with what it adds to what is already there.
  const queue = [...loaded].flatMap((k) => (manifest[k].dynamicImports ?? []).map((d) => [d, loaded]));
  const visited = new Set();
  while (queue.length) {
    const [key, before] = queue.shift();
    if (visited.has(key)) continue;
    visited.add(key);
    const file = manifest[key].file;
    const adds = [...closure(manifest, key)].filter((k) => !before.has(k));
    const after = new Set([...before, ...adds]);
    for (const k of adds) for (const d of manifest[k].dynamicImports ?? []) queue.push([d, after]);
    if (entry.file === 'veche.js' && isElement(file)) {
      // The loader's elements: what a page using that element downloads, loader included.
      const name = `veche.js + ${chunkName(file)}`;
      row(name, sum(manifest, loaded) + sum(manifest, adds), budgets.loader?.[chunkName(file)]);
      continue;
    }
    const name = chunkName(file);
    const bytes = sum(manifest, adds);
    if (bytes > (lazy.get(name)?.bytes ?? -1)) lazy.set(name, { bytes, from: entry.file });
  }
  if (entry.file === 'veche.js') {
    // A page with every element: all the loader can reach, but not the adapters or English texts.
    const optional = (key) => /^(memory|rest-adapter|en)$/.test(chunkName(manifest[key].file)) || chunkName(manifest[key].file).endsWith('.en');
    const all = new Set();
    const walk = [entryKey];
    while (walk.length) {
      const key = walk.pop();
      if (all.has(key)) continue;
      all.add(key);
      walk.push(...(manifest[key].imports ?? []), ...(manifest[key].dynamicImports ?? []).filter((d) => !optional(d)));
    }
    row('veche.js + every element (map and its tiles included)', sum(manifest, all), budgets.loader?.['every element']);

    // Pages with several elements, as the budgets name them: 'vote-button + progress-meter + …'.
    for (const combo of Object.keys(budgets.loader ?? {}).filter((k) => k.includes(' + '))) {
      const page = new Set(loaded);
      for (const element of combo.split(' + ')) {
        const key = Object.keys(manifest).find((k) => manifest[k].isDynamicEntry && isElement(manifest[k].file) && chunkName(manifest[k].file) === element);
        if (!key) throw new Error(`size-budgets.json: loader '${combo}' names ${element}, which veche.js does not load`);
        for (const k of closure(manifest, key)) page.add(k);
      }
      row(`veche.js + ${combo}`, sum(manifest, page), budgets.loader[combo]);
    }
  }
}
for (const file of Object.keys(budgets.entries)) {
  if (!seenEntries.has(file)) {
    failed = true;
    rows.push([file, '-', String(budgets.entries[file]), 'MISSING']);
  }
}
for (const [name, { bytes, from }] of [...lazy].sort((a, b) => b[1].bytes - a[1].bytes)) {
  if (bytes === 0) continue;
  row(`${name} (on demand, most from ${from})`, bytes, budgets.lazy?.[name]);
}

const header = ['what a page loads', 'gzip kB', 'budget kB', ''];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(line(header));
for (const r of rows) console.log(line(r));
if (failed) {
  console.error('\nSize check failed: something is over its budget, has no budget, or is missing.');
  process.exit(1);
}
