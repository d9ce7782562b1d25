import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, launch, watchErrors } from './support/browser.ts';
import { serveStatic } from './support/static-server.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The React 19 and Vue 3 examples: each is built with Vite, then used in Chromium. */
describe.each(['react', 'vue'])('the %s example', (name) => {
  let browser: Browser;
  let out: string;
  let server: Awaited<ReturnType<typeof serveStatic>>;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), `veche-${name}-`));
    await build({ configFile: `${root}examples/${name}/vite.config.ts`, build: { outDir: out, emptyOutDir: true }, logLevel: 'warn' });
    server = await serveStatic({ '/': out });
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('passes objects as properties, hears events, themes, and stays accessible', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}/index.html`);
    const button = page.locator('veche-vote-button').getByRole('button').first();
    await button.waitFor();

    // The adapter object reached the provider as a property, not as "[object Object]".
    expect(await page.evaluate(() => typeof (document.querySelector('veche-provider') as unknown as { adapter: unknown }).adapter)).toBe('object');
    expect(await page.locator('veche-provider').getAttribute('adapter')).toBeNull();

    expect(await axe(page)).toEqual([]);

    // Supporting needs a resident: sign in through the element's dialog with a demo voting code.
    await button.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox').first().fill('DEMO-1031');
    await dialog.getByRole('button', { name: /Подтвердить/ }).click();
    await expect.poll(() => page.getByTestId('log').textContent()).toContain('veche-vote: support demo-8');

    await page.locator('select').first().selectOption('dark');
    await expect.poll(() => page.locator('veche-provider').getAttribute('theme')).toBe('dark');
    expect(errors).toEqual([]);
  });
});
