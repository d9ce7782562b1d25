import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listIdeas } from '../../packages/server/src/index.ts';
import { axe, launch, watchErrors } from './support/browser.ts';
import { startE2EServer, type E2EServer } from './support/server.ts';

/**
 * The issue-4 elements from the built bundle against the reference server (SQLite): one whole path each,
 * through the real HTTP API and its rules.
 */
describe('the elements against the reference server', () => {
  let server: E2EServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startE2EServer();
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.origin}/server-elements.html`);
    return { page, errors };
  }

  it('veche-vote-button and veche-progress-meter: a resident signs in with a voting code and supports a project', async () => {
    await server.phase('support');
    const [code] = await server.codes(1);
    const { page, errors } = await open();
    const meter = page.locator('veche-progress-meter[view=support]');
    await expect.poll(() => meter.textContent().then(() => meter.evaluate((el) => el.shadowRoot!.textContent ?? ''))).toContain('402');

    const button = page.locator('veche-vote-button').getByRole('button', { name: /Поддержать/ });
    await button.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox').first().fill(code!);
    await dialog.getByRole('button', { name: /Подтвердить/ }).click();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');

    // The server counted it: a fresh page shows 403 supporters and the resident's support.
    const support = await fetch(`${server.api}/projects/demo-8/support`).then((r) => r.json() as Promise<{ count: number }>);
    expect(support.count).toBe(403);
    expect(await axe(page, 'veche-vote-button, veche-progress-meter')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('veche-progress-meter timeline: shows the phases with today in the voting phase', async () => {
    await server.phase('voting');
    const { page, errors } = await open();
    const timeline = page.locator('veche-progress-meter[view=timeline]');
    await expect.poll(() => timeline.evaluate((el) => el.shadowRoot!.textContent ?? '')).toContain('Голосование');
    expect(await timeline.evaluate((el) => el.shadowRoot!.querySelector('[aria-current="step"]')?.textContent ?? '')).toContain('Голосование');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('veche-idea-form: an idea goes to moderation with its consents, contact kept private', async () => {
    await server.phase('ideas');
    const { page, errors } = await open();
    const form = page.locator('veche-idea-form');
    await form.getByLabel(/Название идеи/).fill('Скамейки вдоль набережной');
    await form.getByLabel(/^Описание/).fill('Поставить двадцать скамеек вдоль набережной Тубы, чтобы пожилым было где отдохнуть.');
    await form.getByLabel(/Электронная почта или телефон/).fill('resident@example.ru');
    await form.getByLabel(/согласие на обработку/).check();
    await form.getByRole('button', { name: 'Отправить идею' }).click();
    await expect.poll(() => form.evaluate((el) => el.shadowRoot!.textContent ?? '')).toContain('Идея отправлена');

    const ideas = await listIdeas(server.server.ctx, 'demo');
    const idea = ideas.find((i) => JSON.stringify(i).includes('Скамейки вдоль набережной'));
    expect(idea).toBeDefined();
    expect(JSON.stringify(idea)).toContain('resident@example.ru');
    const publicList = await fetch(`${server.api}/campaigns/demo/projects?limit=100`).then((r) => r.text());
    expect(publicList).not.toContain('resident@example.ru');
    expect(publicList).not.toContain('Скамейки вдоль набережной');
    expect(errors).toEqual([]);
    await page.close();
  });
});
