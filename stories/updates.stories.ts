import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { VecheAdapter } from '@veche/core';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../packages/elements/src/provider/define.ts';
import '../packages/elements/src/updates/define.ts';
import type { ThemeName } from '../packages/elements/src/styles/themes.ts';
import { withFaults } from './support/adapters.ts';
import { TRICKY_NEWS, manyNews, noNews, rawAdapter, reportingDemo, trickyNews } from './support/reporting-fixtures.ts';
import { inside, settledIn, shadowText } from './support/shadow.ts';

interface Args {
  theme: ThemeName;
  lang?: string;
  project?: string;
  limit?: number;
  /** Made per render, so every story starts from the same data. */
  adapter: () => VecheAdapter;
  /** The width of the box around the element (320px for a phone, or 200 % zoom of 640px). */
  width?: string;
}

const updatesOf = (canvas: HTMLElement, index = 0) => canvas.querySelectorAll('veche-updates')[index]!;
/** The list, a notice or an error. */
const settled = (canvas: HTMLElement, index = 0) => settledIn(canvas, 'veche-updates', '[part=list], [part=notice], [part=error]', index);

/**
 * `<veche-updates>` shows the news of a campaign (or of one project, `project="…"`) from the
 * administration: decisions, phases that began and milestones completed (the backend writes those by
 * itself), photos of the works with their text alternatives. Newest first, each with how long ago and the
 * date and a "Подробнее" link; "Показать ещё" loads older items. The server serves the same items as an
 * Atom feed (`/api/campaigns/<id>/updates.atom`) for the city site and cross-posting.
 */
const meta: Meta<Args> = {
  title: 'Elements/veche-updates',
  component: 'veche-updates',
  argTypes: {
    theme: { control: 'inline-radio', options: ['light', 'dark', 'contrast', 'auto'] },
    lang: { control: 'inline-radio', options: ['ru', 'en'] },
    project: { control: 'text' },
    limit: { control: 'number' },
    width: { control: 'text' },
    adapter: { table: { disable: true } },
  },
  args: { theme: 'light', lang: 'ru', limit: 5, adapter: () => reportingDemo() },
  render: ({ theme, lang, adapter, width, project, limit }) => html`
    <veche-provider theme=${theme}>
      <div style=${`max-width: ${width ?? '44rem'}; padding: 1rem;`}>
        <veche-updates campaign="demo" lang=${ifDefined(lang)} project=${ifDefined(project)} limit=${ifDefined(limit)} .adapter=${adapter()}></veche-updates>
      </div>
    </veche-provider>
  `,
};
export default meta;

type Story = StoryObj<Args>;

export const News: Story = {
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(el.shadowRoot!.querySelectorAll('[part=item]')).toHaveLength(5);
    await expect(shadowText(el)).toContain('Началось голосование');
  },
};

/** "Показать ещё": the next page is announced and focus moves to its first item. */
export const MorePages: Story = {
  args: { adapter: () => manyNews(8), limit: 3 },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await userEvent.click(inside(el, '[part=more]')!);
    await waitFor(() => expect(el.shadowRoot!.querySelectorAll('[part=item]')).toHaveLength(6));
    await waitFor(() => expect(shadowText(el)).toContain('Загружено ещё 3 новости, всего 6 новостей'));
  },
};

export const AllLoaded: Story = {
  args: { limit: 50 },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(inside(el, '[part=more]')).toBeNull();
  },
};

export const OneProject: Story = {
  args: { project: 'demo-14' },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('Новости проекта');
    await expect(el.shadowRoot!.querySelector('img')?.getAttribute('alt')).toBe('Открытие детского городка: дети на канатном парке');
  },
};

/** Markup in a title is text; line breaks stay; a decorative photo has an empty alt. */
export const TrickyText: Story = {
  args: { adapter: () => trickyNews() },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(inside(el, '[role=heading][aria-level="3"]')?.textContent).toBe(TRICKY_NEWS.title);
    await expect(el.shadowRoot!.querySelector('script, b, i')).toBeNull();
  },
};

export const Empty: Story = {
  args: { adapter: () => noNews() },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('Новостей пока нет.');
  },
};

export const BackendWithoutNews: Story = {
  args: { adapter: () => rawAdapter(reportingDemo(), { listUpdates: undefined }) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('Этот сервер не публикует новости.');
  },
};

/** A phone, or 200 % zoom: photos wrap into one column, nothing scrolls sideways. */
export const Narrow: Story = {
  args: { width: '320px', adapter: () => trickyNews() },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(el.scrollWidth).toBeLessThanOrEqual(320);
  },
};

// ── loading and failures ─────────────────────────────────────────────────────────────────────────

export const Loading: Story = {
  args: { adapter: () => withFaults(reportingDemo(), { listUpdates: 'hang' }) },
  play: async ({ canvasElement }) => {
    const el = updatesOf(canvasElement);
    await waitFor(() => expect(inside(el, '[part=loading]')).toBeTruthy());
  },
};

export const NetworkError: Story = {
  args: { adapter: () => withFaults(reportingDemo(), { listUpdates: 'network' }) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('Нет связи с сервером');
    await expect(inside(el, '[part=retry]')).toBeTruthy();
  },
};

export const ServerError: Story = {
  args: { adapter: () => withFaults(reportingDemo(), { listUpdates: 'unavailable' }) },
  play: async ({ canvasElement }) => void expect(shadowText(await settled(canvasElement))).toContain('временно недоступен'),
};

export const Timeout: Story = {
  args: { adapter: () => withFaults(reportingDemo(), { listUpdates: 'timeout' }) },
  play: async ({ canvasElement }) => void expect(shadowText(await settled(canvasElement))).toContain('не ответил вовремя'),
};

export const BrokenAnswer: Story = {
  args: { adapter: () => rawAdapter(reportingDemo(), { listUpdates: async () => ({ items: [{ id: 7 }] }) }) },
  play: async ({ canvasElement }) => void expect(shadowText(await settled(canvasElement))).toContain('непонятный ответ'),
};

/** The next page fails: the list stays, the button offers to try again. */
export const MoreFails: Story = {
  args: {
    limit: 2,
    adapter: () => {
      const base = manyNews(6);
      let calls = 0;
      return rawAdapter(base, {
        listUpdates: (...args: Parameters<NonNullable<VecheAdapter['listUpdates']>>) =>
          ++calls > 1 ? Promise.reject(Object.assign(new Error('offline'), { name: 'TypeError' })) : base.listUpdates(...args),
      });
    },
  },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await userEvent.click(inside(el, '[part=more]')!);
    await waitFor(() => expect(inside(el, '[part=error]')?.textContent).toContain('Не удалось загрузить следующие новости.'));
    await expect(inside(el, '[part=more]')?.textContent?.trim()).toBe('Повторить');
  },
};

export const NoApi: Story = {
  render: () => html`<veche-updates campaign="demo"></veche-updates>`,
  play: async ({ canvasElement }) => void expect(shadowText(await settled(canvasElement))).toContain('укажите адрес API'),
};

export const NoCampaign: Story = {
  render: () => html`<veche-updates .adapter=${reportingDemo()}></veche-updates>`,
  play: async ({ canvasElement }) => void expect(shadowText(await settled(canvasElement))).toContain('укажите кампанию'),
};

// ── themes, language, two on a page ──────────────────────────────────────────────────────────────

export const Dark: Story = {
  args: { theme: 'dark' },
  play: async ({ canvasElement }) => void (await settled(canvasElement)),
};

export const HighContrast: Story = {
  args: { theme: 'contrast' },
  play: async ({ canvasElement }) => void (await settled(canvasElement)),
};

export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await waitFor(() => expect(shadowText(el)).toContain('days ago'));
  },
};

export const TwoOnOnePage: Story = {
  render: ({ theme }) => html`
    <veche-provider theme=${theme} campaign="demo">
      <div style="display: grid; gap: 2rem; padding: 1rem; max-width: 44rem;">
        <veche-updates limit="2" .adapter=${reportingDemo()}></veche-updates>
        <veche-updates project="demo-13" heading-level="3" .adapter=${reportingDemo()}></veche-updates>
      </div>
    </veche-provider>
  `,
  play: async ({ canvasElement }) => {
    await settled(canvasElement, 0);
    await settled(canvasElement, 1);
  },
};
