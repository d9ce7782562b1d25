import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, launch, watchErrors } from './support/browser.ts';
import { startE2EServer, type E2EServer } from './support/server.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const shadowText = (page: Page, selector: string) => page.locator(selector).evaluate((e) => (e.shadowRoot?.textContent ?? '').replace(/\s+/g, ' '));

/**
 * examples/gospublic/: the page a city's community in VK, OK, MAX or Telegram links to, on a 360 px
 * phone against the reference server: nothing scrolls sideways, the key numbers are there, one tap takes
 * part, sharing goes back to the four networks and the poster carries the QR code. Needs `npm run build`.
 */
describe('the госпаблик landing page at 360 px', () => {
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
    const page = await browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const errors = watchErrors(page);
    await page.goto(`${server.origin}/gospublic/`);
    await page.locator('veche-progress-meter[view=support]').getByRole('meter').waitFor();
    return { page, errors };
  }

  const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= innerWidth);

  it('support phase: the numbers, support with a voting code in one column, no sideways scrolling, accessible', async () => {
    const [code] = await server.codes(1);
    const { page, errors } = await open('support');
    expect(await noSidewaysScroll(page)).toBe(true);
    await expect.poll(() => shadowText(page, 'veche-progress-meter[view=timeline]')).toContain('Сейчас идёт этап «Поддержка»');
    expect(await shadowText(page, 'veche-progress-meter[view=support]')).toContain('1 473 подписи');
    // The short timeline: the current phase in words and its bar, not the list of every phase.
    expect(await page.locator('veche-progress-meter[view=timeline]').getByRole('listitem').count()).toBe(0);

    // Every element fits the column.
    const widths = await page.evaluate(() => [...document.querySelectorAll('main [class], main veche-progress-meter, main veche-vote-button, main veche-share')].map((el) => el.getBoundingClientRect().right));
    for (const right of widths) expect(right).toBeLessThanOrEqual(360);

    const button = page.locator('veche-vote-button').getByRole('button', { name: /Поддержать/ });
    const box = (await button.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    await button.tap();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox').first().fill(code!);
    // The dialog fits the phone.
    const dialogBox = (await dialog.boundingBox())!;
    expect(dialogBox.x).toBeGreaterThanOrEqual(0);
    expect(dialogBox.x + dialogBox.width).toBeLessThanOrEqual(360);
    await dialog.getByRole('button', { name: /Подтвердить/ }).tap();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
    expect(await noSidewaysScroll(page)).toBe(true);
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('voting phase: the project links to the ballot; one big link to the city\'s page', async () => {
    const { page, errors } = await open('voting');
    const cta = page.getByRole('link', { name: 'Все проекты на сайте города' });
    const box = (await cta.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.width).toBeGreaterThanOrEqual(280);
    expect(await cta.evaluate((a) => (a as HTMLAnchorElement).href)).toBe(`${server.origin}/#projects`);
    // The project's button says the vote happens on the ballot and links there.
    const link = page.locator('veche-vote-button').getByRole('link', { name: 'Перейти к бюллетеню' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('../#vote');
    expect(await noSidewaysScroll(page)).toBe(true);
    expect(await axe(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shares this page to VK, OK, Telegram and MAX, and prints a poster with its QR code', async () => {
    const { page, errors } = await open('support');
    const here = `${server.origin}/gospublic/`;
    const share = page.locator('veche-share');
    const href = (name: RegExp) => share.getByRole('link', { name }).getAttribute('href');
    expect(await href(/ВКонтакте/)).toContain(`https://vk.com/share.php?url=${encodeURIComponent(here)}`);
    expect(await href(/Одноклассники/)).toContain(`connect.ok.ru/offer?url=${encodeURIComponent(here)}`);
    expect(await href(/Telegram/)).toContain(`t.me/share/url?url=${encodeURIComponent(here)}`);
    expect(await href(/MAX/)).toContain('max.ru/:share?text=');
    expect(decodeURIComponent((await href(/MAX/))!)).toContain(here);

    await share.getByRole('button', { name: /Плакат/ }).tap();
    const poster = page.getByRole('dialog');
    await poster.getByRole('heading').first().waitFor();
    expect(await poster.evaluate((d) => d.querySelector('svg[part~=qr] path')?.getAttribute('d')?.length ?? 0)).toBeGreaterThan(100);
    expect(await poster.textContent()).toContain(here.replace(/^https?:\/\//, '').replace(/\/$/, ''));
    const box = (await poster.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    expect(errors).toEqual([]);
    await page.close();
  });
});
