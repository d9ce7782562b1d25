import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { VecheAdapter } from '@veche/core';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../packages/elements/src/provider/define.ts';
import '../packages/elements/src/results/define.ts';
import type { ThemeName } from '../packages/elements/src/styles/themes.ts';
import { withFaults } from './support/adapters.ts';
import { inside, settledIn, shadowText } from './support/shadow.ts';
import {
  cumulativeCampaign,
  demoIn,
  emptyCampaign,
  manyProjectsCampaign,
  oneProjectCampaign,
  patched,
  trickyCampaign,
} from './support/results-fixtures.ts';

interface Args {
  theme: ThemeName;
  lang?: string;
  /** Made per render, so every story starts from the same data. */
  adapter: () => VecheAdapter;
  /** The width of the box around the element (320px for a phone, or 200 % zoom of 640px). */
  width?: string;
}

const resultsOf = (canvas: HTMLElement, index = 0) => canvas.querySelectorAll('veche-results')[index]!;
/** Data, the date, or an error. */
const settled = (canvas: HTMLElement, index = 0) => settledIn(canvas, 'veche-results', 'section, [part=error]', index);

/**
 * `<veche-results>` shows the outcome of a vote: the winners within the budget (marked «Победитель»,
 * not only by colour), votes per project (points for cumulative voting) as an SVG bar chart with a real
 * table behind it (screen readers read the table; «Таблица» shows it), the budget used, turnout as a
 * count and a share of residents aged 16+, the same per district, and downloads as CSV (for Excel,
 * made in the browser) and Pabulib. Before publication it says when the results come out.
 */
const meta: Meta<Args> = {
  title: 'Elements/veche-results',
  component: 'veche-results',
  argTypes: {
    theme: { control: 'inline-radio', options: ['light', 'dark', 'contrast', 'auto'] },
    lang: { control: 'inline-radio', options: ['ru', 'en'] },
    width: { control: 'text' },
    adapter: { table: { disable: true } },
  },
  args: { theme: 'light', lang: 'ru', adapter: () => demoIn('results') },
  render: ({ theme, lang, adapter, width }) => html`
    <veche-provider theme=${theme}>
      <div style=${`max-width: ${width ?? '48rem'}; padding: 1rem;`}>
        <veche-results campaign="demo" lang=${ifDefined(lang)} .adapter=${adapter()}></veche-results>
      </div>
    </veche-provider>
  `,
};
export default meta;

type Story = StoryObj<Args>;

export const Published: Story = {
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('4 проекта на 5 800 000 ₽');
    await expect(el.shadowRoot!.querySelectorAll('[part=chart] > li')).toHaveLength(6);
    await expect(el.shadowRoot!.querySelectorAll('[part=chart] > li[data-winner]')).toHaveLength(4);
  },
};

/** The table the screen readers read, on screen. */
export const AsTable: Story = {
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await userEvent.click(inside(el, '[part~=toggle]')!);
    await waitFor(() => expect(inside(el, '[part~=toggle]')?.getAttribute('aria-pressed')).toBe('true'));
    await expect(inside(el, '[part=chart]')).toBeNull();
    await expect(el.shadowRoot!.querySelectorAll('tbody tr')).toHaveLength(6);
  },
};

export const BeforePublication: Story = {
  args: { adapter: () => demoIn('voting') },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('Итоги голосования будут опубликованы');
    await expect(inside(el, '[role=alert]')).toBeNull();
  },
};

export const Preliminary: Story = {
  args: {
    adapter: () => {
      const base = demoIn('results');
      return patched(base, { getResults: async (id: string) => ({ ...(await base.getResults(id)), status: 'preliminary' }) });
    },
  },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('Предварительные итоги');
  },
};

export const EmptyCampaign: Story = {
  args: { adapter: () => emptyCampaign(new Date(), 'projects') },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('В голосовании не было проектов.');
  },
};

export const NoBallots: Story = {
  args: { adapter: () => emptyCampaign(new Date(), 'ballots') },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('Никто не проголосовал.');
  },
};

export const OneProject: Story = {
  args: { adapter: () => oneProjectCampaign() },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(el.shadowRoot!.querySelectorAll('[part=chart] > li')).toHaveLength(1);
  },
};

export const ManyProjects: Story = {
  args: { adapter: () => manyProjectsCampaign(60) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(el.shadowRoot!.querySelectorAll('[part=chart] > li')).toHaveLength(60);
  },
};

export const CumulativePoints: Story = {
  args: { adapter: () => cumulativeCampaign() },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('Баллы по проектам');
  },
};

/** Titles with «;», quotes and a formula: what the CSV download must quote and guard. */
export const TrickyTitles: Story = {
  args: { adapter: () => trickyCampaign() },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('Сквер; фонтан и "лавочки"');
  },
};

export const DistrictBudgets: Story = {
  args: {
    adapter: () =>
      demoIn('results', new Date(), (f) => {
        f.campaign.districts!.forEach((d, i) => (d.budget = [2_000_000, 1_500_000, 2_500_000][i]));
      }),
  },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('Бюджет: 1 450 000 ₽ из 2 000 000 ₽');
  },
};

/** A phone, or 200 % zoom: titles wrap above their bars, figures stack. */
export const Narrow: Story = {
  args: { width: '320px' },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(el.scrollWidth).toBeLessThanOrEqual(320);
  },
};

// ── loading and failures ─────────────────────────────────────────────────────────────────────────

export const Loading: Story = {
  args: { adapter: () => withFaults(demoIn('results'), { getResults: 'hang' }) },
  play: async ({ canvasElement }) => {
    const el = resultsOf(canvasElement);
    await waitFor(() => expect(inside(el, '[part=loading]')).toBeTruthy());
  },
};

export const NetworkError: Story = {
  args: { adapter: () => withFaults(demoIn('results'), { getResults: 'network' }) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('Нет связи с сервером');
    await expect(inside(el, '[part=retry]')).toBeTruthy();
  },
};

export const ServerError: Story = {
  args: { adapter: () => withFaults(demoIn('results'), { getCampaign: 'unavailable' }) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('Сервис временно недоступен');
  },
};

export const PabulibExportFails: Story = {
  args: { adapter: () => withFaults(demoIn('results'), { exportPabulib: 'timeout' }) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await userEvent.click(inside(el, '[data-format=pb]')!);
    await waitFor(() => expect(inside(el, '[part=error]')?.textContent).toContain('Не удалось скачать файл.'));
  },
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
    await waitFor(() => expect(shadowText(el)).toContain('Votes per project'));
  },
};

export const TwoOnOnePage: Story = {
  render: ({ theme }) => html`
    <veche-provider theme=${theme} campaign="demo">
      <div style="display: grid; gap: 2rem; padding: 1rem; max-width: 48rem;">
        <veche-results .adapter=${demoIn('results')}></veche-results>
        <veche-results .adapter=${cumulativeCampaign()}></veche-results>
      </div>
    </veche-provider>
  `,
  play: async ({ canvasElement }) => {
    await settled(canvasElement, 0);
    await settled(canvasElement, 1);
  },
};
