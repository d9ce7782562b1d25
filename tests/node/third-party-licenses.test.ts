import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without types
import { writeThirdPartyLicenses } from '../../scripts/third-party-licenses.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('the third-party licences beside a build', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('names every bundled package its source maps point into, with its licence text, and nothing else', () => {
    dir = mkdtempSync(join(tmpdir(), 'veche-licenses-'));
    mkdirSync(join(dir, 'chunks'));
    // Source paths are relative to the map, as the build writes them.
    const up = join(dir, 'chunks').split('/').filter(Boolean).map(() => '..').join('/');
    const sources = [`${up}${root}node_modules/lit-html/development/lit-html.js`, `${up}${root}packages/elements/src/share/share.ts`];
    writeFileSync(join(dir, 'chunks', 'a.js.map'), JSON.stringify({ version: 3, sources, mappings: '' }));
    writeFileSync(join(dir, 'b.js.map'), JSON.stringify({ version: 3, sources: [`${up}${root}node_modules/leaflet/dist/leaflet-src.esm.js`], mappings: '' }));

    expect(writeThirdPartyLicenses(dir)).toEqual(['leaflet', 'lit-html']);
    const text = readFileSync(join(dir, 'THIRD-PARTY-LICENSES.txt'), 'utf8');
    expect(text).toMatch(/^lit-html \d+\.\d+\.\d+ \(BSD-3-Clause\)$/m);
    expect(text).toContain('Copyright (c) 2017 Google LLC');
    expect(text).toMatch(/^leaflet \d+\.\d+\.\d+ \(BSD-2-Clause\)$/m);
    expect(text).not.toContain('share.ts');
  });
});
