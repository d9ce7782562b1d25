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
    server = await serveStatic({ '/': out, '/demo/': `${root}examples/demo/` });
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
    expect(await page.locator('veche-provider').first().getAttribute('adapter')).toBeNull();

    expect(await axe(page)).toEqual([]);

    // Supporting needs a resident: sign in through the element's dialog with a demo voting code.
    await button.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox').first().fill('DEMO-1031');
    await dialog.getByRole('button', { name: /Подтвердить/ }).click();
    await expect.poll(() => page.getByTestId('log').textContent()).toContain('veche-vote: support demo-8');

    // The ballot (voting phase) tells the app about the basket.
    await page.locator('veche-budget-ballot').getByRole('checkbox').first().check();
    await expect.poll(() => page.getByTestId('log').textContent()).toContain('veche-ballot-change: demo-');
    // Results (results phase), the share links, the list and the map's list alternative are there.
    await expect.poll(() => page.locator('veche-results').evaluate((el) => el.shadowRoot!.textContent ?? '')).toContain('Победител');
    expect(await page.locator('veche-share').getByRole('link', { name: /ВКонтакте|VK/ }).getAttribute('href')).toContain('vk.com/share.php?url=https%3A%2F%2Fcity.example%2Fpb');
    await expect.poll(() => page.locator('veche-project-list').getByRole('listitem').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('veche-project-map').evaluate((el) => el.shadowRoot!.textContent ?? '')).toContain('Детская площадка');
    expect(await axe(page)).toEqual([]);

    await page.locator('select').first().selectOption('dark');
    await expect.poll(() => page.locator('veche-provider').last().getAttribute('theme')).toBe('dark');
    expect(errors).toEqual([]);
  });
});
