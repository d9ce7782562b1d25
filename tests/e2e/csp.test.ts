import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOST_POLICY } from '../../packages/server/src/http/embed-routes.ts';
import { listIdeas } from '../../packages/server/src/index.ts';
import { launch, watchErrors } from './support/browser.ts';
import { startE2EServer, type E2EServer } from './support/server.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const plain = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
const shadowText = (el: Locator) => el.evaluate((e) => (e.shadowRoot?.textContent ?? '').replace(/\s+/g, ' '));

declare global {
  interface Window {
    violations: string[];
  }
}

/**
 * examples/csp/: the city page under `script-src 'self'; style-src 'self'; require-trusted-types-for
 * 'script'; trusted-types lit-html`, served by the reference server with the built bundle. In each phase
 * every element renders and does its job without one CSP violation (the browser's
 * `securitypolicyviolation` events) or console error. Needs `npm run build`.
 */
describe('the strict-CSP example page', () => {
  let server: E2EServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startE2EServer(`${root}examples/`);
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(phase: Parameters<E2EServer['phase']>[0]): Promise<{ page: Page; errors: string[] }> {
    await server.phase(phase);
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    // Results are not published before the results phase: the element asks and says so (409 by design).
    const errors = watchErrors(page);
    await page.addInitScript(() => {
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.effectiveDirective}: ${e.blockedURI} ${e.sample} (${e.sourceFile}:${e.lineNumber})`));
    });
    const response = await page.goto(`${server.origin}/csp/`);
    expect(response!.headers()['content-security-policy']).toBe(HOST_POLICY);
    return { page, errors };
  }

  async function clean(page: Page, errors: string[]): Promise<void> {
    expect(await page.evaluate(() => window.violations)).toEqual([]);
    expect(errors.filter((e) => !/^409 .*\/results$/.test(e))).toEqual([]);
  }

  it('support phase: meters draw their bars, a resident signs in and supports, the map, the list and its detail, sharing and the poster', async () => {
    const [code] = await server.codes(1);
    const { page, errors } = await open('support');

    // Bars are positioned through CSS properties set from script: they have their width.
    const meter = page.locator('veche-progress-meter[view=support]');
    await meter.getByRole('meter').waitFor();
    const bar = await meter.evaluate((el) => {
      const indicator = el.shadowRoot!.querySelector<HTMLElement>('[part~=indicator]')!;
      return { value: indicator.style.getPropertyValue('--value'), width: indicator.getBoundingClientRect().width };
    });
    expect(bar.value).toMatch(/%$/);
    expect(bar.width).toBeGreaterThan(0);
    await expect.poll(() => shadowText(page.locator('veche-progress-meter[view=funding]'))).toMatch(/Жители|жител/);
    await expect.poll(() => shadowText(page.locator('veche-progress-meter[view=timeline]:not([project])'))).toContain('Сейчас идёт этап «Поддержка»');

    // The vote button's sign-in dialog and the support itself.
    const button = page.locator('.card > veche-vote-button').getByRole('button', { name: /Поддержать/ });
    await button.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox').first().fill(code!);
    await dialog.getByRole('button', { name: /Подтвердить/ }).click();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');

    // The map (Leaflet under Trusted Types) draws its markers and its legend's colours.
    const map = page.locator('veche-project-map');
    await expect.poll(() => map.evaluate((el) => el.shadowRoot!.querySelectorAll('[role=option]').length)).toBeGreaterThan(0);
    const swatch = await map.evaluate((el) => {
      const s = el.shadowRoot!.querySelector<HTMLElement>('.swatch');
      return s ? getComputedStyle(s).backgroundColor : 'none';
    });
    expect(swatch).not.toMatch(/^(none|rgba\(0, 0, 0, 0\))$/);

    // The list opens a project's detail in a dialog.
    const list = page.locator('veche-project-list');
    await list.getByRole('link', { name: 'Скамейки и урны на Садовой' }).click();
    const detail = page.getByRole('dialog', { name: 'Скамейки и урны на Садовой' });
    await detail.waitFor();
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'hidden' });

    // Sharing: links, the QR code, the poster and its print frame (styled without a <style>).
    const share = page.locator('veche-share');
    expect(await share.getByRole('link', { name: /ВКонтакте/ }).getAttribute('href')).toContain('vk.com/share.php?url=');
    await expect.poll(() => share.evaluate((el) => el.shadowRoot!.querySelector('svg[part~=qr] path')?.getAttribute('d')?.length ?? 0)).toBeGreaterThan(100);
    await page.evaluate(() => (window.print = () => undefined));
    await share.getByRole('button', { name: /Плакат/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Распечатать' }).click();
    expect(await page.evaluate(() => getComputedStyle(document.querySelector<HTMLIFrameElement>('body > iframe')!.contentDocument!.querySelector('.poster')!).textAlign)).toBe('center');
    await clean(page, errors);
    await page.close();
  });

  it('voting phase: the ballot chooses, reviews and sends with a voting code', async () => {
    const [code] = await server.codes(1);
    const { page, errors } = await open('voting');
    const ballot = page.locator('veche-budget-ballot');
    await ballot.getByRole('checkbox', { name: 'Детская площадка во дворе на Ленина, 12' }).check();
    await expect.poll(async () => plain(await ballot.locator('[part~=summary]').textContent())).toContain('Выбрано на');
    await ballot.getByRole('button', { name: 'Проверить и отправить' }).click();
    await ballot.getByRole('button', { name: 'Отправить голос' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox').first().fill(code!);
    await dialog.getByRole('button', { name: /Подтвердить/ }).click();
    await ballot.getByRole('heading', { name: 'Ваш голос учтён' }).waitFor();
    await clean(page, errors);
    await page.close();
  });

  it('results phase: the results with their chart; the low-vision and dark versions of the page', async () => {
    const { page, errors } = await open('results');
    const results = page.locator('veche-results');
    await expect.poll(() => shadowText(results)).toContain('Победител');
    for (const view of ['Версия для слабовидящих', 'Тёмная тема']) {
      await page.getByRole('button', { name: view }).click();
      await expect.poll(() => page.locator('veche-provider').getAttribute('theme')).toBe(view === 'Тёмная тема' ? 'dark' : 'contrast');
    }
    await clean(page, errors);
    await page.close();
  });

  it('ideas phase: an idea goes to moderation', async () => {
    const { page, errors } = await open('ideas');
    const form = page.locator('veche-idea-form');
    await form.getByLabel(/Название идеи/).fill('Велопарковка у библиотеки');
    await form.getByLabel(/^Описание/).fill('Поставить велопарковку на двадцать мест у входа в городскую библиотеку.');
    await form.getByLabel(/Электронная почта или телефон/).fill('reader@example.ru');
    await form.getByLabel(/согласие на обработку/).check();
    await form.getByRole('button', { name: 'Отправить идею' }).click();
    await expect.poll(() => shadowText(form)).toContain('Идея отправлена');
    expect(JSON.stringify(await listIdeas(server.server.ctx, 'demo'))).toContain('Велопарковка у библиотеки');
    await clean(page, errors);
    await page.close();
  });
});
