import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from './support/browser.ts';
import { serveStatic } from './support/static-server.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface Declaration {
  tagName?: string;
  attributes?: { name: string }[];
  events?: { name: string }[];
  slots?: { name: string }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
}

/**
 * The static Storybook: every element's autodocs page shows what the custom-elements manifest says —
 * attributes, events, slots, parts and CSS properties (and its properties) — and a copy-paste embed
 * snippet. Needs the manifest (`npm run build` or `npm run manifest`).
 */
describe('the Storybook docs pages', () => {
  let out: string;
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  const manifest = JSON.parse(readFileSync(`${root}packages/elements/custom-elements.json`, 'utf8')) as { modules: { declarations?: Declaration[] }[] };
  const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'veche-storybook-'));
    const built = spawnSync('npx', ['storybook', 'build', '-o', out, '--quiet'], { cwd: root, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`storybook build failed:\n${built.stdout}\n${built.stderr}`);
    server = await serveStatic({ '/': out });
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('has a docs page for every element', () => {
    const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as { entries: Record<string, { type: string }> };
    const docs = Object.keys(index.entries).filter((id) => index.entries[id]!.type === 'docs');
    for (const { tagName } of elements) expect(docs, tagName).toContain(`elements-${tagName}--docs`);
  });

  it('shows the manifest\'s tables and an embed snippet on each', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    for (const el of elements) {
      await page.goto(`${server.url}/iframe.html?id=elements-${el.tagName}--docs&viewMode=docs`);
      const table = page.locator('.docblock-argstable').first();
      await table.waitFor({ timeout: 30_000 });
      const text = await table.innerText();
      const sections: [string, { name: string }[] | undefined][] = [
        ['ATTRIBUTES', el.attributes],
        ['EVENTS', el.events],
        ['SLOTS', el.slots],
        ['CSS SHADOW PARTS', el.cssParts],
        ['CSS CUSTOM PROPERTIES', el.cssProperties],
      ];
      for (const [heading, items] of sections) {
        if (!items?.length) continue;
        expect(text, `${el.tagName}: ${heading}`).toContain(heading);
        for (const { name } of items) expect(text, `${el.tagName}: ${heading} ${name}`).toContain(name || 'default');
      }
      expect(text, el.tagName).toContain('PROPERTIES');
      const snippet = await page.locator('pre').filter({ hasText: 'veche.js' }).first().innerText();
      expect(snippet, el.tagName).toContain(`<${el.tagName}`);
    }
    await page.close();
  });
});
