import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { LiveEvent, VecheAdapter } from '@veche/core';
import { MemoryAdapter, demoFixture, type MemoryFixture } from '@veche/core/memory';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import '../packages/elements/src/progress-meter/define.ts';
import type { VecheProgressMeter } from '../packages/elements/src/progress-meter/progress-meter.ts';
import { PROGRESS_VIEWS, type ProgressView } from '../packages/elements/src/progress-meter/progress-meter.types.ts';
import '../packages/elements/src/provider/define.ts';
import type { ThemeName } from '../packages/elements/src/styles/themes.ts';
import { demoAdapter, withFaults } from './support/adapters.ts';

const DAY = 86_400_000;

/** The demo campaign with a change to its data (today's clock). */
function changedDemo(change: (f: MemoryFixture) => void): VecheAdapter {
  const fixture = demoFixture(new Date());
  change(fixture);
  return new MemoryAdapter({ fixtures: [fixture] });
}

/**
 * The demo in its support phase with a live feed: while someone listens, another resident supports the
 * project every 1.5 s (what a server's push channel would send).
 */
function liveDemo(): VecheAdapter {
  const base = demoAdapter('phase=support');
  return new Proxy(base, {
    get(target, key) {
      if (key === 'subscribe') {
        return (_campaign: string, listener: (event: LiveEvent) => void) => {
          let count = 1_130;
          const timer = setInterval(() => listener({ type: 'support', projectId: 'demo-8', count: ++count }), 1_500);
          return () => clearInterval(timer);
        };
      }
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

interface Args {
  view: ProgressView;
  project?: string;
  theme: ThemeName;
  lang?: string;
  paused?: boolean;
  adapter?: VecheAdapter;
  now?: Date;
}

const meterOf = (canvas: HTMLElement, index = 0) => canvas.querySelectorAll<VecheProgressMeter>('veche-progress-meter')[index]!;
const shadowText = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

/** Waits until the meter shows data or an error, so that axe checks the settled state. */
async function settled(canvas: HTMLElement, index = 0): Promise<VecheProgressMeter> {
  const el = meterOf(canvas, index);
  await waitFor(() => expect(el.shadowRoot?.querySelector('figure, [part=error]')).toBeTruthy(), { timeout: 4000 });
  await el.updateComplete;
  return el;
}

/**
 * `<veche-progress-meter>` shows where a project or campaign stands as a picture with a text
 * equivalent: `view="support"` (supporters against the threshold, as a count and a share of residents
 * aged 16+), `view="funding"` (co-financing by source against the campaign's minimum and maximum
 * shares) and `view="timeline"` (the phases with today's position; with `project`, its milestones).
 * A live support count has a pause button and announces only reaching the threshold.
 */
const meta: Meta<Args> = {
  title: 'Elements/veche-progress-meter',
  component: 'veche-progress-meter',
  argTypes: {
    view: { control: 'inline-radio', options: [...PROGRESS_VIEWS] },
    project: { control: 'select', options: Array.from({ length: 15 }, (_, i) => `demo-${i + 1}`) },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'contrast', 'auto'] },
    lang: { control: 'inline-radio', options: ['ru', 'en'] },
    paused: { control: 'boolean' },
    adapter: { table: { disable: true } },
    now: { table: { disable: true } },
  },
  // Storybook's own page says <html lang="en">: the stories choose Russian, the default of a Russian site.
  args: { view: 'support', project: 'demo-1', theme: 'light', lang: 'ru' },
  render: ({ view, project, theme, lang, paused, adapter, now }) => html`
    <veche-provider theme=${theme}>
    <veche-progress-meter
      view=${view}
      campaign="demo"
      project=${ifDefined(project)}
      lang=${ifDefined(lang)}
      ?paused=${paused}
      .adapter=${adapter ?? demoAdapter()}
      .now=${now}
    ></veche-progress-meter>
    </veche-provider>
  `,
};
export default meta;

type Story = StoryObj<Args>;

// ── support ──────────────────────────────────────────────────────────────────────────────────────

export const SupportThresholdReached: Story = {
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('1 473 подписи — 12,85 % жителей старше 16 лет, порог 10 %');
    await expect(shadowText(el)).toContain('Порог достигнут');
  },
};

export const SupportBelowThreshold: Story = {
  args: { project: 'demo-8' },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('До порога нужно ещё 744 подписи');
  },
};

export const SupportNoThreshold: Story = {
  args: { adapter: changedDemo((f) => delete f.campaign.supportThreshold) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('Порог поддержки не установлен');
  },
};

export const SupportNoPopulation: Story = {
  args: { adapter: changedDemo((f) => delete f.campaign.population16) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(el.shadowRoot!.querySelector('[role=meter]')).toBeNull();
    await expect(shadowText(el)).toContain('Число жителей старше 16 лет не указано');
  },
};

/** The support phase is open and the adapter pushes changes: the count moves, the button pauses it. */
export const SupportLive: Story = {
  args: { project: 'demo-8', adapter: liveDemo() },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part~=pause]')).toBeTruthy());
    await waitFor(() => expect(shadowText(el)).toMatch(/1 13[1-9] подпис/), { timeout: 4000 });
  },
};

export const SupportPaused: Story = {
  args: { project: 'demo-8', adapter: liveDemo(), paused: true },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part~=pause]')?.textContent).toContain('Продолжить обновление'));
  },
};

// ── funding ──────────────────────────────────────────────────────────────────────────────────────

export const Funding: Story = {
  args: { view: 'funding' },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(el.shadowRoot!.querySelectorAll('[part=item]')).toHaveLength(4);
  },
};

export const FundingOutsideLimits: Story = {
  args: {
    view: 'funding',
    adapter: changedDemo((f) => {
      f.projects.find((p) => p.id === 'demo-1')!.coFunding = [
        { source: 'regional', amount: 1_300_000 },
        { source: 'municipal', amount: 80_000 },
        { source: 'business', amount: 50_000, note: 'ИП Соколов' },
      ];
    }),
  },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(el.shadowRoot!.querySelectorAll('[data-flag]')).toHaveLength(3);
    await expect(shadowText(el)).toContain('Меньше минимума');
  },
};

export const FundingNone: Story = {
  args: { view: 'funding', project: 'demo-8' },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('Софинансирование проекта пока не указано.');
  },
};

// ── timeline ─────────────────────────────────────────────────────────────────────────────────────

export const Timeline: Story = {
  args: { view: 'timeline', project: undefined },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(el.shadowRoot!.querySelector('[aria-current=step]')?.textContent).toContain('Голосование');
  },
};

export const TimelineBeforeStart: Story = {
  args: { view: 'timeline', project: undefined, now: new Date(Date.now() - 130 * DAY) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('Кампания ещё не началась.');
  },
};

export const TimelineBetweenPhases: Story = {
  args: {
    view: 'timeline',
    project: undefined,
    adapter: changedDemo((f) => {
      f.campaign.phases = f.campaign.phases.map((p) => (p.id === 'voting' ? { ...p, start: new Date(Date.now() + 2 * DAY).toISOString() } : p));
    }),
  },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('Следующий этап — «Голосование».');
  },
};

export const TimelineAllDone: Story = {
  args: { view: 'timeline', project: undefined, now: new Date(Date.now() + 420 * DAY) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('Все этапы завершены.');
  },
};

export const TimelineMilestones: Story = {
  args: { view: 'timeline', project: 'demo-13' },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(el.shadowRoot!.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow')).toBe('60');
  },
};

export const TimelineProjectDone: Story = {
  args: {
    view: 'timeline',
    project: 'demo-14',
    adapter: changedDemo((f) => {
      f.projects.find((p) => p.id === 'demo-14')!.milestones![2]!.photos = [
        { url: '/demo/photos/opening.svg', alt: 'Открытие детского городка: дети на канатном парке' },
      ];
    }),
  },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(el.shadowRoot!.querySelector('img[part=photo]')?.getAttribute('alt')).toContain('канатном парке');
  },
};

export const TimelineNoMilestones: Story = {
  args: { view: 'timeline', project: 'demo-1' },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('План работ по проекту пока не опубликован.');
  },
};

// ── loading and failures ─────────────────────────────────────────────────────────────────────────

export const Loading: Story = {
  args: { adapter: withFaults(demoAdapter(), { getProject: 'hang' }) },
  play: async ({ canvasElement }) => {
    const el = meterOf(canvasElement);
    await waitFor(() => expect(el.shadowRoot?.querySelector('[part=loading]')).toBeTruthy());
  },
};

export const NetworkError: Story = {
  args: { adapter: withFaults(demoAdapter(), { getProject: 'network' }) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('Нет связи с сервером');
    await expect(el.shadowRoot!.querySelector('[part=retry]')).toBeTruthy();
  },
};

export const ServerError: Story = {
  args: { adapter: withFaults(demoAdapter(), { getCampaign: 'unavailable' }) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('Сервис временно недоступен');
  },
};

export const UnknownProject: Story = {
  args: { project: 'demo-404' },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('Проект «demo-404» не найден');
  },
};

export const MissingProject: Story = {
  args: { project: undefined },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('укажите проект');
  },
};

// ── themes and language ──────────────────────────────────────────────────────────────────────────

const allViews: Story['render'] = ({ theme, lang }) => html`
  <veche-provider campaign="demo" theme=${theme} lang=${ifDefined(lang)} .adapter=${demoAdapter()}>
    <div style="display: grid; gap: 2rem; padding: 1rem;">
      <veche-progress-meter project="demo-8"></veche-progress-meter>
      <veche-progress-meter view="funding" project="demo-1"></veche-progress-meter>
      <veche-progress-meter view="timeline" project="demo-13"></veche-progress-meter>
    </div>
  </veche-provider>
`;
const allSettled = async (canvas: HTMLElement) => {
  for (const i of [0, 1, 2]) await settled(canvas, i);
};

export const Dark: Story = {
  args: { theme: 'dark' },
  render: allViews,
  play: async ({ canvasElement }) => allSettled(canvasElement),
};

export const HighContrast: Story = {
  args: { theme: 'contrast' },
  render: allViews,
  play: async ({ canvasElement }) => allSettled(canvasElement),
};

export const English: Story = {
  args: { lang: 'en' },
  render: allViews,
  play: async ({ canvasElement }) => {
    await allSettled(canvasElement);
    await expect(shadowText(meterOf(canvasElement))).toContain('402 signatures — 3.51% of residents aged 16+, threshold 10%');
  },
};
