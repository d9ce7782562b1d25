// The entries of the embed bundle, shared by vite.config.ts and scripts/build.mjs:
// `veche` (loads each element when its tag appears), `veche-all` (every element at once) and one entry
// per element (`src/entries/<tag>.ts` → `dist/<tag>.js`); for iframe mode, `embed` (the host snippet that
// sizes `<iframe data-veche>`, a classic script) and `embed-frame` (the iframe page's resize reporter).
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const elements = fileURLToPath(new URL('../packages/elements/', import.meta.url));

/** @returns {Record<string, string>} entry name → source file */
export function entries() {
  const out = {
    veche: `${elements}src/veche.ts`,
    'veche-all': `${elements}src/all.ts`,
    embed: `${elements}src/embed/host.ts`,
    'embed-frame': `${elements}src/embed/frame.ts`,
  };
  for (const file of readdirSync(`${elements}src/entries`)) {
    if (file.endsWith('.ts')) out[file.slice(0, -3)] = `${elements}src/entries/${file}`;
  }
  return out;
}
