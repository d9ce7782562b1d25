#!/usr/bin/env node
// `npm run size:breakdown [-- <entry>… [--modules] [--dist <folder>]]`: where the bytes of a built entry
// come from, by source module, from the source maps `npm run build` writes beside each file.
//
// For each entry (default: veche-vote-button and veche-budget-ballot) and each group of modules (Lit,
// @veche/core, the elements' base, styles, i18n, config, events, the element's own files; `--modules` lists
// single modules instead) it prints:
// - min: minified bytes the source map attributes to the group;
// - gzip: what leaving the group out saves of the min + gzip -9 size (the file gzipped without the
//   group's bytes, against the whole file). Shared strings compress across groups, so these add up to
//   less than the whole; the rest is the 'shared' line.
// It counts what scripts/size.mjs counts for an entry: the file and the chunks it imports statically, not
// what loads on demand. (Lines of a css`` or html`` template belong to the module the template starts in.)
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args.splice(i, name.startsWith('--dist') ? 2 : 1)[1] ?? '';
};
const distArg = flag('--dist');
const byModule = flag('--modules') !== undefined;
const dist = distArg ? (distArg.endsWith('/') ? distArg : `${distArg}/`) : `${root}packages/elements/dist/`;
const names = args.length ? args : ['veche-vote-button', 'veche-budget-ballot'];

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const b64 = new Map([...B64].map((c, i) => [c, i]));

/** Decodes a source map's `mappings` into, per generated line, [column, source index | -1] segments. */
function decode(mappings) {
  const lines = [];
  let source = 0;
  for (const line of mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const c of segment) {
        const digit = b64.get(c);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0];
      if (fields.length > 1) source += fields[1];
      segments.push([column, fields.length > 1 ? source : -1]);
    }
    lines.push(segments);
  }
  return lines;
}

/** A source as [module, group]: `lit-html/lit-html.js` in `lit`, `base/veche-widget.ts` in `elements/base`. */
function nameOf(source) {
  const path = source.replace(/\\/g, '/');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(path);
  if (pkg) return [`${pkg[1]}/${pkg[2]}`, /^(lit|lit-html|lit-element|@lit\/reactive-element)$/.test(pkg[1]) ? 'lit' : pkg[1]];
  const own = /packages\/([^/]+)\/src\/(.*)$/.exec(path);
  if (!own) return [path, path];
  if (own[1] !== 'elements') return [`@veche/${own[1]}/${own[2]}`, `@veche/${own[1]}/${own[2].split('/')[0]}`];
  return [own[2], own[2].includes('/') ? `elements/${own[2].split('/')[0]}` : own[2]];
}

const gz = (text) => gzipSync(text, { level: 9 }).length;
const pad = (s, n) => String(s).padStart(n);

/** Each character's group (or module) in a built file, from its source map. */
function owners(file) {
  const code = readFileSync(file, 'utf8');
  // A facade (an entry that only re-exports a chunk) may have no map: all of it is '(no source)'.
  const map = existsSync(`${file}.map`) ? JSON.parse(readFileSync(`${file}.map`, 'utf8')) : { sources: [], mappings: '' };
  // Sources are relative to the map's folder (and its sourceRoot): made absolute, they name their package.
  const base = resolve(dirname(file), map.sourceRoot ?? '');
  const keyOf = (index) => (index < 0 ? '(no source)' : nameOf(resolve(base, map.sources[index]))[byModule ? 0 : 1]);
  const owner = new Array(code.length).fill('(no source)');
  const lines = decode(map.mappings);
  let offset = 0;
  // A segment runs to the next one, across lines: the lines of a template literal (css``, html``) have
  // no segments of their own and belong to the module of the line that opens it.
  let key = '(no source)';
  code.split('\n').forEach((text, i) => {
    const segments = lines[i] ?? [];
    let column = 0;
    for (const [start, source] of segments) {
      for (; column < start; column++) owner[offset + column] = key;
      key = keyOf(source);
    }
    for (; column <= text.length; column++) owner[offset + column] = key;
    offset += text.length + 1;
  });
  return { code, owner };
}

/** The manifest keys of a chunk and its static imports, transitively. */
function closure(manifest, key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key].imports ?? []) closure(manifest, dep, seen);
  return seen;
}

for (const arg of names) {
  const name = arg.replace(/\.js$/, '');
  const manifestFile = `${dist}.vite/manifest-${name}.json`;
  if (!existsSync(manifestFile)) {
    console.error(`${manifestFile} is missing: run npm run build first`);
    process.exitCode = 1;
    continue;
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const [entryKey] = Object.entries(manifest).find(([, c]) => c.isEntry);
  // What loads before the element runs: the entry and the chunks it imports statically (as size.mjs counts).
  const files = [...closure(manifest, entryKey)].map((k) => owners(dist + manifest[k].file));
  const rows = new Map();
  let total = 0;
  let bytes = 0;
  for (const { code, owner } of files) {
    const whole = gz(code);
    total += whole;
    bytes += Buffer.byteLength(code);
    for (const key of new Set(owner)) {
      let without = '';
      let own = '';
      for (let i = 0; i < code.length; i++) {
        if (owner[i] === key) own += code[i];
        else without += code[i];
      }
      const row = rows.get(key) ?? { key, min: 0, gzip: 0 };
      row.min += Buffer.byteLength(own);
      row.gzip += whole - gz(without);
      rows.set(key, row);
    }
  }
  const sorted = [...rows.values()].sort((a, b) => b.gzip - a.gzip || b.min - a.min);
  const saved = sorted.reduce((s, r) => s + r.gzip, 0);
  const width = Math.max(28, ...sorted.map((r) => r.key.length));
  const line = (key, min, gzip) => console.log(`${key.padEnd(width)}  ${pad(min, 7)}  ${pad(gzip, 7)}  ${pad(typeof gzip === 'number' ? ((100 * gzip) / total).toFixed(1) : key === 'module' ? 'gzip %' : '', 6)}`);
  console.log(`\n${name}.js (${files.length} file${files.length > 1 ? 's' : ''}): ${bytes} B min, ${total} B min + gzip -9 (${(total / 1024).toFixed(1)} kB)`);
  line('module', 'min B', 'gzip B');
  for (const r of sorted) line(r.key, r.min, r.gzip);
  line('shared (compresses across groups)', '', total - saved);
}
