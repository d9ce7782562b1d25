import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN } from '../node/support/server.ts';
import { atomProblems, childrenNamed, parseXml } from '../node/support/xml.ts';
import { buildFrameworkApps } from './support/ballot-frameworks.ts';
import { axe, launch, watchErrors } from './support/browser.ts';
import { startE2EServer, type E2EServer } from './support/server.ts';
import { serveStatic } from './support/static-server.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const KRASNOYARSK = ['24,35 %', '0,21 %', '0,05 %', '14,73 %', '10,15 %', '1,49 %'];
/** The aggressive host CSS of the hostile suite, put on this page too. */
const AGGRESSIVE = /<style>([\s\S]*?)<\/style>/.exec(readFileSync(`${root}tests/e2e/hosts/aggressive.html`, 'utf8'))![1]!;

/**
 * The smallest React 19 and Vue 3 apps with both elements: the adapter and the project go in as
 * properties from the framework's state (a button switches the news to one project), and a
 * `veche-error` of an element pointed at a campaign that does not exist comes out into the state.
 */
const APPS = {
  react: `
    import '@veche/elements/updates';
    import '@veche/elements/participation';
    import { createMemoryAdapter } from '@veche/core/memory';
    import { createElement as h, useState } from 'react';
    import { createRoot } from 'react-dom/client';
    const adapter = createMemoryAdapter('memory:demo');
    function App() {
      const [project, setProject] = useState(undefined);
      const [events, setEvents] = useState([]);
      const log = (e) => setEvents((list) => [...list, e.type + ':' + e.detail.code]);
      return h('main', null,
        h('h1', null, 'React 19'),
        h('button', { type: 'button', onClick: () => setProject('demo-11') }, 'Стадион'),
        h('veche-updates', { id: 'news', adapter, campaign: 'demo', project, limit: 3 }),
        h('veche-participation', { adapter, campaign: 'demo', year: 2024 }),
        h('veche-updates', { id: 'broken', adapter, campaign: 'nope', 'onveche-error': log }),
        h('p', { 'data-testid': 'events' }, events.join(' ')));
    }
    createRoot(document.getElementById('root')).render(h(App));
  `,
  vue: `
    import '@veche/elements/updates';
    import '@veche/elements/participation';
    import { createMemoryAdapter } from '@veche/core/memory';
    import { createApp, h, ref } from 'vue';
    const adapter = createMemoryAdapter('memory:demo');
    createApp({
      setup() {
        const project = ref(undefined);
        const events = ref([]);
        const log = (e) => events.value.push(e.type + ':' + e.detail.code);
        return () => h('main', [
          h('h1', 'Vue 3'),
          h('button', { type: 'button', onClick: () => (project.value = 'demo-11') }, 'Стадион'),
          h('veche-updates', { id: 'news', adapter, campaign: 'demo', project: project.value, limit: 3 }),
          h('veche-participation', { adapter, campaign: 'demo', year: 2024 }),
          h('veche-updates', { id: 'broken', adapter, campaign: 'nope', onVecheError: log }),
          h('p', { 'data-testid': 'events' }, events.value.join(' ')),
        ]);
      },
    }).mount('#root');
  `,
} as const;

const shadow = (locator: Locator) => locator.evaluate((el) => el.shadowRoot!.textContent!.replace(/\s+/g, ' '));

/**
 * veche-updates and veche-participation from the built bundle, on a plain page with one script tag,
 * against the reference server (SQLite): what the administration publishes and enters, what residents
 * do, what the elements show, the Atom feed and the downloads. Needs `npm run build`.
 */
describe('news and participation against the reference server', () => {
  let server: E2EServer;
  let browser: Browser;
  const admin = (method: string, path: string, body?: unknown) =>
    fetch(`${server.api}${path}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  beforeAll(async () => {
    server = await startE2EServer();
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ acceptDownloads: true });
    const errors = watchErrors(page);
    // The demo's photos live with the example city page.
    await page.route('**/demo/photos/*.svg', (route) => route.fulfill({ path: `${root}examples/demo/photos/${new URL(route.request().url()).pathname.split('/').pop()}` }));
    await page.goto(`${server.origin}/updates-server.html`);
    return { page, errors };
  }

  it('veche-updates: the administration publishes, a phase begins, residents read, page by page, and the feed says the same', async () => {
    const created = await admin('POST', '/admin/campaigns/demo/updates', {
      title: '<script>alert(1)</script> Площадка на Ленина, 12: монтаж',
      text: 'Монтаж начнётся в понедельник.\nОграждение поставят заранее.',
      projectId: 'demo-1',
      photos: [{ url: '/demo/photos/playground.svg', alt: 'Эскиз площадки' }],
    });
    expect(created.status).toBe(201);

    const { page, errors } = await open();
    const news = page.locator('veche-updates').first();
    const items = news.locator('[part=item]');
    await expect.poll(() => items.count()).toBe(3);
    const first = items.first();
    expect(await first.locator('[role=heading]').textContent()).toBe('<script>alert(1)</script> Площадка на Ленина, 12: монтаж');
    expect(await news.evaluate((el) => el.shadowRoot!.querySelector('script'))).toBeNull();
    expect(await first.locator('time').textContent()).toMatch(/^(сейчас|в эту минуту|\d+ минут[аы]? назад|\d+ секунд[аы]? назад) · /);
    expect(await first.locator('img').getAttribute('alt')).toBe('Эскиз площадки');
    expect(await first.locator('[part=link]').getAttribute('href')).toBe('/#veche-project=demo-1');

    // The keyboard reaches "Показать ещё"; the next page comes in and reading goes on there.
    await news.locator('[part=more]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => items.count()).toBe(6);
    expect(await news.evaluate((el) => (el.shadowRoot!.activeElement as HTMLElement | null)?.textContent ?? '')).toBe(await items.nth(3).locator('[role=heading]').textContent());
    expect(await shadow(news)).toContain('Загружено ещё 3 новости, всего 6 новостей');

    // The project's own news: its milestones.
    const project = page.locator('veche-updates[project=demo-14]');
    await expect.poll(() => shadow(project)).toContain('Детский городок в Северном: Открытие');
    expect(await project.locator('[part=item] img').first().getAttribute('alt')).toBe('Открытие детского городка: дети на канатном парке');

    expect(await axe(page, 'veche-updates')).toEqual([]);
    expect(errors).toEqual([]);

    // The phase moves: the news say so by themselves.
    await server.phase('results');
    await page.reload();
    await expect.poll(() => news.locator('[part=item] [role=heading]').first().textContent()).toBe('Подведены итоги голосования');
    expect(errors).toEqual([]);
    await page.close();

    // The Atom feed for the city site carries the same items, escaped, and validates.
    const feed = await fetch(`${server.api}/campaigns/demo/updates.atom`);
    expect(feed.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await feed.text();
    expect(xml).not.toContain('<script>');
    const doc = parseXml(xml);
    expect(atomProblems(doc)).toEqual([]);
    const titles = childrenNamed(doc, 'entry').map((e) => childrenNamed(e, 'title')[0]!.text);
    expect(titles.slice(0, 2)).toEqual(['Подведены итоги голосования', '<script>alert(1)</script> Площадка на Ленина, 12: монтаж']);
    await server.phase('voting');
  });

  it('veche-participation: the Krasnoyarsk years, the live year after residents vote and the administration enters offline counts, CSV and print', async () => {
    // A resident votes through the site: an online vote.
    const [code] = await server.codes(1);
    const signedIn = (await (await fetch(`${server.api}/auth/voting-code`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) })).json()) as { token: string };
    const ballot = await fetch(`${server.api}/campaigns/demo/ballot/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${signedIn.token}` },
      body: JSON.stringify({ selection: [{ projectId: 'demo-1' }] }),
    });
    expect(ballot.status).toBe(200);
    const { year } = (await (await fetch(`${server.api}/campaigns/demo/participation`)).json()) as { year: number };
    expect((await admin('PUT', `/admin/campaigns/demo/participation/${year}`, { offline: { ideas: 40, support: 1_500, votes: 88, total: 1_600 } })).status).toBe(200);

    const { page, errors } = await open();
    const report = page.locator('veche-participation');
    await expect.poll(() => report.locator('[part=table]').count()).toBe(2);
    const text = await shadow(report);
    for (const share of KRASNOYARSK) expect(text.replace(/\u00a0/g, ' ')).toContain(share);
    const votes = report.locator('[part=table]').first().locator('tbody tr', { hasText: 'Голосование' });
    expect((await votes.locator('td').allTextContents()).map((t) => t.replace(/\s/g, ''))).toEqual(['1', String(1_912 + 88), String(1_912 + 88 + 1)]);

    // The CSV, by keyboard.
    const download = page.waitForEvent('download');
    await report.locator('[part~=download]').focus();
    await page.keyboard.press('Enter');
    const file = await download;
    expect(file.suggestedFilename()).toBe('demo-participation.csv');
    const csv = readFileSync((await file.path())!, 'utf8');
    expect(csv.startsWith('\uFEFFГод;')).toBe(true);
    expect(csv).toContain('\r\n2023;Красноярский край, ППМИ;429200;330527;80494;24,35;167;0,21;0,05;');

    // The print view: a frame of its own with a copy of the report (headless Chromium prints nowhere).
    const printed = page.waitForEvent('frameattached');
    await report.locator('[part~=print]').click();
    const frame = await printed;
    await expect.poll(() => frame.evaluate(() => document.querySelectorAll('table').length)).toBe(2);
    expect(await frame.evaluate(() => document.title)).toBe('Участие жителей: Кедровогорск');

    expect(await axe(page, 'veche-participation')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('both elements keep their look and stay accessible under aggressive host CSS', async () => {
    const { page, errors } = await open();
    await page.addStyleTag({ content: AGGRESSIVE });
    await expect.poll(() => page.locator('veche-participation [part=table]').count()).toBe(2);
    await expect.poll(() => page.locator('veche-updates').first().locator('[part=item]').count()).toBeGreaterThan(0);
    const styles = await page.evaluate(() =>
      [...document.querySelectorAll('veche-updates, veche-participation')].map((el) => {
        const base = getComputedStyle(el.shadowRoot!.querySelector('[part~="base"]')!);
        return { display: getComputedStyle(el).display, font: base.fontFamily, transform: base.textTransform, width: el.getBoundingClientRect().width };
      }),
    );
    for (const s of styles) {
      expect(s.display).toMatch(/block/);
      expect(s.font).not.toContain('Comic Sans');
      expect(s.transform).toBe('none');
      expect(s.width).toBeGreaterThan(200);
    }
    expect(await axe(page, 'veche-updates, veche-participation')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
  it('inside React 19 and Vue 3: adapter, project and year go in as properties, veche-error comes out', async () => {
    const dir = await buildFrameworkApps(APPS, 'veche-updates and veche-participation');
    const apps = await serveStatic({ '/': `${dir}/` });
    try {
      for (const name of ['react', 'vue']) {
        const page = await browser.newPage();
        const errors = watchErrors(page);
        await page.goto(`${apps.url}/${name}/index.html`);
        const news = page.locator('#news');
        await expect.poll(() => news.locator('[part=item]').count(), { message: name }).toBe(3);
        // The whole campaign: the phase item and other projects' milestones among the newest three.
        expect(await shadow(news), name).toContain('Началось голосование');
        // The framework changes a property; the element reads again: the stadium's news only.
        await page.getByRole('button', { name: 'Стадион' }).click();
        await expect.poll(() => shadow(news), { message: name }).not.toContain('Началось голосование');
        expect(await shadow(news), name).toContain('Ремонт трибун стадиона «Кедр»: подрядчик выбран');
        const report = page.locator('veche-participation');
        await expect.poll(() => report.locator('[part=table]').count(), { message: name }).toBe(2);
        expect((await shadow(report)).replace(/\u00a0/g, ' '), name).toContain('14,73 %');
        await expect.poll(() => page.getByTestId('events').textContent(), { message: name }).toBe('veche-error:not-found');
        expect(await shadow(page.locator('#broken')), name).toMatch(/\S/);
        expect(await axe(page, 'veche-updates, veche-participation'), name).toEqual([]);
        expect(errors, name).toEqual([]);
        await page.close();
      }
    } finally {
      await apps.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
