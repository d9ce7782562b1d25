// A page for the browser benchmarks: the built bundle (packages/elements/dist) under /veche/, the page's
// HTML as /index.html and a fixture module — TypeScript that imports the workspace's sources, bundled by
// Vite — as /bench/fixture.js, served from a temporary folder (nothing is written into the tree) and opened
// in the system Chromium through Playwright.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContextOptions, Page } from 'playwright';
import { build, type Rolldown } from 'vite';
import { launch } from '../tests/e2e/support/browser.ts';
import { serveStatic } from '../tests/e2e/support/static-server.ts';

export const root = fileURLToPath(new URL('../', import.meta.url));
export const dist = `${root}packages/elements/dist/`;

/** Bundles `code` for the browser into `file`. */
async function bundle(code: string, file: string): Promise<void> {
  const id = '\0veche-bench-fixture.ts';
  const out = (await build({
    root,
    configFile: false,
    logLevel: 'warn',
    plugins: [{ name: 'veche-bench-fixture', resolveId: (source) => (source.endsWith('veche-bench-fixture') ? id : null), load: (source) => (source === id ? code : null) }],
    build: { write: false, minify: false, target: 'es2022', lib: { entry: 'veche-bench-fixture', formats: ['es'], fileName: () => 'fixture.js' } },
  })) as Rolldown.RolldownOutput[];
  const chunk = out.flatMap((o) => o.output).find((c) => c.type === 'chunk' && c.isEntry) as Rolldown.OutputChunk;
  writeFileSync(file, chunk.code);
}

/** Opens `html` (which loads /bench/fixture.js and /veche/… as it needs) in a new page; `close()` tidies everything up. */
export async function openBenchPage(fixture: string, html: string, options: BrowserContextOptions = {}): Promise<{ page: Page; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'veche-bench-'));
  mkdirSync(join(dir, 'bench'));
  const close: (() => unknown)[] = [() => rmSync(dir, { recursive: true, force: true })];
  const done = async () => {
    for (const step of close.reverse()) await step();
  };
  try {
    await bundle(fixture, join(dir, 'bench', 'fixture.js'));
    writeFileSync(join(dir, 'index.html'), html);
    const server = await serveStatic({ '/veche/': dist, '/': `${dir}/` });
    close.push(() => server.close());
    const browser = await launch();
    close.push(() => browser.close());
    const page = await browser.newPage(options);
    await page.goto(`${server.url}/index.html`);
    return { page, close: done };
  } catch (error) {
    await done();
    throw error;
  }
}
