#!/usr/bin/env node
// Checks the gzip size of every entry of the embed bundle against size-budgets.json and prints a report.
// An entry's size counts the chunks it imports statically (what a browser loads before the element runs).
// What loads on demand (an adapter, English texts, the sign-in dialog) is reported on its own line, with
// the chunks it needs beyond those the entry already loaded. Exits 1 when anything is over budget.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const dist = `${root}packages/elements/dist/`;
const budgets = JSON.parse(readFileSync(`${root}size-budgets.json`, 'utf8'));
// One manifest per self-contained entry build (scripts/build.mjs).
const manifests = readdirSync(`${dist}.vite`)
  .filter((f) => /^manifest(-.+)?\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(`${dist}.vite/${f}`, 'utf8')));

const sizes = new Map();
const gzip = (file) => {
  if (!sizes.has(file)) sizes.set(file, gzipSync(readFileSync(dist + file), { level: 9 }).length);
  return sizes.get(file);
};
const kB = (bytes) => (bytes / 1024).toFixed(1);

/** A chunk and its static imports, transitively, as manifest keys. */
function closure(manifest, key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key].imports ?? []) closure(manifest, dep, seen);
  return seen;
}

const rows = [];
const lazyRows = new Map();
let failed = false;
const checked = new Set();

for (const manifest of manifests) {
  for (const [key, chunk] of Object.entries(manifest)) {
    if (!chunk.isEntry) continue;
    const loaded = closure(manifest, key);
    const size = [...loaded].reduce((sum, k) => sum + gzip(manifest[k].file), 0);
    const budget = budgets.entries[chunk.file];
    checked.add(chunk.file);
    const over = budget === undefined || size > budget * 1024;
    if (over) failed = true;
    rows.push([chunk.file, kB(size), budget === undefined ? 'none' : `${budget}`, budget === undefined ? 'NO BUDGET' : over ? 'OVER' : 'ok']);

    // Everything the entry may load later, each with what it adds to what is already there: the entry's
    // chunks and those of the on-demand chunk that asks for it (a lazy vote button's sign-in dialog).
    const queue = [...loaded].flatMap((k) => (manifest[k].dynamicImports ?? []).map((lazy) => [lazy, loaded]));
    const seen = new Set();
    while (queue.length) {
      const [lazy, before] = queue.shift();
      if (seen.has(lazy)) continue;
      seen.add(lazy);
      const extra = [...closure(manifest, lazy)].filter((k) => !before.has(k));
      const after = new Set([...before, ...extra]);
      for (const k of extra) queue.push(...(manifest[k].dynamicImports ?? []).map((next) => [next, after]));
      const file = manifest[lazy].file;
      // The chunk's file name without folder and hash: memory, rest-adapter, vote-button.i18n.en, …
      const name = file.replace(/^.*\//, '').replace(/-[\w-]{8}\.js$/, '');
      const bytes = extra.reduce((sum, k) => sum + gzip(manifest[k].file), 0);
      if (bytes === 0) continue;
      const previous = lazyRows.get(file);
      if (!previous || bytes > previous.bytes) lazyRows.set(file, { name, bytes });
    }
  }
}
for (const file of Object.keys(budgets.entries)) {
  if (!checked.has(file)) {
    failed = true;
    rows.push([file, '-', `${budgets.entries[file]}`, 'MISSING']);
  }
}
for (const [file, { name, bytes }] of [...lazyRows].sort((a, b) => b[1].bytes - a[1].bytes)) {
  const budget = budgets.lazy?.[name];
  const over = budget !== undefined && bytes > budget * 1024;
  if (over) failed = true;
  rows.push([`${file} (on demand)`, kB(bytes), budget === undefined ? '-' : `${budget}`, over ? 'OVER' : 'ok']);
}

const header = ['entry', 'gzip kB', 'budget kB', ''];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(line(header));
for (const r of rows) console.log(line(r));
if (failed) {
  console.error('\nSize check failed: an entry is over its budget, has no budget, or is missing.');
  process.exit(1);
}
