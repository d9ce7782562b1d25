import type { Browser, Locator, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { addBallotCampaign, storedBallots } from './support/ballot-campaigns.ts';
import { buildFrameworkApps } from './support/ballot-frameworks.ts';
import { axe, launch, watchErrors } from './support/browser.ts';
import { startE2EServer, type E2EServer } from './support/server.ts';
import { serveStatic } from './support/static-server.ts';

/**
 * `<veche-budget-ballot>` from its own built entry against the reference server (SQLite), for every
 * voting method: choose, break a rule, fix it, sign in with a voting code, send, reload and find the
 * receipt, withdraw, change the choice and vote again. Needs `npm run build`.
 */

const TITLES: Record<string, string> = {
  'demo-1': 'Детская площадка во дворе на Ленина, 12',
  'demo-2': 'Освещение набережной Тубы',
  'demo-3': 'Хоккейная коробка у школы № 2',
  'demo-4': 'Сквер у Дома культуры',
  'demo-5': 'Тротуар к поликлинике по улице Гагарина',
  'demo-6': 'Зал для занятий в городской библиотеке',
};

const plain = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

interface Method {
  campaign: string;
  rules?: Parameters<typeof addBallotCampaign>[2]['rules'];
  /** Chooses, breaks a rule (checking its explanation), fixes it; returns the project ids that go. */
  choose(ballot: Locator): Promise<string[]>;
  /** After a withdrawal: changes the choice; returns the new project ids. */
  change(ballot: Locator): Promise<string[]>;
}

const box = (ballot: Locator, id: string) => ballot.getByRole('checkbox', { name: TITLES[id] });
const card = (ballot: Locator, id: string) => ballot.locator('[part~=card]').filter({ hasText: TITLES[id]! });
const summary = async (ballot: Locator) => plain(await ballot.locator('[part~=summary]').textContent());

const METHODS: Method[] = [
  {
    campaign: 'demo',
    async choose(b) {
      await box(b, 'demo-1').check();
      await box(b, 'demo-4').check();
      await expect.poll(() => summary(b)).toContain('Выбрано на 3 250 000 ₽ из 6 000 000 ₽. Осталось 2 750 000 ₽.');
      expect(plain(await card(b, 'demo-3').textContent())).toContain('Не помещается в оставшийся бюджет');
      await box(b, 'demo-3').check();
      await expect.poll(async () => plain(await card(b, 'demo-3').textContent())).toContain('С этим проектом бюджет превышен на 150 000 ₽');
      await box(b, 'demo-4').uncheck();
      await expect.poll(() => summary(b)).toContain('Осталось 1 650 000 ₽');
      return ['demo-1', 'demo-3'];
    },
    async change(b) {
      await box(b, 'demo-3').uncheck();
      await box(b, 'demo-2').check();
      return ['demo-1', 'demo-2'];
    },
  },
  {
    campaign: 'approval',
    rules: { method: 'approval', minProjects: 2, maxProjects: 3 },
    async choose(b) {
      await box(b, 'demo-1').check();
      await expect.poll(() => summary(b)).toContain('Выбрано: 1 проект, а нужно не меньше 2.');
      for (const id of ['demo-2', 'demo-3', 'demo-4']) await box(b, id).check();
      await expect.poll(async () => plain(await card(b, 'demo-4').textContent())).toContain('выбрано больше, чем можно (максимум 3 проекта)');
      await box(b, 'demo-4').uncheck();
      return ['demo-1', 'demo-2', 'demo-3'];
    },
    async change(b) {
      await box(b, 'demo-3').uncheck();
      return ['demo-1', 'demo-2'];
    },
  },
  {
    campaign: 'single',
    rules: { method: 'single' },
    async choose(b) {
      await b.getByRole('button', { name: 'Проверить и отправить' }).click();
      await expect.poll(async () => plain(await b.locator('#issues').textContent())).toContain('Выберите хотя бы один проект.');
      await b.getByRole('radio', { name: TITLES['demo-5'] }).check();
      await b.getByRole('radio', { name: TITLES['demo-2'] }).check();
      return ['demo-2'];
    },
    async change(b) {
      await b.getByRole('radio', { name: TITLES['demo-6'] }).check();
      return ['demo-6'];
    },
  },
  {
    campaign: 'cumulative',
    rules: { method: 'cumulative', points: 10, maxPointsPerProject: 5 },
    async choose(b) {
      const add = b.getByRole('button', { name: `Добавить балл проекту «${TITLES['demo-1']}»` });
      for (let i = 0; i < 6; i++) await add.click();
      await expect.poll(async () => plain(await card(b, 'demo-1').textContent())).toContain('дано: 6 баллов, а можно не больше 5');
      await b.getByRole('button', { name: `Убрать балл у проекта «${TITLES['demo-1']}»` }).click();
      await b.getByRole('spinbutton', { name: `Баллы проекту «${TITLES['demo-4']}»` }).fill('5');
      await expect.poll(() => summary(b)).toContain('Распределено баллов: 10 из 10. Осталось: 0 баллов.');
      return ['demo-1', 'demo-4'];
    },
    async change(b) {
      await b.getByRole('spinbutton', { name: `Баллы проекту «${TITLES['demo-4']}»` }).fill('2');
      return ['demo-1', 'demo-4'];
    },
  },
  {
    campaign: 'minspend',
    rules: { method: 'knapsack', minSpendShare: 0.5, minProjects: 1 },
    async choose(b) {
      await box(b, 'demo-6').check();
      await expect.poll(() => summary(b)).toContain('нужно не меньше чем на 3 000 000 ₽');
      await box(b, 'demo-3').check();
      return ['demo-6', 'demo-3'];
    },
    async change(b) {
      await box(b, 'demo-5').check();
      return ['demo-6', 'demo-3', 'demo-5'];
    },
  },
  {
    campaign: 'blank',
    rules: { method: 'approval', minProjects: 0, maxProjects: 2 },
    async choose(b) {
      expect(plain(await b.locator('[part~=rules]').textContent())).toContain('без выбранных проектов');
      return [];
    },
    async change(b) {
      await box(b, 'demo-5').check();
      return ['demo-5'];
    },
  },
  {
    campaign: 'one',
    rules: { method: 'knapsack', districtMode: 'one', minProjects: 1 },
    async choose(b) {
      await b.getByRole('button', { name: 'Северный' }).click();
      await box(b, 'demo-3').check();
      await box(b, 'demo-5').check();
      await expect.poll(async () => plain(await card(b, 'demo-5').textContent())).toContain('С этим проектом бюджет превышен на 1 100 000 ₽');
      await box(b, 'demo-3').uncheck();
      await box(b, 'demo-6').check();
      return ['demo-5', 'demo-6'];
    },
    async change(b) {
      await b.getByRole('button', { name: 'Сменить район' }).click();
      await b.getByRole('button', { name: 'Центральный' }).click();
      await expect.poll(async () => plain(await b.locator('[part~=base]').textContent())).toContain('относится к другому району');
      await b.getByRole('button', { name: `Убрать «${TITLES['demo-5']}»` }).click();
      await box(b, 'demo-1').check();
      return ['demo-6', 'demo-1'];
    },
  },
  {
    campaign: 'all',
    rules: { method: 'knapsack', districtMode: 'all', budget: 1_000_000, minProjects: 1 },
    async choose(b) {
      for (const id of ['demo-6', 'demo-1', 'demo-3', 'demo-5']) await box(b, id).check();
      await expect.poll(() => summary(b)).toContain('Бюджет района «Северный». Выбрано на 4 100 000 ₽ из 3 000 000 ₽. Бюджет превышен на 1 100 000 ₽.');
      await box(b, 'demo-5').uncheck();
      return ['demo-6', 'demo-1', 'demo-3'];
    },
    async change(b) {
      await box(b, 'demo-2').check();
      return ['demo-6', 'demo-1', 'demo-3', 'demo-2'];
    },
  },
];

describe('veche-budget-ballot against the reference server', () => {
  let server: E2EServer;
  let browser: Browser;
  const codes: Record<string, string[]> = {};

  beforeAll(async () => {
    server = await startE2EServer();
    await server.phase('voting');
    codes['demo'] = await server.codes(2);
    for (const m of METHODS) if (m.rules) codes[m.campaign] = await addBallotCampaign(server, m.campaign, { rules: m.rules });
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(campaign: string): Promise<{ page: Page; ballot: Locator; errors: string[] }> {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.origin}/ballot.html?campaign=${campaign}`);
    const ballot = page.locator('veche-budget-ballot');
    await ballot.locator('[part~=phase]').waitFor();
    return { page, ballot, errors };
  }

  /** Review, "Отправить голос", and (signed out) the voting code; returns the receipt code. */
  async function send(page: Page, ballot: Locator, code?: string): Promise<string> {
    await ballot.getByRole('button', { name: 'Проверить и отправить' }).click();
    await ballot.getByRole('heading', { name: 'Проверьте бюллетень' }).waitFor();
    expect(await axe(page, 'veche-budget-ballot')).toEqual([]);
    await ballot.getByRole('button', { name: 'Отправить голос' }).click();
    if (code) {
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox').first().fill(code);
      await dialog.getByRole('button', { name: /Подтвердить/ }).click();
    }
    await ballot.getByRole('heading', { name: 'Ваш голос учтён' }).waitFor();
    return plain(await ballot.locator('[part~=code]').textContent());
  }

  const ids = (campaign: string, list: string[]) => list.map((id) => (campaign === 'demo' ? id : `${campaign}-${id}`));
  const chosen = (row: { selection: string }) => (JSON.parse(row.selection) as { projectId: string }[]).map((s) => s.projectId);

  for (const method of METHODS) {
    it(`${method.campaign}: choose, break a rule, fix it, sign in with a code, send, reload, withdraw, vote again`, async () => {
      const { page, ballot, errors } = await open(method.campaign);
      expect(plain(await ballot.locator('[part~=rules]').textContent())).toContain('Как голосовать');
      const first = await method.choose(ballot);
      expect(await axe(page, 'veche-budget-ballot')).toEqual([]);
      const receipt = await send(page, ballot, codes[method.campaign]![0]);
      expect(receipt).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);

      let rows = (await storedBallots(server, method.campaign)).filter((r) => r.receipt === receipt);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.status).toBe('submitted');
      expect(chosen(rows[0]!)).toEqual(ids(method.campaign, first));

      await page.reload();
      await ballot.getByRole('heading', { name: 'Ваш голос учтён' }).waitFor();
      expect(plain(await ballot.locator('[part~=code]').textContent())).toBe(receipt);
      expect(await axe(page, 'veche-budget-ballot')).toEqual([]);

      await ballot.getByRole('button', { name: 'Отозвать голос и изменить выбор' }).click();
      await expect.poll(async () => plain(await ballot.locator('[part~=notice]').textContent())).toContain('Ваш голос отозван');
      const second = await method.change(ballot);
      const again = await send(page, ballot);
      expect(again).not.toBe(receipt);
      rows = (await storedBallots(server, method.campaign)).filter((r) => r.receipt === again);
      expect(rows).toHaveLength(1);
      expect(chosen(rows[0]!)).toEqual(ids(method.campaign, second));
      expect((await storedBallots(server, method.campaign)).filter((r) => r.receipt === receipt)).toHaveLength(0);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('the draft survives a reload before sending, leaving warns, and a double click sends one ballot', async () => {
    const [code] = await server.codes(1);
    const { page, ballot, errors } = await open('demo');
    await box(ballot, 'demo-2').check();
    // The choice prefetches the review part: let it arrive before leaving.
    await page.waitForLoadState('networkidle');
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.type());
      void d.accept();
    });
    await page.reload();
    expect(dialogs).toEqual(['beforeunload']);
    await ballot.locator('[part~=phase]').waitFor();
    expect(await box(ballot, 'demo-2').isChecked()).toBe(true);
    expect(plain(await ballot.locator('[part~=notice]').textContent())).toContain('Восстановлен выбор');

    await ballot.getByRole('button', { name: 'Проверить и отправить' }).click();
    await ballot.getByRole('button', { name: 'Отправить голос' }).dblclick();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox').first().fill(code!);
    await dialog.getByRole('button', { name: /Подтвердить/ }).click();
    await ballot.getByRole('heading', { name: 'Ваш голос учтён' }).waitFor();
    const receipt = plain(await ballot.locator('[part~=code]').textContent());
    expect((await storedBallots(server, 'demo')).filter((r) => r.receipt === receipt)).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('two ballots inside the host page with aggressive CSS: readable, accessible, in step, no sideways scrolling', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    // The shared hostile host page (its CSS attacks everything), with two ballots of the real server added in 320 px.
    await page.goto(`${server.origin}/aggressive.html`);
    await page.evaluate(`
      const narrow = document.createElement('article');
      narrow.style.maxWidth = '320px';
      narrow.innerHTML = '<veche-budget-ballot api="/api" campaign="demo"></veche-budget-ballot>'.repeat(2);
      document.body.append(narrow);
    `);
    const [a, b] = [page.locator('veche-budget-ballot').first(), page.locator('veche-budget-ballot').nth(1)];
    await a.locator('[part~=phase]').waitFor();
    await b.locator('[part~=phase]').waitFor();
    const style = await page.evaluate(() => {
      const el = document.querySelector('veche-budget-ballot')!;
      const s = getComputedStyle(el.shadowRoot!.querySelector('[part~="base"]')!);
      return { display: getComputedStyle(el).display, font: s.fontFamily, transform: s.textTransform, overflow: el.scrollWidth - el.clientWidth };
    });
    expect(style.display).toMatch(/block/);
    expect(style.font).not.toContain('Comic Sans');
    expect(style.transform).toBe('none');
    expect(style.overflow).toBeLessThanOrEqual(0);
    await box(a, 'demo-4').check();
    await expect.poll(() => box(b, 'demo-4').isChecked()).toBe(true);
    expect(await axe(page, 'veche-budget-ballot')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('inside React 19 and Vue 3: the adapter goes in as a property, veche-ballot-change comes out', async () => {
    const dir = await buildFrameworkApps();
    const apps = await serveStatic({ '/': `${dir}/` });
    try {
      for (const name of ['react', 'vue']) {
        const page = await browser.newPage();
        const errors = watchErrors(page);
        await page.goto(`${apps.url}/${name}/index.html`);
        const ballot = page.locator('veche-budget-ballot');
        await ballot.locator('[part~=phase]').waitFor();
        await box(ballot, 'demo-1').check();
        await box(ballot, 'demo-6').check();
        await expect.poll(() => page.getByTestId('changes').textContent(), { message: name }).toBe('2');
        expect(await summary(ballot), name).toContain('Осталось 3 700 000 ₽');
        expect(await axe(page, 'veche-budget-ballot'), name).toEqual([]);
        expect(errors, name).toEqual([]);
        await page.close();
      }
    } finally {
      await apps.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
