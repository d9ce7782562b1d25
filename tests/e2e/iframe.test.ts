import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoFixture } from '@veche/core/memory';
import type { Browser, Frame, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putCampaign } from '../../packages/server/src/index.ts';
import { launch, watchErrors } from './support/browser.ts';
import { startE2EServer, type E2EServer } from './support/server.ts';
import { serveStatic } from './support/static-server.ts';

/** A host page: `frames` are iframe tags, `snippet` whether it loads embed.js. */
const hostPage = (veche: string, frames: string, snippet = true) => `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><title>Сайт города</title>
<style>body { margin: 0; font: 16px sans-serif; } iframe { display: block; width: 100%; border: 0; }</style>
</head><body>
<h1>Сайт администрации</h1>
${frames}
<p id="after">Текст после виджетов</p>
${snippet ? `<script src="${veche}/veche/embed.js" async></script>` : ''}
</body></html>`;

/** A page on a third origin that claims to be a Veche frame: it sends resize messages to its parent. */
const FORGER = `<!doctype html><html><head><meta charset="utf-8"><title>forger</title></head><body>
<script>setInterval(() => parent.postMessage({ type: 'veche:resize', height: 777 }, '*'), 50);</script>
</body></html>`;

/**
 * Iframe mode across origins: the reference server (origin A) serves `/embed/<element>` pages; a city
 * page on origin B frames them and loads the host snippet; origin C is neither the server nor allowed.
 * Needs the bundle (`npm run build`).
 */
describe('iframe mode on another origin', () => {
  let server: E2EServer;
  let browser: Browser;
  let dir: string;
  let host: Awaited<ReturnType<typeof serveStatic>>;
  let other: Awaited<ReturnType<typeof serveStatic>>;

  beforeAll(async () => {
    server = await startE2EServer();
    dir = mkdtempSync(join(tmpdir(), 'veche-iframe-hosts-'));
    host = await serveStatic({ '/': dir });
    other = await serveStatic({ '/': dir });
    // The demo campaign may be framed by the city's page (B) only.
    await putCampaign(server.server.ctx, demoFixture(new Date()).campaign, [host.url]);
    await server.phase('support');
    const a = server.origin;
    const vote = `${a}/embed/vote-button?campaign=demo&project=demo-8`;
    writeFileSync(
      join(dir, 'host.html'),
      hostPage(
        a,
        `<iframe data-veche id="vote" title="Поддержать проект" src="${vote}" height="40"></iframe>
<iframe data-veche id="meter" title="Поддержка проекта" src="${a}/embed/progress-meter?campaign=demo&project=demo-8&view=support" height="500"></iframe>
<iframe id="unmarked" title="Этапы" src="${a}/embed/progress-meter?campaign=demo&view=timeline" height="123"></iframe>`,
      ),
    );
    writeFileSync(join(dir, 'plain.html'), hostPage(a, `<iframe data-veche id="list" title="Проекты" src="${a}/embed/project-list?campaign=demo&page-size=3" height="300"></iframe>`, false));
    writeFileSync(join(dir, 'forger.html'), FORGER);
    writeFileSync(
      join(dir, 'forged.html'),
      hostPage(a, `<iframe data-veche id="vote" title="Поддержать проект" src="${vote}" height="40"></iframe>\n<iframe id="forger" title="Реклама" src="${other.url}/forger.html" height="50"></iframe>`),
    );
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await other?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const frameOf = (page: Page, id: string): Promise<Frame> =>
    page
      .locator(`#${id}`)
      .elementHandle()
      .then((h) => h!.contentFrame())
      .then((f) => f!);
  const boxHeight = (page: Page, id: string) => page.locator(`#${id}`).evaluate((el) => el.getBoundingClientRect().height);
  /** How tall the framed page's content is (what the reporter measures). */
  const contentHeight = (frame: Frame) => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));

  async function open(file: string, origin = host.url): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
    const errors = watchErrors(page);
    await page.goto(`${origin}/${file}`);
    return { page, errors };
  }

  it('makes each <iframe data-veche> as tall as its content, and leaves other iframes alone', async () => {
    const { page, errors } = await open('host.html');
    const vote = await frameOf(page, 'vote');
    const meter = await frameOf(page, 'meter');
    await vote.getByRole('button', { name: /Поддержать/ }).waitFor();
    await expect.poll(async () => (await boxHeight(page, 'vote')) - (await contentHeight(vote))).toBe(0);
    // Grown from 40 px and shrunk from 500 px.
    expect(await boxHeight(page, 'vote')).toBeGreaterThan(60);
    await meter.getByRole('meter').waitFor();
    await expect.poll(async () => (await boxHeight(page, 'meter')) - (await contentHeight(meter))).toBe(0);
    expect(await boxHeight(page, 'meter')).toBeLessThan(500);
    // Nothing scrolls inside a sized frame.
    expect(await vote.evaluate(() => document.documentElement.scrollHeight <= innerHeight)).toBe(true);
    expect(await boxHeight(page, 'unmarked')).toBe(123);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('works inside the frame: a resident signs in and supports; the frame grows for the dialog and shrinks after', async () => {
    const [code] = await server.codes(1);
    const { page, errors } = await open('host.html');
    const vote = await frameOf(page, 'vote');
    const button = vote.getByRole('button', { name: /Поддержать/ });
    await button.waitFor();
    await expect.poll(async () => (await boxHeight(page, 'vote')) - (await contentHeight(vote))).toBe(0);
    const closed = await boxHeight(page, 'vote');

    await button.click();
    const dialog = vote.getByRole('dialog');
    await dialog.getByRole('textbox').first().waitFor();
    // The whole dialog fits in the frame: it is not squeezed into the button's height.
    await expect.poll(() => boxHeight(page, 'vote')).toBeGreaterThan(closed + 100);
    const fits = await vote.evaluate(() => {
      const find = (root: Document | ShadowRoot): HTMLDialogElement | undefined => {
        for (const el of root.querySelectorAll('*')) {
          if (el instanceof HTMLDialogElement && el.open) return el;
          const inner = el.shadowRoot && find(el.shadowRoot);
          if (inner) return inner;
        }
        return undefined;
      };
      const d = find(document)!;
      return d.scrollHeight <= d.clientHeight && d.getBoundingClientRect().bottom <= innerHeight;
    });
    expect(fits).toBe(true);

    await dialog.getByRole('textbox').first().fill(code!);
    await dialog.getByRole('button', { name: /Подтвердить/ }).click();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
    const support = await fetch(`${server.api}/projects/demo-8/support`).then((r) => r.json() as Promise<{ count: number; supported?: boolean }>);
    expect(support.count).toBe(403);
    // Back to the button's own height once the dialog is gone.
    await expect.poll(async () => (await boxHeight(page, 'vote')) - (await contentHeight(vote))).toBe(0);
    expect(await boxHeight(page, 'vote')).toBeLessThan(closed + 60);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('believes only its frames, from their own origin: not the page, another frame, or a frame that navigated away', async () => {
    const { page } = await open('forged.html');
    const vote = await frameOf(page, 'vote');
    await vote.getByRole('button', { name: /Поддержать/ }).waitFor();
    await expect.poll(async () => (await boxHeight(page, 'vote')) - (await contentHeight(vote))).toBe(0);
    const sized = await boxHeight(page, 'vote');

    // The host page itself and the forger's frame (origin C, sending 777 every 50 ms).
    await page.evaluate(() => window.postMessage({ type: 'veche:resize', height: 999 }, '*'));
    await page.waitForTimeout(300);
    expect(await boxHeight(page, 'vote')).toBe(sized);
    expect(await boxHeight(page, 'forger')).toBe(50);

    // The Veche frame is navigated to origin C, whose page now sends from inside the data-veche frame.
    await vote.evaluate((url) => void (location.href = url), `${other.url}/forger.html`);
    await expect.poll(() => vote.url()).toContain(other.url);
    await page.waitForTimeout(300);
    expect(await boxHeight(page, 'vote')).toBe(sized);
    // A malformed message is ignored too.
    await page.evaluate(() => window.postMessage({ type: 'veche:resize', height: 'a lot' }, '*'));
    expect(await boxHeight(page, 'vote')).toBe(sized);
    await page.close();
  });

  it('may not be framed by an origin the campaign does not list', async () => {
    const { page } = await open('host.html', other.url);
    const refused: string[] = [];
    page.on('console', (m) => m.text().includes('frame-ancestors') && refused.push(m.text()));
    await page.reload();
    await expect.poll(() => refused.length).toBeGreaterThan(0);
    const vote = await frameOf(page, 'vote');
    expect(await vote.evaluate(() => document.querySelector('veche-vote-button')).catch(() => null)).toBeNull();
    await page.close();
  });

  it('without the snippet keeps the iframe\'s own height, scrolls inside it, and still works', async () => {
    const { page, errors } = await open('plain.html');
    const list = await frameOf(page, 'list');
    await list.getByRole('listitem').first().waitFor();
    await page.waitForTimeout(300);
    expect(await boxHeight(page, 'list')).toBe(300);
    expect(await list.evaluate(() => document.documentElement.scrollHeight > innerHeight)).toBe(true);
    await list.evaluate(() => scrollTo(0, 10_000));
    expect(await list.evaluate(() => scrollY)).toBeGreaterThan(0);
    // Searching narrows the list inside the frame.
    await list.getByRole('searchbox').fill('Тротуар');
    await expect.poll(() => list.getByRole('heading').allTextContents().then((t) => t.map((s) => s.trim()))).toEqual(['Тротуар к поликлинике по улице Гагарина']);
    expect(errors).toEqual([]);
    await page.close();
  });
});
