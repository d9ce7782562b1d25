import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { VecheAdapter } from '@veche/core';
import { DEMO_CLOSED_POLL_ID, DEMO_POLL_ID, DEMO_PROJECT_POLL_ID } from '@veche/core/memory';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../packages/elements/src/poll/define.ts';
import type { VechePoll } from '../packages/elements/src/poll/poll.ts';
import '../packages/elements/src/provider/define.ts';
import type { ThemeName } from '../packages/elements/src/styles/themes.ts';
import { withFaults } from './support/adapters.ts';
import { NOW, discussionAt, pollOf, without, type DiscussionSetup } from './support/discussion-fixtures.ts';
import { inside, shadowText } from './support/shadow.ts';

interface Args {
  poll: string;
  theme: ThemeName;
  lang: string;
  setup: DiscussionSetup;
  before?: (adapter: VecheAdapter) => Promise<unknown>;
  wrap?: (adapter: VecheAdapter) => VecheAdapter;
  width?: string;
}

const pollOfCanvas = (canvas: HTMLElement) => canvas.querySelector<VechePoll>('veche-poll')!;

/** The poll once it shows the poll, a notice or an error, and nothing is still loading (the results load on first use). */
async function settled(canvas: HTMLElement): Promise<VechePoll> {
  const el = pollOfCanvas(canvas);
  await waitFor(
    () => {
      expect(inside(el, 'section, [part~=error], [part~=notice]')).toBeTruthy();
      expect(inside(el, '[part~=loading]')).toBeNull();
    },
    { timeout: 4000 },
  );
  await el.updateComplete;
  return el;
}

const choose = async (el: VechePoll, ...ids: string[]) => {
  for (const id of ids) await userEvent.click(inside(el, `input[name=choice][value="${id}"]`)!);
};

const sealed = pollOf({ id: 'sealed', results: 'after-close', question: 'Где поставить новую остановку?', options: [{ id: 'market', label: 'У рынка' }, { id: 'school', label: 'У школы № 5' }] });
const later = pollOf({ id: 'later', opensAt: new Date(NOW.getTime() + 3 * 86_400_000).toISOString() });

/**
 * `<veche-poll>` is a quick poll: single or multiple choice with an optional answer of one's own, one
 * answer per resident (signed in) or per device (low-stakes polls), results after answering or once the
 * poll closes, as a bar chart with a real table behind it. The demo has a town-wide device poll, a
 * residents' poll on the playground (`DEMO-1001`…) and a closed poll.
 */
const meta: Meta<Args> = {
  title: 'Elements/veche-poll',
  component: 'veche-poll',
  argTypes: {
    poll: { control: 'select', options: [DEMO_POLL_ID, DEMO_PROJECT_POLL_ID, DEMO_CLOSED_POLL_ID] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'contrast', 'auto'] },
    lang: { control: 'inline-radio', options: ['ru', 'en'] },
    setup: { control: 'object' },
    width: { control: 'text' },
    before: { table: { disable: true } },
    wrap: { table: { disable: true } },
  },
  args: { poll: DEMO_POLL_ID, theme: 'light', lang: 'ru', setup: { polls: [sealed, later] } },
  loaders: [
    async ({ args }) => {
      localStorage.removeItem(`veche:poll:${args.poll}`);
      const memory = discussionAt(args.setup);
      await args.before?.(memory);
      return { adapter: args.wrap ? args.wrap(memory) : memory };
    },
  ],
  render: ({ poll, theme, lang, width }, { loaded }) => html`
    <veche-provider theme=${theme} lang=${lang}>
      <div style=${`max-width: ${width ?? '36rem'}; padding: 1rem;`}>
        <veche-poll poll=${poll} .adapter=${(loaded as { adapter: VecheAdapter }).adapter}></veche-poll>
      </div>
    </veche-provider>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/** A town-wide multiple-choice poll for any device, with «Другое». */
export const Open: Story = { play: async ({ canvasElement }) => void (await settled(canvasElement)) };

export const Answered: Story = {
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await choose(el, 'yards', 'sidewalks');
    await userEvent.click(inside(el, '[part~=submit]')!);
    await waitFor(() => expect(inside(el, '[part~=results]')).toBeTruthy());
  },
};

export const AsTable: Story = {
  args: { before: (a) => a.answerPoll!(DEMO_POLL_ID, { choices: ['lights'] }) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await userEvent.click(inside(el, '[part~=toggle]')!);
    await waitFor(() => expect(inside(el, '[part~=toggle]')?.getAttribute('aria-pressed')).toBe('true'));
  },
};

export const OtherAnswer: Story = {
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await choose(el, '');
    await waitFor(() => expect(inside(el, '#other')).toBeTruthy());
    await userEvent.type(inside(el, '#other')!, 'Ремонт дворовых дорог');
  },
};

export const NothingChosen: Story = {
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await userEvent.click(inside(el, '[part~=submit]')!);
    await waitFor(() => expect(shadowText(el)).toContain('Выберите ответ'));
  },
};

/** A residents' poll: one answer per resident, who signs in when answering. */
export const ResidentsPoll: Story = {
  args: { poll: DEMO_PROJECT_POLL_ID },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('один житель — один ответ');
  },
};

export const ResidentsPollSignedIn: Story = { args: { poll: DEMO_PROJECT_POLL_ID, setup: { signedIn: true } }, play: async ({ canvasElement }) => void (await settled(canvasElement)) };

export const Closed: Story = { args: { poll: DEMO_CLOSED_POLL_ID }, play: async ({ canvasElement }) => void (await settled(canvasElement)) };

export const Upcoming: Story = { args: { poll: 'later' }, play: async ({ canvasElement }) => void (await settled(canvasElement)) };

/** Answered a poll whose results show only after it closes. */
export const ResultsAfterClosing: Story = {
  args: { poll: 'sealed', before: (a) => a.answerPoll!('sealed', { choices: ['market'] }) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('Итоги покажем после');
  },
};

export const AnswerFailed: Story = {
  args: { wrap: (a) => withFaults(a, { answerPoll: 'network' }) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await choose(el, 'parks');
    await userEvent.click(inside(el, '[part~=submit]')!);
    await waitFor(() => expect(shadowText(el)).toContain('Ответ не отправлен'));
  },
};

export const ReadOnly: Story = { args: { wrap: (a) => without(a, ['answerPoll'], { polls: false }) }, play: async ({ canvasElement }) => void (await settled(canvasElement)) };

export const Unsupported: Story = { args: { wrap: (a) => without(a, ['getPoll']) }, play: async ({ canvasElement }) => void (await settled(canvasElement)) };

export const Loading: Story = {
  args: { wrap: (a) => withFaults(a, { getPoll: 'hang' }) },
  play: async ({ canvasElement }) => {
    const el = pollOfCanvas(canvasElement);
    await waitFor(() => expect(inside(el, '[part~=loading]')).toBeTruthy());
  },
};

export const NetworkError: Story = { args: { wrap: (a) => withFaults(a, { getPoll: 'network' }) }, play: async ({ canvasElement }) => void (await settled(canvasElement)) };

export const NotFound: Story = { args: { poll: 'nowhere' }, play: async ({ canvasElement }) => void (await settled(canvasElement)) };

export const NoPoll: Story = { args: { poll: '' }, play: async ({ canvasElement }) => void (await settled(canvasElement)) };

export const English: Story = { args: { lang: 'en', poll: DEMO_CLOSED_POLL_ID }, play: async ({ canvasElement }) => void (await settled(canvasElement)) };

export const Dark: Story = { args: { theme: 'dark' }, play: async ({ canvasElement }) => void (await settled(canvasElement)) };

export const HighContrast: Story = { args: { theme: 'contrast', poll: DEMO_CLOSED_POLL_ID }, play: async ({ canvasElement }) => void (await settled(canvasElement)) };

/** 320 px: a phone, or 640 px at 200 % zoom. */
export const Narrow: Story = {
  args: { width: '320px', theme: 'contrast', poll: DEMO_CLOSED_POLL_ID },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(el.scrollWidth).toBeLessThanOrEqual(320);
  },
};
