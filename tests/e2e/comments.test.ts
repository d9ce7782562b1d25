import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFrameworkApps } from './support/ballot-frameworks.ts';
import { axe, launch, watchErrors } from './support/browser.ts';
import { startE2EServer, type E2EServer } from './support/server.ts';
import { serveStatic } from './support/static-server.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** The aggressive host CSS of the hostile suite, put on these pages too. */
const AGGRESSIVE = /<style>([\s\S]*?)<\/style>/.exec(readFileSync(`${root}tests/e2e/hosts/aggressive.html`, 'utf8'))![1]!;

const shadow = (locator: Locator) => locator.evaluate((el) => el.shadowRoot!.textContent!.replace(/\s+/g, ' '));

/**
 * The smallest React 19 and Vue 3 apps with both elements: the adapter goes in as a property, the
 * elements' events come out into the framework's state (`[data-testid=events]`).
 */
const APPS = {
  react: `
    import '@veche/elements/comments';
    import '@veche/elements/poll';
    import { createMemoryAdapter } from '@veche/core/memory';
    import { createElement as h, useState } from 'react';
    import { createRoot } from 'react-dom/client';
    const adapter = createMemoryAdapter('memory:demo?signedIn=1');
    function App() {
      const [events, setEvents] = useState([]);
      const log = (e) => setEvents((list) => [...list, e.type]);
      return h('main', null,
        h('h1', null, 'React 19'),
        h('veche-comments', { adapter, project: 'demo-2', 'onveche-comment': log }),
        h('veche-poll', { adapter, poll: 'demo-priorities', 'onveche-poll-answer': log }),
        h('p', { 'data-testid': 'events' }, events.join(' ')));
    }
    createRoot(document.getElementById('root')).render(h(App));
  `,
  vue: `
    import '@veche/elements/comments';
    import '@veche/elements/poll';
    import { createMemoryAdapter } from '@veche/core/memory';
    import { createApp, h, ref } from 'vue';
    const adapter = createMemoryAdapter('memory:demo?signedIn=1');
    createApp({
      setup() {
        const events = ref([]);
        const log = (e) => events.value.push(e.type);
        return () => h('main', [
          h('h1', 'Vue 3'),
          h('veche-comments', { adapter, project: 'demo-2', onVecheComment: log }),
          h('veche-poll', { adapter, poll: 'demo-priorities', onVechePollAnswer: log }),
          h('p', { 'data-testid': 'events' }, events.value.join(' ')),
        ]);
      },
    }).mount('#root');
  `,
} as const;

/** Every element of the page keeps its own look under the host's CSS, and nothing in it scrolls sideways. */
async function ownLook(page: Page, selector: string): Promise<void> {
  const styles = await page.evaluate((sel) => {
    return [...document.querySelectorAll(sel)].map((el) => {
      const base = getComputedStyle(el.shadowRoot!.querySelector('[part~="base"]')!);
      const part = el.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!;
      return { display: getComputedStyle(el).display, font: base.fontFamily, transform: base.textTransform, width: el.getBoundingClientRect().width, fits: part.scrollWidth <= part.clientWidth + 1 };
    });
  }, selector);
  for (const s of styles) {
    expect(s.display).toMatch(/block/);
    expect(s.font).not.toContain('Comic Sans');
    expect(s.transform).toBe('none');
    expect(s.width).toBeGreaterThan(200);
    // Nothing inside scrolls sideways (the host page itself may: its own CSS says nowrap).
    expect(s.fits).toBe(true);
  }
}

/**
 * veche-comments and veche-poll from the built bundle (one script tag, twice on a page each) against
 * the reference server on SQLite, under the aggressive host CSS. Needs `npm run build`.
 */
describe('the discussion against the reference server', () => {
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

  async function open(path: string, page?: Page): Promise<{ page: Page; errors: string[] }> {
    const tab = page ?? (await browser.newPage({ viewport: { width: 800, height: 900 } }));
    const errors = watchErrors(tab);
    await tab.goto(`${server.origin}/${path}`);
    await tab.addStyleTag({ content: AGGRESSIVE });
    return { page: tab, errors };
  }

  it('veche-comments: a resident signs in with a voting code, comments with a stance and a name, replies, marks; the server keeps it', async () => {
    const [code] = await server.codes(1);
    const { page, errors } = await open('comments-thread.html');
    const first = page.locator('veche-comments').first();
    await expect.poll(() => shadow(first)).toContain('Официальный ответ');
    await expect.poll(() => first.locator('form').count()).toBe(1);
    await ownLook(page, 'veche-comments');
    expect(await axe(page, 'veche-comments')).toEqual([]);

    await first.getByLabel('Ваш комментарий').fill('Поддерживаю площадку, только с мягким покрытием!');
    await first.getByRole('radio', { name: 'За' }).check();
    await first.getByRole('checkbox', { name: /Показать моё имя/ }).check();
    await first.getByLabel('Имя', { exact: true }).fill('Татьяна');
    await first.getByRole('button', { name: 'Отправить' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox').first().fill(code!);
    await dialog.getByRole('button', { name: /Подтвердить/ }).click();
    await expect.poll(() => shadow(first)).toContain('Поддерживаю площадку, только с мягким покрытием!');
    await expect.poll(() => shadow(first)).toContain('Татьяна');

    await first.locator('[data-action=reply][data-id="c-1-2"]').click();
    await first.locator('[id="reply-c-1-2"]').fill('Стоянку не тронут, администрация ответила.');
    await first.locator('[id="reply-c-1-2"]').locator('xpath=ancestor::form').getByRole('button', { name: 'Отправить' }).click();
    await expect.poll(() => shadow(first)).toContain('Стоянку не тронут');
    const mark = first.locator('[data-action=mark][data-id="c-1-3"]');
    await mark.click();
    await expect.poll(() => mark.getAttribute('aria-pressed')).toBe('true');

    // The server has it all, with the name consent on record and nothing private in public.
    const rows = await server.server.ctx.db.selectFrom('comments').select(['body', 'author_name', 'stance', 'consents', 'parent_id']).where('resident_id', 'like', 'code-%').execute();
    expect(rows.map((r) => r.body).sort()).toEqual(['Поддерживаю площадку, только с мягким покрытием!', 'Стоянку не тронут, администрация ответила.']);
    expect(rows.find((r) => r.parent_id === null)).toMatchObject({ author_name: 'Татьяна', stance: 'for' });
    expect(JSON.parse(rows.find((r) => r.parent_id === null)!.consents!)[0]).toMatchObject({ kind: 'publish-name', version: 'veche-comment-name-1' });
    const publicPage = await fetch(`${server.api}/projects/demo-1/comments`).then((r) => r.text());
    expect(publicPage).toContain('Татьяна');
    expect(publicPage).not.toMatch(/code-|127\.0\.0\.1|consents/);
    expect((await fetch(`${server.api}/projects/demo-1/comments`).then((r) => r.json() as Promise<{ items: { id: string; useful: number }[] }>)).items.find((c) => c.id === 'c-1-3')!.useful).toBe(3);

    // A reload shows the resident's comment and reply with their edit buttons (the session is kept).
    await page.reload();
    await page.addStyleTag({ content: AGGRESSIVE });
    await expect.poll(() => first.locator('[data-action=edit]').count()).toBe(2);
    expect(await axe(page, 'veche-comments')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('veche-poll: a device answers the town-wide poll once, even after clearing its storage; the closed poll shows its results', async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
    const { page, errors } = await open('comments-poll.html', await context.newPage());
    const open_ = page.locator('veche-poll').first();
    const closed = page.locator('veche-poll').nth(1);
    await expect.poll(() => shadow(closed)).toContain('Ответили 132 жителя');
    await expect.poll(() => open_.locator('form').count()).toBe(1);
    await ownLook(page, 'veche-poll');
    expect(await axe(page, 'veche-poll')).toEqual([]);

    await open_.getByRole('checkbox', { name: 'Тротуары' }).check();
    await open_.getByRole('checkbox', { name: 'Другое' }).check();
    await open_.getByLabel('Ваш вариант').fill('Ремонт дворовых проездов');
    await open_.getByRole('button', { name: 'Ответить' }).click();
    await expect.poll(() => shadow(open_)).toContain('Ответили 215 жителей');
    expect(await axe(page, 'veche-poll')).toEqual([]);

    // Storage cleared: the same browser on the same address is still one device.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await expect.poll(() => shadow(open_)).toContain('Спасибо, ваш ответ учтён');
    expect(await open_.locator('form').count()).toBe(0);
    const answers = await server.server.ctx.db.selectFrom('poll_answers').select(['other', 'fingerprint']).where('poll_id', '=', 'demo-priorities').where('voter_key', 'like', 'd:%').execute();
    expect(answers).toHaveLength(1);
    expect(answers[0]!.other).toBe('Ремонт дворовых проездов');
    expect(answers[0]!.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('inside React 19 and Vue 3: the adapter goes in as a property, veche-comment and veche-poll-answer come out', async () => {
    const dir = await buildFrameworkApps(APPS, 'veche-comments and veche-poll');
    const apps = await serveStatic({ '/': `${dir}/` });
    try {
      for (const name of ['react', 'vue']) {
        const page = await browser.newPage();
        const errors = watchErrors(page);
        await page.goto(`${apps.url}/${name}/index.html`);
        const comments = page.locator('veche-comments');
        await comments.getByLabel('Ваш комментарий').fill(`Комментарий из ${name}`);
        await comments.getByRole('button', { name: 'Отправить' }).click();
        await expect.poll(() => shadow(comments), { message: name }).toContain(`Комментарий из ${name}`);
        const poll = page.locator('veche-poll');
        await poll.getByRole('checkbox', { name: 'Парки и скверы' }).check();
        await poll.getByRole('button', { name: 'Ответить' }).click();
        await expect.poll(() => page.getByTestId('events').textContent(), { message: name }).toBe('veche-comment veche-poll-answer');
        expect(await axe(page, 'veche-comments, veche-poll'), name).toEqual([]);
        expect(errors, name).toEqual([]);
        await page.close();
      }
    } finally {
      await apps.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
