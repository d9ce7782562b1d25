#!/usr/bin/env node
// Checks the gzip size of every entry of the embed bundle against size-budgets.json and prints a report.
// An entry's size counts the chunks it imports statically (what a browser must load before the element
// runs); chunks loaded on demand are reported on their own lines. Exits 1 when anything is over budget.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const dist = `${root}packages/elements/dist/`;
const budgets = JSON.parse(readFileSync(`${root}size-budgets.json`, 'utf8'));
// One manifest per self-contained entry build (scripts/build.mjs), or one for a shared build.
const manifests = readdirSync(`${dist}.vite`).filter((f) => /^manifest(-.+)?\.json$/.test(f));
const manifest = Object.assign({}, ...manifests.map((f) => JSON.parse(readFileSync(`${dist}.vite/${f}`, 'utf8'))));

const gzip = (file) => gzipSync(readFileSync(dist + file), { level: 9 }).length;

/** The files an entry loads before it runs: itself and its static imports, transitively. */
function staticClosure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key].imports ?? []) staticClosure(dep, seen);
  return seen;
}

const kB = (bytes) => (bytes / 1024).toFixed(1);
const rows = [];
let failed = false;
const checked = new Set();

for (const [key, chunk] of Object.entries(manifest)) {
  if (!chunk.isEntry) continue;
  const files = [...staticClosure(key)].map((k) => manifest[k].file);
  const size = files.reduce((sum, f) => sum + gzip(f), 0);
  const budget = budgets.entries[chunk.file];
  checked.add(chunk.file);
  const over = budget === undefined || size > budget * 1024;
  if (over) failed = true;
  rows.push([chunk.file, kB(size), budget === undefined ? 'none' : `${budget}`, budget === undefined ? 'NO BUDGET' : over ? 'OVER' : 'ok']);
}
for (const file of Object.keys(budgets.entries)) {
  if (!checked.has(file)) {
    failed = true;
    rows.push([file, '-', `${budgets.entries[file]}`, 'MISSING']);
  }
}
for (const [key, chunk] of Object.entries(manifest)) {
  if (!chunk.isDynamicEntry) continue;
  const name = chunk.name ?? key;
  const lazyBudget = Object.entries(budgets.lazy ?? {}).find(([prefix]) => name.startsWith(prefix))?.[1];
  const size = gzip(chunk.file);
  const over = lazyBudget !== undefined && size > lazyBudget * 1024;
  if (over) failed = true;
  rows.push([`${chunk.file} (on demand)`, kB(size), lazyBudget === undefined ? '-' : `${lazyBudget}`, over ? 'OVER' : 'ok']);
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
