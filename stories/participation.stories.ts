import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { VecheAdapter } from '@veche/core';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import '../packages/elements/src/participation/define.ts';
import '../packages/elements/src/provider/define.ts';
import type { ThemeName } from '../packages/elements/src/styles/themes.ts';
import { withFaults } from './support/adapters.ts';
import { emptyParticipation, krasnoyarskOnly, rawAdapter, reportingDemo } from './support/reporting-fixtures.ts';
import { inside, settledIn, shadowText } from './support/shadow.ts';

interface Args {
  theme: ThemeName;
  lang?: string;
  view?: string;
  year?: number;
  /** Made per render, so every story starts from the same data. */
  adapter: () => VecheAdapter;
  /** The width of the box around the element (320px for a phone, or 200 % zoom of 640px). */
  width?: string;
}

const KRASNOYARSK = ['24,35 %', '0,21 %', '0,05 %', '14,73 %', '10,15 %', '1,49 %'];
const elementOf = (canvas: HTMLElement, index = 0) => canvas.querySelectorAll('veche-participation')[index]!;
/** The report, a notice or an error. */
const settled = (canvas: HTMLElement, index = 0) => settledIn(canvas, 'veche-participation', '.report, [part=notice], [part=error]', index);

/**
 * `<veche-participation>` is the participation report a municipality shows and is rated on, a picture
 * first and a table second: for the campaign's year a funnel (residents, residents 16+, residents who took
 * part, those who used digital tools) and the ways of taking part by channel; year over year both shares
 * and the table of the report. Shares are rounded half up from the counts. The demo's earlier years are
 * the Krasnoyarsk krai figures of 2023 and 2024. "Скачать CSV" and "Версия для печати" load on demand.
 */
const meta: Meta<Args> = {
  title: 'Elements/veche-participation',
  component: 'veche-participation',
  argTypes: {
    theme: { control: 'inline-radio', options: ['light', 'dark', 'contrast', 'auto'] },
    lang: { control: 'inline-radio', options: ['ru', 'en'] },
    view: { control: 'inline-radio', options: ['all', 'campaign', 'years'] },
    year: { control: 'number' },
    width: { control: 'text' },
    adapter: { table: { disable: true } },
  },
  args: { theme: 'light', lang: 'ru', view: 'all', adapter: () => reportingDemo() },
  render: ({ theme, lang, adapter, width, view, year }) => html`
    <veche-provider theme=${theme}>
      <div style=${`max-width: ${width ?? '52rem'}; padding: 1rem;`}>
        <veche-participation campaign="demo" lang=${ifDefined(lang)} view=${ifDefined(view)} year=${ifDefined(year)} .adapter=${adapter()}></veche-participation>
      </div>
    </veche-provider>
  `,
};
export default meta;

type Story = StoryObj<Args>;

export const Report: Story = {
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(el.shadowRoot!.querySelectorAll('[part=table]')).toHaveLength(2);
    for (const share of KRASNOYARSK) await expect(shadowText(el)).toContain(share);
  },
};

/** The campaign's year only: the funnel and the ways of taking part. */
export const CampaignYear: Story = {
  args: { view: 'campaign' },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(el.shadowRoot!.querySelectorAll('[part=table]')).toHaveLength(1);
    await expect(shadowText(el)).toContain('Голосование');
  },
};

/** Year over year: the Krasnoyarsk figures with exactly the shares of the issue. */
export const YearOverYear: Story = {
  args: { view: 'years', adapter: () => krasnoyarskOnly() },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    for (const share of KRASNOYARSK) await expect(shadowText(el)).toContain(share);
  },
};

export const Krasnoyarsk2023: Story = {
  args: { view: 'campaign', year: 2023 },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('0,21 % участников, 0,05 % жителей 16+');
  },
};

export const NoFigures: Story = {
  args: { adapter: () => emptyParticipation() },
  play: async ({ canvasElement }) => void expect(shadowText(await settled(canvasElement))).toContain('Данных об участии пока нет.'),
};

export const NoFiguresForTheYear: Story = {
  args: { view: 'campaign', year: 2019 },
  play: async ({ canvasElement }) => void expect(shadowText(await settled(canvasElement))).toContain('Данных об участии пока нет.'),
};

export const BackendWithoutReport: Story = {
  args: { adapter: () => rawAdapter(reportingDemo(), { getParticipation: undefined }) },
  play: async ({ canvasElement }) => void expect(shadowText(await settled(canvasElement))).toContain('не публикует отчёт об участии'),
};

/** A phone, or 200 % zoom: the pictures wrap, the wide table scrolls inside its own region. */
export const Narrow: Story = {
  args: { width: '320px' },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(el.scrollWidth).toBeLessThanOrEqual(320);
  },
};

// ── loading and failures ─────────────────────────────────────────────────────────────────────────

export const Loading: Story = {
  args: { adapter: () => withFaults(reportingDemo(), { getParticipation: 'hang' }) },
  play: async ({ canvasElement }) => {
    const el = elementOf(canvasElement);
    await waitFor(() => expect(inside(el, '[part=loading]')).toBeTruthy());
  },
};

export const NetworkError: Story = {
  args: { adapter: () => withFaults(reportingDemo(), { getParticipation: 'network' }) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('Нет связи с сервером');
    await expect(inside(el, '[part=retry]')).toBeTruthy();
  },
};

export const ServerError: Story = {
  args: { adapter: () => withFaults(reportingDemo(), { getParticipation: 'unavailable' }) },
  play: async ({ canvasElement }) => void expect(shadowText(await settled(canvasElement))).toContain('временно недоступен'),
};

export const Timeout: Story = {
  args: { adapter: () => withFaults(reportingDemo(), { getParticipation: 'timeout' }) },
  play: async ({ canvasElement }) => void expect(shadowText(await settled(canvasElement))).toContain('не ответил вовремя'),
};

export const BrokenAnswer: Story = {
  args: { adapter: () => rawAdapter(reportingDemo(), { getParticipation: async () => ({ years: [{ year: 'прошлый' }] }) }) },
  play: async ({ canvasElement }) => void expect(shadowText(await settled(canvasElement))).toContain('непонятный ответ'),
};

export const NoApi: Story = {
  render: () => html`<veche-participation campaign="demo"></veche-participation>`,
  play: async ({ canvasElement }) => void expect(shadowText(await settled(canvasElement))).toContain('укажите адрес API'),
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
    await waitFor(() => expect(shadowText(el)).toContain('24.35%'));
  },
};

export const TwoOnOnePage: Story = {
  render: ({ theme }) => html`
    <veche-provider theme=${theme} campaign="demo">
      <div style="display: grid; gap: 2rem; padding: 1rem; max-width: 52rem;">
        <veche-participation view="campaign" .adapter=${reportingDemo()}></veche-participation>
        <veche-participation view="years" heading-level="3" .adapter=${reportingDemo()}></veche-participation>
      </div>
    </veche-provider>
  `,
  play: async ({ canvasElement }) => {
    await settled(canvasElement, 0);
    await settled(canvasElement, 1);
  },
};
