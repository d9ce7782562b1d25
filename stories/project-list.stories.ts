import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { VecheAdapter } from '@veche/core';
import { MemoryAdapter, type MemoryFixture } from '@veche/core/memory';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../packages/elements/src/project-list/define.ts';
import type { VecheProjectList } from '../packages/elements/src/project-list/project-list.ts';
import { LIST_LAYOUTS, type ListLayout } from '../packages/elements/src/project-list/project-list.types.ts';
import '../packages/elements/src/provider/define.ts';
import type { ThemeName } from '../packages/elements/src/styles/themes.ts';
import { NOW, clock, memoryAt, type Setup } from '../packages/elements/test/support/vote-fixtures.ts';
import { withFaults } from './support/adapters.ts';
import { manyProjects } from './support/project-fixtures.ts';

interface Args {
  campaign: string;
  theme: ThemeName;
  layout: ListLayout;
  status?: string;
  sort?: string;
  seed?: number;
  pageSize?: number;
  filters?: string;
  /** Two lists of the campaign on one page, sharing their filters. */
  twice?: boolean;
  /** The data: the demo campaign set up for a phase (the default), or a campaign of its own. */
  setup?: Setup;
  fixture?: () => MemoryFixture;
  /** Wraps the adapter (faults, delays). */
  wrap?: (adapter: VecheAdapter) => VecheAdapter;
}

const listOf = (canvas: HTMLElement, index = 0) => canvas.querySelectorAll<VecheProjectList>('veche-project-list')[index]!;
const inside = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const all = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const shadowText = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

/** Waits until the list shows projects, the empty state or an error, so that axe checks the settled state. */
async function settled(canvas: HTMLElement, index = 0): Promise<VecheProjectList> {
  const el = listOf(canvas, index);
  await waitFor(() => expect(inside(el, '[part=list], [part=empty], [part=error]')).toBeTruthy(), { timeout: 8000 });
  await waitFor(() => expect(inside(el, '[aria-busy=true]')).toBeNull(), { timeout: 8000 });
  await el.updateComplete;
  return el;
}

/** A campaign of `count` generated projects on the stories' clock (15 June 2026, voting open). */
const many = (count: number) => () => manyProjects(count, { now: NOW });

/** Three projects without photo, location or district. */
const bare = () => {
  const fixture = manyProjects(3, { now: NOW });
  for (const p of fixture.projects) {
    delete p.images;
    delete p.location;
    delete p.districtId;
  }
  return fixture;
};

/**
 * `<veche-project-list>` shows a campaign's projects as cards (or rows): photo, title, status, cost,
 * district, categories, the support or vote count, and the vote button while one click can count.
 * Residents search as they type, filter by status, category and district, sort (newest, most supported,
 * by cost, shuffled with a stable seed, by title) and load more. A card opens `<veche-project-detail>` and
 * names the project in the address; filters are shared with the campaign's other lists and maps. Every
 * story runs on a MemoryAdapter with the clock fixed at 15 June 2026; switch the language in the toolbar.
 */
const meta: Meta<Args> = {
  title: 'Elements/veche-project-list',
  component: 'veche-project-list',
  argTypes: {
    theme: { control: 'inline-radio', options: ['light', 'dark', 'contrast', 'auto'] },
    layout: { control: 'inline-radio', options: [...LIST_LAYOUTS] },
    status: { control: 'text' },
    sort: { control: 'select', options: ['newest', 'supported', 'cost-asc', 'cost-desc', 'random', 'title'] },
    seed: { control: 'number' },
    pageSize: { control: 'number' },
    filters: { control: 'inline-radio', options: ['on', 'off'] },
    twice: { control: 'boolean' },
    setup: { control: 'object' },
    fixture: { table: { disable: true } },
    wrap: { table: { disable: true } },
  },
  args: { campaign: 'demo', theme: 'light', layout: 'cards', setup: { phase: 'voting' } },
  loaders: [
    ({ args }) => {
      const memory = args.fixture ? new MemoryAdapter({ fixtures: [args.fixture()], now: clock }) : memoryAt(args.setup);
      return { adapter: args.wrap ? args.wrap(memory) : memory };
    },
  ],
  render: (args, { loaded }) => {
    const adapter = (loaded as { adapter: VecheAdapter }).adapter;
    const one = () => html`<veche-project-list
      campaign=${args.campaign}
      layout=${args.layout}
      status=${ifDefined(args.status)}
      sort=${ifDefined(args.sort)}
      seed=${ifDefined(args.seed)}
      page-size=${ifDefined(args.pageSize)}
      filters=${ifDefined(args.filters)}
      .adapter=${adapter}
      .clock=${clock}
    ></veche-project-list>`;
    return html`<veche-provider theme=${args.theme} style="padding: 1rem">
      ${one()} ${args.twice ? html`<hr />${one()}` : ''}
    </veche-provider>`;
  },
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
  },
};
export default meta;

type Story = StoryObj<Args>;

/** The demo campaign while voting is open (a knapsack ballot: the cards have no vote buttons). */
export const Demo: Story = {
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(all(el, '[part=card]')).toHaveLength(12);
    await expect(shadowText(el)).toContain('Показано: 12 проектов, есть ещё');
  },
};

export const EmptyCampaign: Story = {
  args: { campaign: 'big', fixture: many(0) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('Проектов пока нет.');
  },
};

export const OneProject: Story = {
  args: { campaign: 'big', fixture: many(1) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('Найдено: 1 проект');
  },
};

/** Ten thousand projects, twelve at a time: "Показать ещё" loads the next page through the cursor. */
export const TenThousandProjects: Story = {
  args: { campaign: 'big', fixture: many(10_000) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await userEvent.click(inside(el, '[part=more]')!);
    await waitFor(() => expect(all(el, '[part=card]')).toHaveLength(24), { timeout: 8000 });
  },
};

export const NoPhotoNoLocation: Story = {
  args: { campaign: 'big', fixture: bare },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(inside(el, '[part=photo]')).toBeNull();
  },
};

/** The adapter answers with a server error: the list says so, with a retry; the search stays. */
export const Failed: Story = {
  args: { wrap: (adapter) => withFaults(adapter, { listProjects: 'unavailable' }) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(inside(el, '[part=retry]')).toBeTruthy();
    await expect(inside(el, '#q')).toBeTruthy();
  },
};

/** The campaign cannot be loaded (the network is down). */
export const FailedCampaign: Story = {
  args: { wrap: (adapter) => withFaults(adapter, { getCampaign: 'network' }) },
};

/** The adapter never answers: the loading state. */
export const Loading: Story = {
  args: { wrap: (adapter) => withFaults(adapter, { getCampaign: 'hang', listProjects: 'hang' }) },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(inside(listOf(canvasElement), '[part=loading]')).toBeTruthy());
  },
};

export const IdeasPhase: Story = { args: { setup: { phase: 'ideas' } } };

/** Support is open: published and shortlisted projects get the support button on their card. */
export const SupportPhase: Story = {
  args: { setup: { phase: 'support' }, status: 'published' },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await waitFor(() => expect(inside(el, 'veche-vote-button')?.shadowRoot?.querySelector('[part~=button]')).toBeTruthy(), { timeout: 8000 });
  },
};

export const ReviewPhase: Story = { args: { setup: { phase: 'review' } } };

/** Voting with approval rules: one click votes, so the shortlisted cards have the vote button. */
export const VotingPhase: Story = {
  args: { setup: { phase: 'voting', rules: { method: 'approval', maxProjects: 3 } }, status: 'shortlisted' },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await waitFor(() => expect(inside(el, 'veche-vote-button')?.shadowRoot?.querySelector('[part~=button]')).toBeTruthy(), { timeout: 8000 });
  },
};

export const ResultsPhase: Story = { args: { setup: { phase: 'results' }, status: 'selected, not-selected' } };

export const ImplementationPhase: Story = { args: { setup: { phase: 'implementation' }, status: 'in-progress, done' } };

/** One project per line. */
export const Rows: Story = { args: { layout: 'rows' } };

/** Without the search, filters and sort: a fixed selection set by attributes. */
export const FiltersOff: Story = { args: { filters: 'off', status: 'shortlisted', sort: 'cost-asc' } };

/** Shuffled with a fixed seed: the same order on every page and every visit. */
export const Shuffled: Story = { args: { campaign: 'big', fixture: many(200), sort: 'random', seed: 2026 } };

/** A search that finds nothing: the empty state offers to reset the filters. */
export const NothingFound: Story = {
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await userEvent.type(inside(el, '#q')!, 'нет такого проекта{Enter}');
    await waitFor(() => expect(inside(el, '[part=reset]')).toBeTruthy(), { timeout: 4000 });
  },
};

/** A card opens the project's detail dialog. */
export const OpenProject: Story = {
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await userEvent.click(inside(el, '[part=link]')!);
    await waitFor(() => expect(inside(el, 'veche-project-detail')?.shadowRoot?.querySelector('dialog')?.open).toBe(true), { timeout: 4000 });
    await waitFor(() => expect(inside(el, 'veche-project-detail')!.shadowRoot!.querySelector('[part=facts]')).toBeTruthy(), { timeout: 4000 });
  },
};

/** Two lists of one campaign: a filter chosen in one applies to the other. */
export const TwoListsSharingFilters: Story = {
  args: { campaign: 'big', fixture: many(300), twice: true, layout: 'rows', pageSize: 4 },
  play: async ({ canvasElement }) => {
    const first = await settled(canvasElement, 0);
    const second = await settled(canvasElement, 1);
    await userEvent.selectOptions(inside<HTMLSelectElement>(first, '#district')!, 'north');
    await waitFor(() => expect(inside<HTMLSelectElement>(second, '#district')!.value).toBe('north'));
    await settled(canvasElement, 1);
  },
};

export const Dark: Story = { args: { theme: 'dark', setup: { phase: 'support' } } };

/** The low-vision version: high contrast, large text. */
export const Contrast: Story = { args: { theme: 'contrast', setup: { phase: 'support' } } };
