import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, launch, watchErrors } from './support/browser.ts';
import { serveStatic } from './support/static-server.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const TAGS = 'veche-vote-button, veche-progress-meter, veche-idea-form, veche-project-list, veche-project-map, veche-results, veche-share';

/**
 * The elements inside a host page whose CSS attacks everything it can reach: they keep their layout,
 * their own fonts and colours, stay accessible and keep working. Needs the bundle (`npm run build`).
 */
describe('a host page with aggressive global CSS', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let server: Awaited<ReturnType<typeof serveStatic>>;

  beforeAll(async () => {
    server = await serveStatic({ '/veche/': `${root}packages/elements/dist/`, '/': `${root}tests/e2e/hosts/` });
    browser = await launch();
    page = await browser.newPage();
    errors = watchErrors(page);
    await page.goto(`${server.url}/aggressive.html`);
    await page.locator('veche-vote-button').getByRole('button').first().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('keeps every element a visible block with its own text styles', async () => {
    await page.locator('veche-project-list').getByRole('listitem').first().waitFor();
    await page.locator('veche-share').getByRole('link').first().waitFor();
    const styles = await page.evaluate((TAGS) =>
      [...document.querySelectorAll(TAGS)].map((el) => {
        const base = el.shadowRoot!.querySelector('[part~="base"]')!;
        const s = getComputedStyle(base);
        const host = el.getBoundingClientRect();
        return {
          tag: el.localName,
          display: getComputedStyle(el).display,
          width: host.width,
          height: host.height,
          font: s.fontFamily,
          transform: s.textTransform,
          spacing: s.letterSpacing,
          color: s.color,
          align: s.textAlign,
        };
      }),
      TAGS,
    );
    expect(styles).toHaveLength(8);
    for (const s of styles) {
      expect(s.display, s.tag).toMatch(/block/);
      expect(s.width, s.tag).toBeGreaterThan(100);
      expect(s.height, s.tag).toBeGreaterThan(20);
      expect(s.font, s.tag).not.toContain('Comic Sans');
      expect(s.transform, s.tag).toBe('none');
      expect(s.spacing, s.tag).toBe('normal');
      expect(s.color, s.tag).toBe('rgb(27, 29, 33)');
      expect(s.align, s.tag).toBe('start');
    }
  });

  it('has no accessibility violations inside the elements', async () => {
    const violations = await axe(page, TAGS);
    expect(violations).toEqual([]);
  });

  it('still works: supporting a project updates the button', async () => {
    const button = page.locator('veche-vote-button').getByRole('button').first();
    await button.click();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
    expect(errors).toEqual([]);
  });
});
