import { phaseState, type Campaign } from '@veche/core';
import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdminServer, expectAccessible, expectNoSidewaysScroll, openConsole, signIn, startAdminServer } from './support/admin.ts';
import { launch } from './support/browser.ts';

const ring = (points: [number, number][]) => [...points, points[0]!];
const DISTRICTS = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { name: 'Центр', budget: 1_500_000 }, geometry: { type: 'Polygon', coordinates: [ring([[29.1, 59.9], [29.2, 59.9], [29.2, 59.95], [29.1, 59.95]])] } },
    { type: 'Feature', properties: { name: 'Заречье' }, geometry: { type: 'Polygon', coordinates: [ring([[29.1, 59.85], [29.2, 59.85], [29.2, 59.9], [29.1, 59.9]])] } },
  ],
};

/**
 * A campaign from nothing to an open vote in the console: basics, districts from GeoJSON on the map,
 * a category, rules with the live ballot preview, consents, origins; two projects on the ballot;
 * voting opened now, after which the rules are locked; a batch of codes printed; a resident votes.
 */
describe('administration console: a campaign from nothing to an open vote', () => {
  let server: AdminServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startAdminServer();
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates the campaign, puts projects on the ballot, opens voting, prints codes and a resident votes', async () => {
    const admin = await server.staff('organizer@sosnovy-bor.example', 'administrator');
    const { page, errors } = await openConsole(browser, server);
    await signIn(page, admin.email, admin.password);
    await page.getByRole('navigation').getByRole('link', { name: 'Новая кампания' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Новая кампания');
    const editor = page.locator('veche-admin-campaign-editor');

    await editor.getByLabel('Название кампании').fill('Народный бюджет Соснового Бора — 2027');
    expect(await editor.locator('#c-id').inputValue()).toBe('narodnyy-byudzhet-sosnovogo-bora-2027');
    await editor.locator('#c-id').fill('sosnovy-bor-2027');
    await editor.getByLabel('Муниципальное образование').fill('Сосновый Бор');
    await editor.getByLabel('Бюджет, ₽').fill('3000000');
    await editor.getByLabel('Жителей 16 лет и старше').fill('52000');

    await editor.getByLabel('Загрузить районы (GeoJSON)').setInputFiles({ name: 'districts.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(DISTRICTS)) });
    await expect.poll(() => editor.getByLabel('Название', { exact: true }).count()).toBe(2);
    expect(await editor.getByLabel('Название', { exact: true }).nth(1).inputValue()).toBe('Заречье');
    await expect.poll(() => editor.locator('veche-project-map').count()).toBe(1);

    await editor.getByRole('button', { name: 'Добавить категорию' }).click();
    await editor.getByLabel('Название категории').fill('Благоустройство');

    await editor.getByLabel('Не больше проектов').fill('2');
    // The live preview: the ballot with sample projects under these rules.
    const preview = editor.locator('veche-budget-ballot');
    await expect.poll(() => preview.evaluate((el) => el.shadowRoot?.textContent ?? '')).toContain('Новая детская площадка');

    await editor.getByLabel('Адреса сайтов, по одному в строке').fill('https://sosnovy-bor.example');
    await expectAccessible(page, 'new campaign editor');
    await editor.getByRole('button', { name: 'Создать кампанию' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Народный бюджет Соснового Бора — 2027');
    expect(page.url()).toContain('#/c/sosnovy-bor-2027/settings');
    await expectAccessible(page, 'campaign settings');

    // Two projects on the ballot.
    await page.getByRole('navigation').getByRole('link', { name: 'Проекты' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Проекты');
    const projects = page.locator('veche-admin-projects');
    for (const [title, cost] of [['Освещение парка у озера', '900000'], ['Площадка для воркаута', '600000']] as const) {
      await projects.getByRole('button', { name: 'Новый проект' }).click();
      await projects.getByLabel('Название', { exact: true }).fill(title);
      await projects.getByLabel('Стоимость после экспертизы, ₽').fill(cost);
      await projects.getByRole('button', { name: 'Сохранить проект' }).click();
      await expect.poll(() => projects.getByRole('button', { name: title }).count()).toBe(1);
    }
    await projects.getByRole('button', { name: 'Освещение парка у озера' }).click();
    await projects.getByRole('button', { name: 'Добавить источник' }).click();
    await projects.getByLabel('Сумма, ₽').fill('90000');
    await expectAccessible(page, 'projects with the editor open');
    await projects.getByRole('button', { name: 'Сохранить проект' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Проект сохранён');

    // Voting opens now; the editor then says the rules are locked.
    await page.getByRole('navigation').getByRole('link', { name: 'Настройки' }).click();
    await page.getByRole('button', { name: 'Начать «Голосование» сейчас' }).click();
    await expect.poll(() => page.locator('#locked-note').count()).toBe(1);
    expect(await editor.getByLabel('Способ голосования').isDisabled()).toBe(true);
    expect(await editor.locator('#c-budget').isDisabled()).toBe(true);
    expect(await editor.locator('#d-budget-0').isDisabled()).toBe(true);
    await expectAccessible(page, 'campaign settings, rules locked');

    const campaign = (await fetch(`${server.api}/campaigns/sosnovy-bor-2027`).then((r) => r.json())) as Campaign;
    expect(phaseState(campaign, 'voting')).toBe('open');
    expect(campaign.districts.map((d) => [d.name, d.budget])).toEqual([['Центр', 1_500_000], ['Заречье', undefined]]);
    expect(campaign.votingRules).toMatchObject({ method: 'knapsack', maxProjects: 2 });

    // A batch of codes, printed as letters with QR cards.
    await page.getByRole('navigation').getByRole('link', { name: 'Коды для голосования' }).click();
    const codes = page.locator('veche-admin-codes');
    await codes.getByLabel('Сколько кодов').fill('3');
    await codes.getByRole('button', { name: 'Выпустить' }).click();
    await expect.poll(() => codes.locator('.letters li').count()).toBe(3);
    await expectAccessible(page, 'codes with a printed batch');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation').isVisible()).toBe(false);
    expect(await codes.locator('.letters').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    const code = (await codes.locator('.letters li strong').first().textContent())!.trim();

    // A resident votes with a printed code.
    const session = (await fetch(`${server.api}/auth/voting-code`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) }).then((r) => r.json())) as { token: string };
    const list = (await fetch(`${server.api}/campaigns/sosnovy-bor-2027/projects?status=shortlisted`).then((r) => r.json())) as { items: { id: string }[] };
    expect(list.items).toHaveLength(2);
    const ballot = await fetch(`${server.api}/campaigns/sosnovy-bor-2027/ballot/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
      body: JSON.stringify({ selection: [{ projectId: list.items[0]!.id }] }),
    });
    expect(ballot.status).toBe(200);
    await codes.getByRole('button', { name: 'Закрыть' }).click();
    await page.reload();
    await expect.poll(() => codes.textContent().then(() => codes.evaluate((el) => el.shadowRoot?.textContent ?? ''))).toContain('использовано: 1');

    // Embed snippets with a live preview of the real element.
    await page.getByRole('navigation').getByRole('link', { name: 'Код для сайта' }).click();
    const embed = page.locator('veche-admin-embed');
    expect(await embed.getByLabel('Код элемента «Бюллетень»').inputValue()).toContain('<veche-budget-ballot api="http://127.0.0.1');
    expect(await embed.getByLabel('Код элемента «Бюллетень»').inputValue()).toContain('campaign="sosnovy-bor-2027"');
    await expect.poll(() => embed.locator('veche-budget-ballot').evaluate((el) => el.shadowRoot?.textContent ?? '')).toContain('Освещение парка у озера');
    await expectAccessible(page, 'embed snippets');
    await page.setViewportSize({ width: 640, height: 900 });
    await expectNoSidewaysScroll(page, 'embed snippets at 200 %');
    expect(errors).toEqual([]);

    const log = (await server.audit({ campaign: 'sosnovy-bor-2027' })).map((e) => `${e.action} ${e.actor}`).reverse();
    const who = 'organizer <organizer@sosnovy-bor.example>';
    expect(log).toEqual([
      `campaign.create ${who}`,
      `project.save ${who}`,
      `project.save ${who}`,
      `project.save ${who}`,
      `campaign.phase ${who}`,
      `codes.issue ${who}`,
    ]);
    const created = (await server.audit({ action: 'campaign.create' }))[0]!;
    expect(created.after).toMatchObject({ campaign: { id: 'sosnovy-bor-2027', budget: 3_000_000 }, embedOrigins: ['https://sosnovy-bor.example'] });
    const opened = (await server.audit({ action: 'campaign.phase' }))[0]!;
    expect(opened.before).toMatchObject({ campaign: { id: 'sosnovy-bor-2027' } });
    await page.close();
  });
});
