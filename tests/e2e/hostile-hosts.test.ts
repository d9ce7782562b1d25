import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import type { Browser, Page } from 'playwright';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, watchErrors } from './support/browser.ts';
import { serveStatic } from './support/static-server.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** A folder to write each differing element's neutral, host and diff pictures to, for a look. */
const DIFFS = process.env['VECHE_HOSTILE_DIFFS'];

/** The elements of hosts/hostile-page.html, by id. */
const ELEMENTS = ['e-support', 'e-funding', 'e-timeline', 'e-vote', 'e-list', 'e-map', 'e-ballot', 'e-results', 'e-idea', 'e-share'] as const;

/**
 * How each host is compared with the neutral page, and why:
 * - `pixels`: the same element screenshots at the same width, pixel by pixel. Bootstrap 3 (html 10px,
 *   body 14px/1.43, `* { box-sizing }`), Bootstrap 5 (its reboot), a global `all: revert` reset with
 *   odd inherited text, and a 40 px root font size must change nothing inside the elements: not one
 *   pixel may differ (pixelmatch, colour threshold 0.1, anti-aliasing pixels ignored).
 * - `boxes at 2x`: CSS `zoom: 2` on the page. Text laid out at twice its size rounds its line boxes
 *   differently from text at its size (a tall element ends up to 0.3 % shorter or longer than twice
 *   its height), so pixels cannot match; every part's box must be twice the neutral one instead,
 *   within 2 px or 1 % of its position (rounding that adds up down a tall element).
 * - `mirrored boxes`: `dir="rtl"` legitimately mirrors the layout (the elements use logical
 *   properties), so pixels differ; every part keeps its size and sits at the mirrored place, within
 *   1 px (rounding of fractional positions).
 */
const HOSTS = [
  { host: 'bootstrap3', compare: 'pixels' },
  { host: 'bootstrap5', compare: 'pixels' },
  { host: 'reset', compare: 'pixels' },
  { host: 'huge-font', compare: 'pixels' },
  { host: 'zoom', compare: 'boxes at 2x' },
  { host: 'rtl', compare: 'mirrored boxes' },
] as const;

interface Shot {
  width: number;
  height: number;
  png: PNG;
}

interface PartBox {
  part: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Hostile host pages (hosts/hostile-page.html?host=…) against the neutral one: the elements look and
 * behave the same. Bootstrap's CSS comes from node_modules (devDependencies), never a CDN. Needs the
 * bundle (`npm run build`).
 */
describe('the elements on hostile host pages look the same as on a neutral page', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  const neutral = new Map<string, Shot>();
  let neutralBoxes: Map<string, { width: number; height: number; parts: PartBox[] }>;

  beforeAll(async () => {
    server = await serveStatic({
      '/veche/': `${root}packages/elements/dist/`,
      '/bootstrap3/': `${root}node_modules/bootstrap3/dist/css/`,
      '/bootstrap5/': `${root}node_modules/bootstrap5/dist/css/`,
      '/demo/': `${root}examples/demo/`,
      '/': `${root}tests/e2e/hosts/`,
    });
    browser = await launch();
    const { page } = await open('neutral');
    for (const id of ELEMENTS) neutral.set(id, await shoot(page, id));
    neutralBoxes = await boxes(page);
    await page.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The page on a host, every element loaded and settled (a window twice as wide for zoom: 2). */
  async function open(host: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: host === 'zoom' ? 1400 : 700, height: 900 }, reducedMotion: 'reduce' });
    const errors = watchErrors(page);
    // One moment for every page: dates and countdowns read the same on each.
    await page.clock.setFixedTime(new Date('2026-06-15T09:00:00Z'));
    await page.goto(`${server.url}/hostile-page.html?host=${host}`);
    for (const id of ELEMENTS) await settled(page, id);
    // The map has drawn its markers.
    await page.waitForFunction(() => document.getElementById('e-map')!.shadowRoot!.querySelector('[role=option]'));
    await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
    return { page, errors };
  }

  /** The element shows its content: no loading state, every photo in (nested shadow roots too). */
  async function settled(page: Page, id: string): Promise<void> {
    // Photos load lazily: bring the element into view first.
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await page.waitForFunction((id) => {
      const deep = (root: ShadowRoot | null): boolean =>
        !!root &&
        !root.querySelector('[part~=loading]') &&
        [...root.querySelectorAll('img')].every((img) => img.complete) &&
        [...root.querySelectorAll('*')].every((el) => !el.shadowRoot || deep(el.shadowRoot));
      const el = document.getElementById(id);
      return !!el?.shadowRoot?.querySelector('[part~=base]') && deep(el.shadowRoot);
    }, id);
  }

  async function shoot(page: Page, id: string): Promise<Shot> {
    await settled(page, id);
    const buffer = await page.locator(`#${id}`).screenshot({ animations: 'disabled', caret: 'hide', scale: 'device' });
    const png = PNG.sync.read(buffer);
    return { width: png.width, height: png.height, png };
  }

  /** The element's box and every visible part's box relative to it, in CSS px. */
  function boxes(page: Page): Promise<Map<string, { width: number; height: number; parts: PartBox[] }>> {
    return page
      .evaluate((ids) => {
        return ids.map((id) => {
          const host = document.getElementById(id)!;
          // Sticky parts sit where the scroll puts them: measure each element from the same scroll.
          host.scrollIntoView({ block: 'start', inline: 'start' });
          const r0 = host.getBoundingClientRect();
          const parts: PartBox[] = [];
          for (const el of host.shadowRoot!.querySelectorAll('[part]')) {
            const r = el.getBoundingClientRect();
            if (r.width && r.height) parts.push({ part: el.getAttribute('part')!, x: r.left - r0.left, y: r.top - r0.top, w: r.width, h: r.height });
          }
          return [id, { width: r0.width, height: r0.height, parts }] as const;
        });
      }, ELEMENTS as unknown as string[])
      .then((entries) => new Map(entries));
  }

  /** The share of pixels that differ (1 when the sizes differ). */
  function difference(a: Shot, b: Shot, name: string): number {
    const diff = DIFFS ? new PNG({ width: a.width, height: a.height }) : undefined;
    const share =
      a.width !== b.width || a.height !== b.height
        ? 1
        : pixelmatch(a.png.data, b.png.data, diff?.data, a.width, a.height, { threshold: 0.1, includeAA: false }) / (a.width * a.height);
    if (DIFFS && share > 0) {
      mkdirSync(DIFFS, { recursive: true });
      writeFileSync(join(DIFFS, `${name}-neutral.png`), PNG.sync.write(a.png));
      writeFileSync(join(DIFFS, `${name}-host.png`), PNG.sync.write(b.png));
      if (share < 1) writeFileSync(join(DIFFS, `${name}-diff.png`), PNG.sync.write(diff!));
    }
    return share;
  }

  for (const { host, compare } of HOSTS) {
    it(`${host}: ${compare}`, async () => {
      const { page, errors } = await open(host);
      if (compare === 'pixels') {
        const measured: Record<string, number> = {};
        for (const id of ELEMENTS) measured[id] = difference(neutral.get(id)!, await shoot(page, id), `${host}-${id}`);
        const over = Object.fromEntries(Object.entries(measured).filter(([, d]) => d > 0));
        expect(over, `share of differing pixels per element: ${JSON.stringify(measured)}`).toEqual({});
      } else {
        if (compare === 'mirrored boxes') {
          expect(await page.evaluate(() => getComputedStyle(document.getElementById('e-vote')!.shadowRoot!.querySelector('[part~=base]')!).direction)).toBe('rtl');
        }
        const scale = compare === 'boxes at 2x' ? 2 : 1;
        const measured = await boxes(page);
        for (const id of ELEMENTS) {
          const a = neutralBoxes.get(id)!;
          const b = measured.get(id)!;
          const near = (got: number, want: number) => Math.abs(got - want) <= (scale === 1 ? 1 : Math.max(2, want * 0.01));
          expect(b.parts.length, id).toBe(a.parts.length);
          expect(near(b.width, a.width * scale) && near(b.height, a.height * scale), `${id}: ${b.width}×${b.height}, neutral ${a.width}×${a.height}`).toBe(true);
          a.parts.forEach((p, i) => {
            const q = b.parts[i]!;
            const where = `${id} ${p.part} #${i}: ${JSON.stringify({ neutral: p, host: q })}`;
            expect(q.part, where).toBe(p.part);
            const x = compare === 'mirrored boxes' ? b.width - q.x - q.w : q.x;
            expect(near(q.w, p.w * scale) && near(q.h, p.h * scale) && near(q.y, p.y * scale) && near(x, p.x * scale), where).toBe(true);
          });
        }
      }
      expect(errors, errors.join('\n')).toEqual([]);
      await page.close();
    });
  }
});
