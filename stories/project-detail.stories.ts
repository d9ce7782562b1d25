import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { VecheAdapter } from '@veche/core';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../packages/elements/src/project-detail/define.ts';
import type { VecheProjectDetail } from '../packages/elements/src/project-detail/project-detail.ts';
import '../packages/elements/src/provider/define.ts';
import type { ThemeName } from '../packages/elements/src/styles/themes.ts';
import { clock, memoryAt, type Setup } from '../packages/elements/test/support/vote-fixtures.ts';
import { withFaults } from './support/adapters.ts';

interface Args {
  project: string;
  theme: ThemeName;
  /** How the demo campaign is set up (the open phase); the clock is fixed at 15 June 2026. */
  setup: Setup;
  /** Wraps the adapter (faults, delays). */
  wrap?: (adapter: VecheAdapter) => VecheAdapter;
}

const detailOf = (canvas: HTMLElement) => canvas.querySelector<VecheProjectDetail>('veche-project-detail')!;
const inside = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const shadowText = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

/** Opens the dialog from the page's button, as a list or a map would, and waits until it settles. */
async function opened(canvas: HTMLElement): Promise<VecheProjectDetail> {
  await userEvent.click(canvas.querySelector('button')!);
  const el = detailOf(canvas);
  await waitFor(() => expect(el.shadowRoot!.querySelector('dialog')?.open).toBe(true), { timeout: 4000 });
  await waitFor(() => expect(inside(el, '[part=facts], [part=error], [part=loading]')).toBeTruthy(), { timeout: 4000 });
  await el.updateComplete;
  return el;
}

/**
 * `<veche-project-detail>` shows one project in a modal dialog: photos with their text alternatives,
 * status (with the administration's note), description, cost, district, categories, address, author,
 * co-financing and milestones (`<veche-progress-meter>`), and the vote button while its phase is open.
 * `veche-project-list` and `veche-project-map` open it; a host calls `detail.show(id, opener)`. While
 * open, the address names the project (`#veche-project=<id>`); Escape closes it and focus returns to
 * the opener. Every story runs on a MemoryAdapter with the clock fixed at 15 June 2026.
 */
const meta: Meta<Args> = {
  title: 'Elements/veche-project-detail',
  component: 'veche-project-detail',
  argTypes: {
    project: { control: 'select', options: Array.from({ length: 15 }, (_, i) => `demo-${i + 1}`) },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'contrast', 'auto'] },
    setup: { control: 'object' },
    wrap: { table: { disable: true } },
  },
  args: { project: 'demo-1', theme: 'light', setup: { phase: 'voting' } },
  loaders: [
    ({ args }) => {
      const memory = memoryAt(args.setup);
      return { adapter: args.wrap ? args.wrap(memory) : memory };
    },
  ],
  render: ({ project, theme }, { loaded }) => html`
    <veche-provider theme=${theme} style="padding: 1rem">
      <button
        type="button"
        @click=${(e: Event) => void (e.currentTarget as HTMLElement).parentElement!.querySelector('veche-project-detail')!.show(project)}
      >
        Открыть проект ${project}
      </button>
      <veche-project-detail campaign="demo" .adapter=${(loaded as { adapter: VecheAdapter }).adapter} .clock=${clock}></veche-project-detail>
    </veche-provider>
  `,
  play: async ({ canvasElement }) => {
    await opened(canvasElement);
  },
};
export default meta;

type Story = StoryObj<Args>;

/** Voting is open: photo, co-financing meter, and the vote button (which points to the ballot here). */
export const Shortlisted: Story = {
  play: async ({ canvasElement }) => {
    const el = await opened(canvasElement);
    await expect(shadowText(el)).toContain('Детская площадка во дворе на Ленина, 12');
    await waitFor(() => expect(inside(el, 'veche-progress-meter')?.shadowRoot?.querySelector('figure')).toBeTruthy(), { timeout: 4000 });
  },
};

/** Support phase: the support button in the dialog. */
export const SupportPhase: Story = {
  args: { project: 'demo-8', setup: { phase: 'support' } },
  play: async ({ canvasElement }) => {
    const el = await opened(canvasElement);
    await waitFor(() => expect(inside(el, 'veche-vote-button')?.shadowRoot?.querySelector('[part~=button]')).toBeTruthy(), { timeout: 4000 });
  },
};

/** Ideas phase: no button, only the facts. */
export const IdeasPhase: Story = {
  args: { project: 'demo-8', setup: { phase: 'ideas' } },
  play: async ({ canvasElement }) => {
    const el = await opened(canvasElement);
    await expect(inside(el, 'veche-vote-button')).toBeNull();
  },
};

/** Results: the votes of a finished project. */
export const ResultsPhase: Story = {
  args: { project: 'demo-11', setup: { phase: 'results' } },
  play: async ({ canvasElement }) => {
    const el = await opened(canvasElement);
    await expect(shadowText(el)).toContain('1 204 голоса');
  },
};

/** Rejected, with the administration's reason; no photo, no location. */
export const Rejected: Story = {
  args: { project: 'demo-10' },
  play: async ({ canvasElement }) => {
    const el = await opened(canvasElement);
    await expect(shadowText(el)).toContain('Комментарий администрации');
  },
};

/** No photo and no location: the dialog simply leaves them out. */
export const NoPhotoNoLocation: Story = {
  args: { project: 'demo-12' },
};

/** Being built: milestones and progress in the timeline meter. */
export const Implementation: Story = {
  args: { project: 'demo-13', setup: { phase: 'implementation' } },
  play: async ({ canvasElement }) => {
    const el = await opened(canvasElement);
    await waitFor(() => expect(inside(el, '[part=timeline]')?.shadowRoot?.querySelector('figure')).toBeTruthy(), { timeout: 4000 });
  },
};

export const Dark: Story = { args: { theme: 'dark' } };

/** The low-vision version: high contrast, large text. */
export const Contrast: Story = { args: { theme: 'contrast', project: 'demo-14', setup: { phase: 'implementation' } } };

/** The adapter fails: the dialog says so, with a retry. */
export const Failed: Story = {
  args: { wrap: (adapter) => withFaults(adapter, { getProject: 'network' }) },
  play: async ({ canvasElement }) => {
    const el = await opened(canvasElement);
    await waitFor(() => expect(inside(el, '[part=error]')).toBeTruthy());
    await expect(inside(el, '[part=retry]')).toBeTruthy();
  },
};

/** A shared link names a project that does not exist. */
export const NotFound: Story = {
  args: { project: 'nope' },
  play: async ({ canvasElement }) => {
    const el = await opened(canvasElement);
    await waitFor(() => expect(shadowText(el)).toContain('Проект не найден'));
  },
};

/** The adapter never answers: the loading state. */
export const Loading: Story = {
  args: { wrap: (adapter) => withFaults(adapter, { getProject: 'hang' }) },
  play: async ({ canvasElement }) => {
    const el = await opened(canvasElement);
    await expect(inside(el, '[part=loading]')).toBeTruthy();
  },
};

/** The close button (or Escape) closes the dialog, and focus returns to the button that opened it. */
export const Closed: Story = {
  play: async ({ canvasElement }) => {
    const el = await opened(canvasElement);
    await userEvent.click(inside(el, '[part=close]')!);
    await waitFor(() => expect(el.shadowRoot!.querySelector('dialog')!.open).toBe(false));
    await expect(document.activeElement).toBe(canvasElement.querySelector('button'));
  },
};
