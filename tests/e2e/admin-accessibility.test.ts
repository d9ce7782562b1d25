import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../packages/admin/src/i18n.en.ts';
import { ru, type Terms } from '../../packages/admin/src/i18n.ts';
import { type AdminServer, expectAccessible, expectNoSidewaysScroll, openConsole, signIn, startAdminServer } from './support/admin.ts';
import { launch } from './support/browser.ts';

/** The text of an element's shadow root, for waiting on what it renders. */
const shadowText = (page: Page, selector: string) => page.locator(selector).first().evaluate((el) => el.shadowRoot?.textContent ?? '');

interface Screen {
  name: string;
  hash: string;
  heading: (t: Terms) => string | RegExp;
  /** Waits until the screen shows its data; may open a part of it (an editor, a dialog) for axe to see. */
  ready: (page: Page, t: Terms) => Promise<void>;
}

const SCREENS: Screen[] = [
  {
    name: 'campaigns',
    hash: '#/',
    heading: (t) => t.campaigns.title,
    ready: async (page) => void (await page.getByRole('link', { name: /Кедровогорска/ }).waitFor()),
  },
  {
    name: 'new campaign',
    hash: '#/new',
    heading: (t) => t.editor.newTitle,
    ready: async (page, t) => {
      await expect.poll(() => shadowText(page, 'veche-admin-campaign-editor >> veche-budget-ballot')).toContain(t.editor.sampleTitles[0]);
    },
  },
  {
    name: 'campaign editor',
    hash: '#/c/demo/settings',
    heading: () => /Кедровогорска/,
    ready: async (page) => {
      await page.locator('#locked-note').waitFor();
      await expect.poll(() => shadowText(page, 'veche-admin-campaign-editor >> veche-budget-ballot')).toContain('₽');
      await expect.poll(() => page.locator('veche-admin-campaign-editor >> veche-project-map').count()).toBe(1);
    },
  },
  {
    name: 'moderation: ideas with the editor and history',
    hash: '#/c/demo/ideas',
    heading: (t) => t.moderation.title,
    ready: async (page, t) => {
      const queue = page.locator('veche-admin-moderation');
      await queue.locator('[data-row="0"]').click();
      await queue.getByRole('heading', { level: 3, name: t.moderation.history }).waitFor();
    },
  },
  {
    name: 'moderation: the reject dialog',
    hash: '#/c/demo/ideas',
    heading: (t) => t.moderation.title,
    ready: async (page, t) => {
      const queue = page.locator('veche-admin-moderation');
      await queue.locator('[data-row="0"]').focus();
      await page.keyboard.press('r');
      await queue.getByRole('dialog').getByLabel(t.moderation.reasonRequired).waitFor();
    },
  },
  {
    name: 'moderation: the keyboard help',
    hash: '#/c/demo/ideas',
    heading: (t) => t.moderation.title,
    ready: async (page, t) => {
      const queue = page.locator('veche-admin-moderation');
      await queue.locator('[data-row="0"]').focus();
      await page.keyboard.press('?');
      await queue.getByRole('dialog', { name: t.moderation.shortcuts }).waitFor();
    },
  },
  {
    name: 'moderation: comments',
    hash: '#/c/demo/ideas',
    heading: (t) => t.moderation.title,
    ready: async (page, t) => {
      const queue = page.locator('veche-admin-moderation');
      await queue.getByRole('button', { name: t.moderation.comments }).click();
      await queue.getByLabel(t.moderation.queue).waitFor();
      await expect.poll(() => queue.getByText(t.app.loading).count()).toBe(0);
    },
  },
  {
    name: 'projects with the editor open',
    hash: '#/c/demo/projects',
    heading: (t) => t.projects.title,
    ready: async (page, t) => {
      const projects = page.locator('veche-admin-projects');
      await projects.locator('tbody th button').first().click();
      await projects.getByRole('button', { name: t.projects.addMilestone }).waitFor();
    },
  },
  {
    name: 'news',
    hash: '#/c/demo/news',
    heading: (t) => t.news.title,
    ready: async (page) => void (await page.locator('veche-admin-news li').first().waitFor()),
  },
  {
    name: 'voting codes with a printed batch',
    hash: '#/c/demo/codes',
    heading: (t) => t.codes.title,
    ready: async (page, t) => {
      const codes = page.locator('veche-admin-codes');
      await codes.getByLabel(t.codes.count).fill('2');
      await codes.getByRole('button', { name: t.codes.generate }).click();
      await expect.poll(() => codes.locator('.letters li').count()).toBe(2);
    },
  },
  {
    name: 'results and participation',
    hash: '#/c/demo/results',
    heading: (t) => t.results.title,
    ready: async (page, t) => {
      const results = page.locator('veche-admin-results');
      await results.getByRole('button', { name: t.results.saveOffline }).waitFor();
    },
  },
  {
    name: 'embed snippets with a live preview',
    hash: '#/c/demo/embed',
    heading: (t) => t.embed.title,
    ready: async (page) => {
      await expect.poll(() => shadowText(page, 'veche-admin-embed >> veche-budget-ballot')).toContain('₽');
    },
  },
  {
    name: 'staff',
    hash: '#/staff',
    heading: (t) => t.staff.title,
    ready: async (page) => void (await page.locator('veche-admin-staff tbody tr').first().waitFor()),
  },
  {
    name: 'audit log',
    hash: '#/audit',
    heading: (t) => t.audit.title,
    ready: async (page) => void (await page.locator('veche-admin-audit ol li').first().waitFor()),
  },
  {
    name: 'account with the second factor being set up',
    hash: '#/account',
    heading: (t) => t.account.title,
    ready: async (page, t) => {
      const account = page.locator('veche-admin-account');
      await account.getByRole('button', { name: t.account.totpBegin }).click();
      await account.locator('#secret').waitFor();
    },
  },
];

/**
 * axe on every screen of the console, in Russian and in English and in the light, dark and low-vision
 * themes: each screen with its data loaded and, where it has one, its editor or dialog open; none
 * scrolls sideways at 200 % zoom. The page's language follows the console's.
 */
describe('administration console: every screen passes axe', () => {
  let server: AdminServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    server = await startAdminServer();
    browser = await launch();
    const admin = await server.staff('a11y@kedrovogorsk.example', 'administrator');
    ({ page, errors } = await openConsole(browser, server));
    await signIn(page, admin.email, admin.password);
    await page.getByRole('heading', { level: 1, name: ru.campaigns.title }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const passes = [
    ['ru', ru, 'light'],
    ['en', en, 'dark'],
    ['ru', ru, 'contrast'],
  ] as const;
  for (const [locale, t, theme] of passes) {
    describe(`${locale}, ${theme} theme`, () => {
      beforeAll(async () => {
        await page.getByRole('combobox', { name: /^(Язык|Language)/ }).selectOption(locale);
        await page.getByRole('combobox', { name: /^(Оформление|Theme)/ }).selectOption(theme);
        expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dataset['theme']])).toEqual([locale, theme]);
      });

      for (const screen of SCREENS) {
        it(screen.name, async () => {
          errors.length = 0;
          // Through the campaigns list first, so each screen is a fresh element that loads its data.
          await page.evaluate(() => (location.hash = '#/'));
          await page.getByRole('heading', { level: 1, name: t.campaigns.title }).waitFor();
          await page.evaluate((hash) => (location.hash = hash), screen.hash);
          const heading = screen.heading(t);
          if (typeof heading === 'string') await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(heading);
          else await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(heading);
          await screen.ready(page, t);
          await expect.poll(() => page.getByText(t.app.loading, { exact: true }).count()).toBe(0);
          await expectAccessible(page, `${screen.name} (${locale}, ${theme})`);
          await page.setViewportSize({ width: 640, height: 900 });
          await expectNoSidewaysScroll(page, `${screen.name} (${locale}, ${theme}) at 200 %`);
          await page.setViewportSize({ width: 1280, height: 900 });
          await page.keyboard.press('Escape');
          expect(errors).toEqual([]);
        });
      }
    });
  }
});
