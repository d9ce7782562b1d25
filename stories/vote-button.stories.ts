import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { VecheAdapter } from '@veche/core';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../packages/elements/src/vote-button/define.ts';
import type { VecheVoteButton } from '../packages/elements/src/vote-button/vote-button.ts';
import type { ThemeName } from '../packages/elements/src/styles/themes.ts';
import { clock, memoryAt, type Setup } from '../packages/elements/test/support/vote-fixtures.ts';
import { withFaults } from './support/adapters.ts';
import '../packages/elements/src/provider/define.ts';

interface Args {
  project: string;
  theme: ThemeName;
  lang: string;
  ballotHref?: string;
  /** How the demo campaign is set up (phase, rules, sign-in); the clock is fixed at 15 June 2026. */
  setup: Setup;
  /** Prepares the resident's history (a support, a ballot) before the story renders. */
  before?: (adapter: VecheAdapter) => Promise<unknown>;
  /** Wraps the adapter (faults, delays). */
  wrap?: (adapter: VecheAdapter) => VecheAdapter;
}

const buttonOf = (canvas: HTMLElement, index = 0) => canvas.querySelectorAll<VecheVoteButton>('veche-vote-button')[index]!;
const inside = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const shadowText = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

/** Waits until the button shows its state or an error, so that axe checks the settled state. */
async function settled(canvas: HTMLElement, index = 0): Promise<VecheVoteButton> {
  const el = buttonOf(canvas, index);
  await waitFor(() => expect(inside(el, '.vote, [part~=error]')).toBeTruthy(), { timeout: 4000 });
  await el.updateComplete;
  return el;
}

/** The dialog's own shadow root, once the button has opened it. */
async function openDialog(el: VecheVoteButton): Promise<ShadowRoot> {
  await waitFor(() => expect(inside(el, 'veche-sign-in')?.shadowRoot?.querySelector('dialog')?.open).toBe(true), { timeout: 4000 });
  return inside(el, 'veche-sign-in')!.shadowRoot!;
}

/**
 * `<veche-vote-button>` supports a project in the support phase, or votes for it in the voting phase
 * of an approval or single-vote campaign. It shows the count, the resident's state (with a way to
 * withdraw), the phase (opening date, countdown, closed), asks the resident to sign in when needed
 * (voting code or one-time code: `DEMO-1001`…`DEMO-1040`, or any e-mail with code `123456`) and then
 * finishes what they asked for. Knapsack and cumulative campaigns vote on the ballot: the button says
 * so and links to it. Every story runs on a MemoryAdapter with the clock fixed at 15 June 2026.
 */
const meta: Meta<Args> = {
  title: 'Elements/veche-vote-button',
  component: 'veche-vote-button',
  argTypes: {
    project: { control: 'select', options: Array.from({ length: 15 }, (_, i) => `demo-${i + 1}`) },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'contrast', 'auto'] },
    lang: { control: 'inline-radio', options: ['ru', 'en'] },
    ballotHref: { control: 'text' },
    setup: { control: 'object' },
    before: { table: { disable: true } },
    wrap: { table: { disable: true } },
  },
  args: { project: 'demo-1', theme: 'light', lang: 'ru', setup: { phase: 'support', daysLeft: 3 } },
  loaders: [
    async ({ args }) => {
      const memory = memoryAt(args.setup);
      await args.before?.(memory);
      return { adapter: args.wrap ? args.wrap(memory) : memory };
    },
  ],
  render: ({ project, theme, lang, ballotHref }, { loaded }) => html`
    <veche-provider theme=${theme} lang=${lang} style="max-width: 40rem">
      <veche-vote-button
        campaign="demo"
        project=${project}
        ballot-href=${ifDefined(ballotHref)}
        .adapter=${(loaded as { adapter: VecheAdapter }).adapter}
        .clock=${clock}
      ></veche-vote-button>
    </veche-provider>
  `,
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
  },
};
export default meta;

type Story = StoryObj<Args>;

const SINGLE = { method: 'single' } as const;
const APPROVAL = { method: 'approval', maxProjects: 3 } as const;

/** Support phase, signed out: count and threshold, countdown, and the note that sign-in comes first. */
export const SupportSignedOut: Story = {
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('1 473 подписи');
    await expect(shadowText(el)).toContain('закроется через 3 дня');
  },
};

/** Signed out, the resident presses the button: the dialog asks for a code, then the support is saved. */
export const SignInThenSupport: Story = {
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await userEvent.click(inside(el, '[part~=button]')!);
    const dialog = await openDialog(el);
    await userEvent.type(dialog.querySelector('#voting-code')!, 'DEMO-1001{Enter}');
    await waitFor(() => expect(inside(el, '[part~=button]')!.getAttribute('aria-pressed')).toBe('true'), { timeout: 4000 });
  },
};

/** The dialog is open, a wrong code was typed: the error sits by the field and the code stays. */
export const WrongCode: Story = {
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await userEvent.click(inside(el, '[part~=button]')!);
    const dialog = await openDialog(el);
    await userEvent.type(dialog.querySelector('#voting-code')!, 'DEMO-9999{Enter}');
    await waitFor(() => expect(dialog.querySelector('[part~=error]')?.textContent).toContain('Код не подошёл'));
    await expect((dialog.querySelector('#voting-code') as HTMLInputElement).value).toBe('DEMO-9999');
  },
};

export const Supported: Story = {
  args: { setup: { phase: 'support', signedIn: true }, before: (a) => a.support('demo-1') },
};

export const SupportWithdrawn: Story = {
  args: {
    setup: { phase: 'support', signedIn: true },
    before: async (a) => {
      await a.support('demo-1');
      await a.withdrawSupport('demo-1');
    },
  },
};

/** Pressing the button saves at once on screen; the adapter confirms (300 ms here) and the result is announced. */
export const SupportSlow: Story = {
  args: { setup: { phase: 'support', signedIn: true }, wrap: (a) => withFaults(a, { support: { delay: 300 } }) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await userEvent.click(inside(el, '[part~=button]')!);
    await expect(inside(el, '[part~=button]')!.getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(inside(el, '[aria-live]')!.textContent).toContain('Вы поддержали'));
  },
};

/** The server answers 503: the change is rolled back and explained, with a retry. */
export const SupportFails: Story = {
  args: { setup: { phase: 'support', signedIn: true }, wrap: (a) => withFaults(a, { support: 'unavailable' }) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await userEvent.click(inside(el, '[part~=button]')!);
    await waitFor(() => expect(inside(el, '[part~=error]')?.textContent).toContain('Подпись не сохранена'));
    await expect(inside(el, '[part~=button]')!.getAttribute('aria-pressed')).toBe('false');
    await expect(inside(el, '[part~=retry]')).toBeTruthy();
  },
};

export const NotOpenYet: Story = { args: { setup: { phase: 'ideas', daysLeft: 10 } } };

export const VoteSignedOut: Story = { args: { setup: { rules: SINGLE, daysLeft: 3 } } };

export const VoteSignedIn: Story = { args: { setup: { rules: APPROVAL, signedIn: true } } };

export const Voted: Story = {
  args: { setup: { rules: SINGLE, signedIn: true }, before: (a) => a.submitBallot('demo', { selection: [{ projectId: 'demo-1' }] }) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('Код подтверждения');
  },
};

/** A single vote that was withdrawn: the ballot is a draft, and the button says the vote does not count. */
export const VoteNotCounted: Story = {
  args: {
    setup: { rules: SINGLE, signedIn: true },
    before: async (a) => {
      await a.submitBallot('demo', { selection: [{ projectId: 'demo-1' }] });
      await a.withdrawBallot('demo');
    },
  },
};

export const VotedElsewhere: Story = {
  args: { setup: { rules: SINGLE, signedIn: true }, before: (a) => a.submitBallot('demo', { selection: [{ projectId: 'demo-2' }] }) },
};

/** No re-voting in this campaign: a vote given is final, and the button is inactive. */
export const VoteFinal: Story = {
  args: {
    setup: { rules: SINGLE, allowRevote: false, signedIn: true },
    before: (a) => a.submitBallot('demo', { selection: [{ projectId: 'demo-1' }] }),
  },
};

/** Approval voting with a full ballot: the rule is explained and nothing changes. */
export const BallotFull: Story = {
  args: {
    setup: { rules: { method: 'approval', maxProjects: 2 }, signedIn: true },
    before: (a) => a.submitBallot('demo', { selection: [{ projectId: 'demo-2' }, { projectId: 'demo-3' }] }),
  },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await userEvent.click(inside(el, '[part~=button]')!);
    await waitFor(() => expect(inside(el, '[part~=error]')?.textContent).toContain('можно не больше 2'));
  },
};

/** Knapsack voting (the demo's rule): the vote happens on the ballot; the button links there. */
export const BallotOnly: Story = {
  args: { setup: { signedIn: true }, ballotHref: '#ballot', before: (a) => a.submitBallot('demo', { selection: [{ projectId: 'demo-1' }] }) },
};

/** Voting is over: when it closed, the votes per project, and the outcome. */
export const Closed: Story = { args: { setup: { phase: 'results' } } };

export const NotEligible: Story = { args: { project: 'demo-8', setup: { rules: SINGLE, signedIn: true } } };

/** Signed in with a voting code where the campaign wants a one-time code: the button offers to sign in again. */
export const WrongSignInMethod: Story = {
  args: { setup: { rules: SINGLE, signedIn: true, signIn: { voting: ['one-time-code'] } } },
};

/** Only the host site can sign residents in (a city portal): the button says where. */
export const HostSignInOnly: Story = { args: { setup: { rules: SINGLE, signIn: { voting: ['host-token'] } } } };

export const Loading: Story = {
  args: { wrap: (a) => withFaults(a, { getProject: 'hang' }) },
  play: async ({ canvasElement }) => {
    const el = buttonOf(canvasElement);
    await waitFor(() => expect(inside(el, '[part~=loading]')).toBeTruthy());
  },
};

export const NetworkError: Story = {
  args: { wrap: (a) => withFaults(a, { getProject: 'network' }) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('Нет связи');
    await expect(inside(el, '[part~=retry]')).toBeTruthy();
  },
};

export const ServerError: Story = { args: { wrap: (a) => withFaults(a, { getSupport: 'unavailable' }) } };

export const BrokenResponse: Story = { args: { wrap: (a) => withFaults(a, { getIdentity: 'invalid-response' }) } };

export const NoProject: Story = { args: { project: '' } };

export const Dark: Story = { args: { theme: 'dark', setup: { phase: 'support', signedIn: true }, before: (a) => a.support('demo-1') } };

/** The low-vision version: black on white, larger text, thick borders. */
export const HighContrast: Story = {
  args: { theme: 'contrast', setup: { rules: SINGLE, signedIn: true }, before: (a) => a.submitBallot('demo', { selection: [{ projectId: 'demo-1' }] }) },
};

export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('1,473 signatures');
    await expect(shadowText(el)).toContain('Support closes in 3 days');
  },
};

/** 320 px wide (a phone, or 200 % zoom): everything wraps, nothing scrolls sideways. */
export const Narrow: Story = {
  args: { theme: 'contrast', setup: { phase: 'support', signedIn: true } },
  render: (args, context) => html`<div style="width: 320px">${meta.render!(args, context)}</div>`,
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(el.scrollWidth).toBeLessThanOrEqual(320);
  },
};

/** Two buttons for one project on one page share the adapter: a support in one shows in the other. */
export const TwoOnOnePage: Story = {
  args: { setup: { phase: 'support', signedIn: true } },
  render: (args, context) => html`${meta.render!(args, context)} ${meta.render!(args, context)}`,
  play: async ({ canvasElement }) => {
    const first = await settled(canvasElement, 0);
    const second = await settled(canvasElement, 1);
    await userEvent.click(inside(first, '[part~=button]')!);
    await waitFor(() => expect(inside(second, '[part~=button]')!.getAttribute('aria-pressed')).toBe('true'));
  },
};
