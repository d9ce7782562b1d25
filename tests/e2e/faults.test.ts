import { error as errorText } from '@veche/core/ru';
import type { Browser, BrowserContext, Page, Route } from 'playwright';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listIdeas } from '../../packages/server/src/index.ts';
import { storedBallots } from './support/ballot-campaigns.ts';
import { launch, watchErrors } from './support/browser.ts';
import { startE2EServer, type E2EServer } from './support/server.ts';

/** The elements of faults.html that load their data on their own (veche-project-detail loads when opened). */
const TAGS = [
  'veche-project-list',
  'veche-project-map',
  'veche-progress-meter',
  'veche-vote-button',
  'veche-results',
  'veche-budget-ballot',
  'veche-idea-form',
  'veche-comments',
] as const;
type Tag = (typeof TAGS)[number];

/** Something each element only shows once its data is in (the demo campaign in its voting phase). */
const LOADED: Record<Tag, string> = {
  'veche-project-list': 'Пешеходный переход с подсветкой у школы',
  'veche-project-map': 'Без места на карте: 2 проекта',
  'veche-progress-meter': '402 подписи',
  'veche-vote-button': 'Этот проект не участвует в голосовании',
  'veche-results': 'Итоги голосования будут опубликованы',
  'veche-budget-ballot': 'Голосование закроется через',
  'veche-idea-form': 'Приём идей завершился',
  // The thread and the comment form (downloaded on first use).
  'veche-comments': 'Ваш комментарий',
};

/** How long a poll waits for the page: the adapter's two retries after a failure take up to 1.4 s. */
const WAIT = { timeout: 10_000 };

/** The detail dialog opens on this project. */
const DETAIL = { id: 'demo-8', title: 'Скамейки и урны на Садовой' };

/** What the reference server answers when it fails inside (packages/server/src/http/errors.ts). */
const SERVER_500 = JSON.stringify({ error: { code: 'unavailable', message: 'The server failed to answer; try again later' } });

interface Shown {
  tag: string;
  /** The text of the element's alerts (role=alert with words in it), joined. */
  alert: string;
  /** An alert is on screen (not hidden, not zero-sized). */
  visible: boolean;
  busy: boolean;
  retry: boolean;
  text: string;
}

/** What each element shows now, read from its shadow root. */
function shown(page: Page, tags: readonly string[] = TAGS): Promise<Shown[]> {
  return page.evaluate(
    (list) =>
      list.map((tag) => {
        const root = document.querySelector(tag)?.shadowRoot;
        const words = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
        const alerts = [...(root?.querySelectorAll<HTMLElement>('[role=alert]') ?? [])].filter((a) => words(a) !== '');
        return {
          tag,
          alert: alerts.map(words).join(' | '),
          visible: alerts.some((a) => a.checkVisibility({ visibilityProperty: true, opacityProperty: true }) && a.getBoundingClientRect().height > 0),
          busy: !!root?.querySelector('[aria-busy=true]'),
          retry: !!root?.querySelector('[part~=retry]'),
          text: words(root),
        };
      }),
    tags,
  );
}

/** The `veche-error` events that reached the document, by the element that sent them. */
const reported = (page: Page) => page.evaluate(() => (window as unknown as { vecheErrors: { tag: string; code: string }[] }).vecheErrors);

/**
 * What went wrong besides the injected faults: uncaught errors, console errors, and failed requests for
 * anything but the API (a script or a chunk of the bundle).
 */
const unexpected = (errors: string[]) =>
  errors.filter((e) => {
    const request = /^(?:\d{3}|failed) (\S+?):?(?: |$)/.exec(e);
    return !request || !new URL(request[1]!).pathname.startsWith('/api/');
  });

/** Every element shows the resident's sentence for `code` in a visible alert with a retry button, and sent `code` as veche-error. */
async function expectFailing(page: Page, code: keyof typeof errorText, tags: readonly string[] = TAGS): Promise<void> {
  await expect
    .poll(async () => (await shown(page, tags)).filter((s) => !s.retry).map((s) => s.tag), { timeout: 20_000, message: 'elements without a retry button' })
    .toEqual([]);
  for (const s of await shown(page, tags)) {
    expect(s.alert, s.tag).toContain(errorText[code]);
    expect(s.visible, s.tag).toBe(true);
    expect(s.busy, s.tag).toBe(false);
  }
  const events = await reported(page);
  for (const tag of tags) expect(events, tag).toContainEqual({ tag, code });
}

/** Every element shows its data: no alert, not loading, its own words on screen. */
async function expectLoaded(page: Page, timeout = 15_000): Promise<void> {
  await expect
    .poll(async () => (await shown(page)).filter((s) => s.alert || s.busy || !s.text.includes(LOADED[s.tag as Tag])).map((s) => s.tag), {
      timeout,
      message: 'elements not showing their data',
    })
    .toEqual([]);
}

/** Each element's own retry button, pressed once. */
async function retryAll(page: Page): Promise<void> {
  for (const tag of TAGS) await page.locator(tag).locator('[part~=retry]').first().click();
}

/** Opens the detail dialog on DETAIL (while a fault lasts: it loads the project then). */
async function openDetail(page: Page): Promise<void> {
  await page.evaluate((id) => void document.querySelector<HTMLElement & { show(id: string): Promise<void> }>('veche-project-detail')!.show(id), DETAIL.id);
}

/** The detail dialog's retry brings the project; then it closes. */
async function detailRecovers(page: Page): Promise<void> {
  const detail = page.locator('veche-project-detail');
  await detail.locator('[part~=retry]').first().click();
  await expect
    .poll(async () => (await shown(page, ['veche-project-detail']))[0], WAIT)
    .toMatchObject({ alert: '', busy: false, text: expect.stringContaining(DETAIL.title) as string });
  await detail.locator('[part~=close]').click();
}

/** The detail dialog opened while the fault lasts says so; once `lift`ed, its retry brings the project. */
async function detailFails(page: Page, code: keyof typeof errorText, lift: () => Promise<void>): Promise<void> {
  await openDetail(page);
  await expectFailing(page, code, ['veche-project-detail']);
  await lift();
  await detailRecovers(page);
}

/**
 * Issue 8, browser faults: every element that talks to the API, from the one-script bundle against the
 * reference server, under a server error, a malformed answer, a connection that times out or is refused,
 * the adapter's own timeout, 5 s answers, and the browser offline. Each shows a clear message in itself,
 * sends veche-error, throws nothing, and its retry brings the data back once the fault is lifted; what a
 * resident typed survives failed submits and a reload. Needs `npm run build`.
 */
describe('the elements under network and server faults', () => {
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

  beforeEach(async () => {
    await server.phase('voting');
  });

  async function open(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    await context.addInitScript(() => {
      const list: { tag: string; code: string }[] = [];
      (window as unknown as { vecheErrors: typeof list }).vecheErrors = list;
      document.addEventListener('veche-error', (e) => list.push({ tag: (e.target as Element).localName, code: (e as CustomEvent<{ code: string }>).detail.code }));
    });
    const page = await context.newPage();
    return { context, page, errors: watchErrors(page) };
  }

  const FAULTS: { name: string; code: keyof typeof errorText; answer: (route: Route) => Promise<void> }[] = [
    { name: 'the server answers 500', code: 'unavailable', answer: (r) => r.fulfill({ status: 500, contentType: 'application/json', body: SERVER_500 }) },
    { name: 'malformed JSON', code: 'invalid-response', answer: (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '{"items": [' }) },
    { name: 'the connection times out', code: 'network', answer: (r) => r.abort('timedout') },
    { name: 'the connection is refused', code: 'network', answer: (r) => r.abort('connectionrefused') },
  ];

  for (const fault of FAULTS) {
    it(`${fault.name}: each element says so, and its retry brings the data back`, async () => {
      const { context, page, errors } = await open();
      await page.route('**/api/**', fault.answer);
      await page.goto(`${server.origin}/faults.html`);
      await expectFailing(page, fault.code);
      await detailFails(page, fault.code, () => page.unrouteAll());
      await retryAll(page);
      await expectLoaded(page);
      expect(unexpected(errors)).toEqual([]);
      await context.close();
    });
  }

  it('offline and back online: each element says there is no connection, and its retry brings the data back', async () => {
    const { context, page, errors } = await open();
    await page.goto(`${server.origin}/faults.html`);
    await expectLoaded(page);
    await context.setOffline(true);
    // The page shows its elements again while offline (as an app does on another view): each loads anew.
    await page.evaluate(() => {
      const provider = document.querySelector('veche-provider')!;
      provider.replaceWith(provider.cloneNode(true));
    });
    await expectFailing(page, 'network');
    await detailFails(page, 'network', () => context.setOffline(false));
    await retryAll(page);
    await expectLoaded(page);
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });

  it("the adapter's own timeout (15 s an attempt, two retries, on the page's clock): each element says the server did not answer", async () => {
    const { context, page, errors } = await open();
    await page.clock.install();
    const held: Route[] = [];
    await page.route('**/api/**', (route) => void held.push(route));
    await page.goto(`${server.origin}/faults.html`);
    await expect.poll(() => held.length, WAIT).toBeGreaterThan(0);
    await openDetail(page);
    const all = [...TAGS, 'veche-project-detail'];
    // Three attempts of 15 s with the back-off between: about 46 s of the page's time, 2 s a step.
    for (let s = 0; s < 90 && (await shown(page, all)).some((x) => !x.retry); s += 2) await page.clock.runFor(2_000);
    await expectFailing(page, 'timeout', all);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await detailRecovers(page);
    await retryAll(page);
    await expectLoaded(page);
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });

  it('answers that take 5 s: each element shows that it is loading, no error, then its data', async () => {
    const { context, page, errors } = await open();
    let release!: () => void;
    const checked = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/**', async (route) => {
      await Promise.all([new Promise((r) => setTimeout(r, 5_000)), checked]);
      await route.continue();
    });
    const started = Date.now();
    await page.goto(`${server.origin}/faults.html`);
    await expect.poll(async () => (await shown(page)).filter((s) => !s.busy || s.alert).map((s) => s.tag), WAIT).toEqual([]);
    for (const s of await shown(page)) expect(s.text, s.tag).toContain('Загрузка');
    release();
    // Sampled while waiting: never an alert.
    const samples: Shown[][] = [];
    await expect
      .poll(
        async () => {
          const now = await shown(page);
          samples.push(now);
          return now.filter((s) => s.busy || !s.text.includes(LOADED[s.tag as Tag])).map((s) => s.tag);
        },
        { timeout: 40_000, interval: 500 },
      )
      .toEqual([]);
    console.log(`5 s answers: every element showed its data after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(samples.flat().filter((s) => s.alert)).toEqual([]);
    expect(await reported(page)).toEqual([]);
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });

  it('veche-idea-form: what a resident typed survives a 500, being offline and a reload, and is sent once back online', async () => {
    await server.phase('ideas');
    const { context, page, errors } = await open();
    await page.goto(`${server.origin}/faults.html`);
    const form = page.locator('veche-idea-form');
    const title = form.getByLabel(/Название идеи/);
    const description = form.getByLabel(/^Описание/);
    const typed = { title: 'Питьевые фонтанчики в парке', description: 'Три фонтанчика с питьевой водой у детской площадки, у фонтана и у входа в парк Победы.' };
    await title.fill(typed.title);
    await description.fill(typed.description);
    await form.getByLabel(/Электронная почта или телефон/).fill('fountain@example.ru');
    await form.getByLabel(/согласие на обработку/).check();
    const kept = async () => expect({ title: await title.inputValue(), description: await description.inputValue() }).toEqual(typed);
    const failure = () => form.locator('[part~=error][role=alert]');

    // The server fails inside: the form says the idea was not sent and that everything is kept.
    await page.route('**/api/campaigns/demo/ideas', (route) =>
      route.request().method() === 'POST' ? route.fulfill({ status: 500, contentType: 'application/json', body: SERVER_500 }) : route.fallback(),
    );
    await form.getByRole('button', { name: 'Отправить идею' }).click();
    await expect.poll(() => failure().textContent(), WAIT).toContain(errorText.unavailable);
    expect(await failure().textContent()).toContain('Идея не отправлена');
    expect(await failure().textContent()).toContain('сохранено');
    await kept();
    expect(await reported(page)).toContainEqual({ tag: 'veche-idea-form', code: 'unavailable' });

    // A reload: the draft comes back (consent is asked again, on purpose).
    await page.reload();
    await expect.poll(() => title.inputValue(), WAIT).toBe(typed.title);
    await kept();
    await expect.poll(() => shown(page, ['veche-idea-form']).then(([s]) => s!.text), WAIT).toContain('восстановили черновик');
    await form.getByLabel(/согласие на обработку/).check();

    // Offline: not sent, still kept.
    await page.unrouteAll();
    await context.setOffline(true);
    await form.getByRole('button', { name: 'Отправить идею' }).click();
    await expect.poll(() => failure().textContent(), WAIT).toContain(errorText.network);
    await kept();

    // Back online: the same form sends, and the server has the idea once.
    await context.setOffline(false);
    await form.getByRole('button', { name: 'Отправить идею' }).click();
    await expect.poll(() => shown(page, ['veche-idea-form']).then(([s]) => s!.text), WAIT).toContain('Идея отправлена');
    const ideas = (await listIdeas(server.server.ctx, 'demo')).filter((i) => JSON.stringify(i).includes(typed.title));
    expect(ideas).toHaveLength(1);
    // Sent, the draft is gone: a reload shows an empty form.
    await page.reload();
    await expect.poll(() => form.getByLabel(/Название идеи/).count(), WAIT).toBe(1);
    expect(await title.inputValue()).toBe('');
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });

  it('veche-comments: a comment survives a 500 after signing in, a reload and being offline, and is posted once back online', async () => {
    const [code] = await server.codes(1);
    const { context, page, errors } = await open();
    await page.goto(`${server.origin}/faults.html`);
    const comments = page.locator('veche-comments');
    const box = comments.getByLabel('Ваш комментарий');
    const typed = 'Площадку нужно сделать с навесом: летом там солнце весь день.';
    await box.fill(typed);
    const failure = () => comments.locator('[id="new-error"]');

    await page.route('**/api/projects/demo-1/comments', (route) =>
      route.request().method() === 'POST' ? route.fulfill({ status: 500, contentType: 'application/json', body: SERVER_500 }) : route.fallback(),
    );
    await comments.getByRole('button', { name: 'Отправить' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox').first().fill(code!);
    await dialog.getByRole('button', { name: /Подтвердить/ }).click();
    await expect.poll(() => failure().textContent(), WAIT).toContain(errorText.unavailable);
    expect(await box.inputValue()).toBe(typed);
    expect(await reported(page)).toContainEqual({ tag: 'veche-comments', code: 'unavailable' });

    await page.reload();
    await expect.poll(() => box.inputValue(), WAIT).toBe(typed);

    await page.unrouteAll();
    await context.setOffline(true);
    await comments.getByRole('button', { name: 'Отправить' }).click();
    await expect.poll(() => failure().textContent(), WAIT).toContain(errorText.network);
    expect(await box.inputValue()).toBe(typed);

    await context.setOffline(false);
    await comments.getByRole('button', { name: 'Отправить' }).click();
    await expect.poll(() => box.inputValue(), WAIT).toBe('');
    await expect.poll(() => shown(page, ['veche-comments']).then(([s]) => s!.text), WAIT).toContain(typed);
    const rows = await server.server.ctx.db.selectFrom('comments').select('body').where('body', '=', typed).execute();
    expect(rows).toHaveLength(1);
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });

  it('veche-budget-ballot: the choice survives a 500, a reload and being offline (for the review and for sending), and is sent once back online', async () => {
    const [code] = await server.codes(1);
    const { context, page, errors } = await open();
    // A chosen but unsent ballot asks before the page is left: the reload says yes.
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${server.origin}/faults.html`);
    const ballot = page.locator('veche-budget-ballot');
    const project = 'Освещение набережной Тубы';
    await ballot.getByRole('checkbox', { name: project }).check();
    const failure = () => ballot.locator('[part~=error][role=alert]');

    await page.route('**/api/campaigns/demo/ballot/submit', (route) => route.fulfill({ status: 500, contentType: 'application/json', body: SERVER_500 }));
    await ballot.getByRole('button', { name: 'Проверить и отправить' }).click();
    await ballot.getByRole('button', { name: 'Отправить голос' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox').first().fill(code!);
    await dialog.getByRole('button', { name: /Подтвердить/ }).click();
    await expect.poll(() => failure().textContent(), WAIT).toContain(errorText.unavailable);
    expect(await failure().getByRole('button', { name: 'Повторить' }).count()).toBe(1);
    expect(await reported(page)).toContainEqual({ tag: 'veche-budget-ballot', code: 'unavailable' });
    expect(await shown(page, ['veche-budget-ballot']).then(([s]) => s!.text)).toContain(project);

    // A reload: the choice is back.
    await page.reload();
    await expect.poll(() => ballot.getByRole('checkbox', { name: project }).isChecked(), WAIT).toBe(true);

    // Offline after the reload: the review part cannot be downloaded, and the ballot says so; the choice stays.
    await page.unrouteAll();
    await context.setOffline(true);
    await ballot.getByRole('button', { name: 'Проверить и отправить' }).click();
    await expect.poll(() => failure().textContent(), WAIT).toContain(errorText.network);
    expect(await ballot.getByRole('checkbox', { name: project }).isChecked()).toBe(true);

    // Online, its retry opens the review; offline again, sending fails and says so.
    await context.setOffline(false);
    await failure().getByRole('button', { name: 'Повторить' }).click();
    await ballot.getByRole('button', { name: 'Отправить голос' }).waitFor(WAIT);
    await context.setOffline(true);
    await ballot.getByRole('button', { name: 'Отправить голос' }).click();
    await expect.poll(() => failure().textContent(), WAIT).toContain(errorText.network);
    expect(await failure().textContent()).toContain('Голос не отправлен');
    expect(await shown(page, ['veche-budget-ballot']).then(([s]) => s!.text)).toContain(project);

    // Back online, the failure's own retry sends it, once.
    await context.setOffline(false);
    await failure().getByRole('button', { name: 'Повторить' }).click();
    await ballot.getByRole('heading', { name: 'Ваш голос учтён' }).waitFor(WAIT);
    const receipt = (await ballot.locator('[part~=code]').textContent())!.replace(/\s+/g, ' ').trim();
    const sent = (await storedBallots(server, 'demo')).filter((r) => r.receipt === receipt);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.selection).toContain('demo-2');
    // Requests refused while offline (the review part) were expected.
    expect(unexpected(errors).filter((e) => !e.endsWith('net::ERR_INTERNET_DISCONNECTED'))).toEqual([]);
    await context.close();
  });
});
