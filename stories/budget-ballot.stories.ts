import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { Selection, VecheAdapter } from '@veche/core';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../packages/elements/src/budget-ballot/define.ts';
import '../packages/elements/src/provider/define.ts';
import type { VecheBudgetBallot } from '../packages/elements/src/budget-ballot/budget-ballot.ts';
import { emptyBasket, type Basket } from '../packages/elements/src/budget-ballot/budget-ballot.model.ts';
import type { ThemeName } from '../packages/elements/src/styles/themes.ts';
import { NOW, RULES, ballotAt, clock, type BallotSetup } from '../packages/elements/test/support/ballot-fixtures.ts';
import { withFaults } from './support/adapters.ts';
import { inside, settledIn, shadowText } from './support/shadow.ts';

interface Args {
  theme: ThemeName;
  resultsHref?: string;
  /** How the demo campaign is set up (phase, rules, districts, sign-in); the clock is fixed at 15 June 2026. */
  setup: BallotSetup;
  /** What this device remembers from an earlier visit: a draft, or a vote it sent. */
  draft?: Partial<Basket>;
  /** Prepares the resident's history on the server (a draft, a ballot) before the story renders. */
  before?: (adapter: VecheAdapter) => Promise<unknown>;
  /** Wraps the adapter (faults, delays). */
  wrap?: (adapter: VecheAdapter) => VecheAdapter;
}

const KEY = 'veche:ballot:adapter|demo';
const ids = (...list: string[]): Selection[] => list.map((projectId) => ({ projectId }));

const ballotOf = (canvas: HTMLElement, index = 0) => canvas.querySelectorAll<VecheBudgetBallot>('veche-budget-ballot')[index]!;

/** The ballot once it shows its phase (its data and the parts it needs are in) or an error, so that axe checks the settled state. */
const settled = (canvas: HTMLElement, index = 0) => settledIn(canvas, 'veche-budget-ballot', '[part~=phase], [part~=error]', index);

async function tick(el: VecheBudgetBallot, ...projects: string[]): Promise<void> {
  for (const id of projects) await userEvent.click(inside(el, `input[data-id="${id}"]`)!);
}

async function toReview(el: VecheBudgetBallot): Promise<void> {
  await userEvent.click(inside(el, '[part~=review]')!);
  await waitFor(() => expect(inside(el, '#review-title')).toBeTruthy());
}

/**
 * `<veche-budget-ballot>` is where residents vote: every voting method (knapsack with a budget bar,
 * approval of N projects, a single choice, cumulative points with steppers), minimum and maximum
 * projects, a minimum share of the budget, a blank vote where allowed, and districts (choose one first,
 * or one section per district with its own budget). The rules are said before the first choice; every
 * broken rule is explained next to what causes it, live. The basket is kept on this device and, once
 * signed in, on the server; sign-in (voting codes `DEMO-1001`…`DEMO-1040`, or any e-mail with code
 * `123456`) is asked only when the vote is sent. A review step ends in "Отправить голос", then a
 * receipt. Every story runs on a MemoryAdapter with the clock fixed at 15 June 2026.
 */
const meta: Meta<Args> = {
  title: 'Elements/veche-budget-ballot',
  component: 'veche-budget-ballot',
  argTypes: {
    theme: { control: 'inline-radio', options: ['light', 'dark', 'contrast', 'auto'] },
    resultsHref: { control: 'text' },
    setup: { control: 'object' },
    draft: { control: 'object' },
    before: { table: { disable: true } },
    wrap: { table: { disable: true } },
  },
  args: { theme: 'light', setup: {} },
  loaders: [
    async ({ args }) => {
      for (const key of Object.keys(localStorage)) if (key.startsWith('veche:ballot:')) localStorage.removeItem(key);
      if (args.draft) localStorage.setItem(KEY, JSON.stringify({ ...emptyBasket(NOW), ...args.draft }));
      const memory = ballotAt(args.setup);
      await args.before?.(memory);
      return { adapter: args.wrap ? args.wrap(memory) : memory };
    },
  ],
  render: ({ theme, resultsHref }, { loaded }) => html`
    <veche-provider theme=${theme} style="max-width: 44rem">
      <veche-budget-ballot
        campaign="demo"
        results-href=${ifDefined(resultsHref)}
        .adapter=${(loaded as { adapter: VecheAdapter }).adapter}
        .clock=${clock}
      ></veche-budget-ballot>
    </veche-provider>
  `,
  play: async ({ canvasElement }) => {
    await settled(canvasElement);
  },
};
export default meta;

type Story = StoryObj<Args>;

/** Knapsack voting (the demo's rule), nothing chosen yet: the rules, an empty bar, six projects. */
export const Open: Story = {
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('Осталось 6 000 000 ₽');
  },
};

/** Two projects chosen: the bar fills, the money left shows, the rink no longer fits and says so. */
export const Choosing: Story = {
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await tick(el, 'demo-1', 'demo-4');
    await expect(shadowText(el)).toContain('Осталось 2 750 000 ₽');
    await expect(shadowText(el)).toContain('Не помещается в оставшийся бюджет');
  },
};

/** Over budget: explained next to the project that tipped it and by the bar. */
export const OverBudget: Story = {
  args: { draft: { selection: ids('demo-1', 'demo-4', 'demo-3') } },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('С этим проектом бюджет превышен на 150 000 ₽');
  },
};

/** At least half the budget must be spent: the mark on the bar and what is still needed. */
export const MinimumSpend: Story = {
  args: { setup: { rules: RULES.minSpend }, draft: { selection: ids('demo-6') } },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('нужно не меньше чем на 3 000 000 ₽');
  },
};

/** Approval, 2 to 3 projects: four chosen is one too many, explained on the fourth. */
export const ApprovalTooMany: Story = {
  args: { setup: { rules: RULES.approval }, draft: { selection: ids('demo-1', 'demo-2', 'demo-3', 'demo-4') } },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('можно не больше 3');
  },
};

/** Approval with too few chosen, after pressing "Проверить и отправить": what to fix, with focus on it. */
export const ApprovalTooFew: Story = {
  args: { setup: { rules: RULES.approval }, draft: { selection: ids('demo-1') } },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await userEvent.click(inside(el, '[part~=review]')!);
    await waitFor(() => expect(inside(el, '#issues')).toBeTruthy());
  },
};

export const Single: Story = { args: { setup: { rules: RULES.single }, draft: { selection: ids('demo-3') } } };

/** Cumulative: 10 points, at most 5 per project, given with steppers (buttons or arrow keys). */
export const Cumulative: Story = {
  args: { setup: { rules: RULES.cumulative }, draft: { selection: [{ projectId: 'demo-1', points: 4 }, { projectId: 'demo-5', points: 3 }] } },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('Осталось: 3 балла');
  },
};

/** A blank vote is allowed here (`minProjects: 0`): said in the rules and by the send button. */
export const BlankVote: Story = { args: { setup: { rules: RULES.blank } } };

/** One district per resident: the district first (by list, or on a map in the `map` slot). */
export const DistrictFirst: Story = { args: { setup: { rules: RULES.one } } };

/** The centre chosen: its projects and the city-wide one, within the centre's budget. */
export const DistrictChosen: Story = {
  args: { setup: { rules: RULES.one }, draft: { districtId: 'center', selection: ids('demo-1') } },
};

/** All districts on one ballot: a section and a budget for each, the shared budget for city-wide projects. */
export const AllDistricts: Story = {
  args: { setup: { rules: RULES.all }, draft: { selection: ids('demo-6', 'demo-1', 'demo-3') } },
};

/** The review step: the choice, the total, what is left, and the unmistakable "Отправить голос". */
export const Review: Story = {
  args: { draft: { selection: ids('demo-1', 'demo-6') } },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await toReview(el);
    await expect(inside(el, '[part~=submit]')!.textContent).toContain('Отправить голос');
  },
};

/** Signed out: sign-in is asked only now, at submit time; the code then sends the vote. */
export const SignInAtSubmit: Story = {
  args: { draft: { selection: ids('demo-2') } },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await toReview(el);
    await userEvent.click(inside(el, '[part~=submit]')!);
    await waitFor(() => expect(inside(el, 'veche-sign-in')?.shadowRoot?.querySelector('dialog')?.open).toBe(true), { timeout: 4000 });
    const dialog = inside(el, 'veche-sign-in')!.shadowRoot!;
    await userEvent.type(dialog.querySelector('#voting-code')!, 'DEMO-1001{Enter}');
    await waitFor(() => expect(inside(el, '#done')).toBeTruthy(), { timeout: 4000 });
  },
};

/** Voted: "Ваш голос учтён", the time, the choice, the receipt code, and the way to change it. */
export const Voted: Story = {
  args: { setup: { signedIn: true }, before: (a) => a.submitBallot('demo', { selection: ids('demo-1', 'demo-5') }) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('Ваш голос учтён');
    await expect(inside(el, '[part~=code]')).toBeTruthy();
  },
};

/** Withdrawn to vote again: the choice is back, with the warning that it does not count until sent. */
export const Withdrawn: Story = {
  args: { setup: { signedIn: true }, before: (a) => a.submitBallot('demo', { selection: ids('demo-1', 'demo-5') }) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await userEvent.click(inside(el, '[part~=withdraw]')!);
    await waitFor(() => expect(shadowText(el)).toContain('Ваш голос отозван'));
  },
};

/** No re-voting in this campaign: the receipt says the vote is final. */
export const VoteFinal: Story = {
  args: { setup: { signedIn: true, allowRevote: false }, before: (a) => a.submitBallot('demo', { selection: ids('demo-3') }) },
};

/** The server refuses the ballot (422): explained, back at the choice, the basket kept. */
export const Rejected: Story = {
  args: { setup: { signedIn: true }, draft: { selection: ids('demo-1') }, wrap: (a) => withFaults(a, { submitBallot: 'rule-violation' }) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await toReview(el);
    await userEvent.click(inside(el, '[part~=submit]')!);
    await waitFor(() => expect(shadowText(el)).toContain('Голос не отправлен'));
  },
};

/** Voting closed while the resident was reviewing (409): explained; the basket stays on this device. */
export const ClosedOnSubmit: Story = {
  args: { setup: { signedIn: true }, draft: { selection: ids('demo-1') }, wrap: (a) => withFaults(a, { submitBallot: 'phase-closed' }) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await toReview(el);
    await userEvent.click(inside(el, '[part~=submit]')!);
    await waitFor(() => expect(shadowText(el)).toContain('Этот этап сейчас закрыт'));
  },
};

/** No connection when sending: explained, with a retry that sends the same basket with the same key. */
export const NetworkOnSubmit: Story = {
  args: { setup: { signedIn: true }, draft: { selection: ids('demo-1') }, wrap: (a) => withFaults(a, { submitBallot: 'network' }) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await toReview(el);
    await userEvent.click(inside(el, '[part~=submit]')!);
    await waitFor(() => expect(inside(el, '[part~=retry]')).toBeTruthy());
  },
};

/** Before voting opens: the opening date, the rules, and the projects, read-only. */
export const BeforeVoting: Story = { args: { setup: { phase: 'review', daysLeft: 5 } } };

/** After voting closed: this device's vote, read-only with its receipt, and the link to the results. */
export const Closed: Story = {
  args: {
    setup: { phase: 'results' },
    resultsHref: '#results',
    draft: { status: 'submitted', selection: ids('demo-1', 'demo-6'), receipt: 'K7PM-3QXD', submittedAt: '2026-06-10T12:30:00Z' },
  },
};

/** After voting closed, a basket that was never sent: read-only, said not to count. */
export const ClosedNotSent: Story = { args: { setup: { phase: 'results' }, resultsHref: '#results', draft: { selection: ids('demo-2') } } };

/** 200 projects: the summary with the money left stays at the top while scrolling. */
export const ManyProjects: Story = { args: { setup: { projects: 200 } } };

export const Loading: Story = {
  args: { wrap: (a) => withFaults(a, { getCampaign: 'hang' }) },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(inside(ballotOf(canvasElement), '[part~=loading]')).toBeTruthy());
  },
};

export const NetworkError: Story = {
  args: { wrap: (a) => withFaults(a, { listProjects: 'network' }) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('Нет связи');
    await expect(inside(el, '[part~=retry]')).toBeTruthy();
  },
};

export const ServerError: Story = { args: { wrap: (a) => withFaults(a, { getCampaign: 'unavailable' }) } };

export const Timeout: Story = { args: { wrap: (a) => withFaults(a, { getIdentity: 'timeout' }) } };

export const BrokenResponse: Story = { args: { wrap: (a) => withFaults(a, { listProjects: 'invalid-response' }) } };

export const Dark: Story = { args: { theme: 'dark', draft: { selection: ids('demo-1', 'demo-4', 'demo-3') } } };

/** The low-vision version: black on white, larger text, thick borders. */
export const HighContrast: Story = { args: { theme: 'contrast', setup: { rules: RULES.cumulative }, draft: { selection: [{ projectId: 'demo-2', points: 6 }] } } };

/** English (also from the toolbar's language switch). */
export const English: Story = {
  globals: { locale: 'en' },
  args: { draft: { selection: ids('demo-1') } },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('left');
    await expect(shadowText(el)).toContain('Review and send');
  },
};

/** 320 px wide (a phone, or 200 % zoom): everything wraps, nothing scrolls sideways. */
export const Narrow: Story = {
  args: { theme: 'contrast', setup: { rules: RULES.cumulative } },
  render: (args, context) => html`<div style="width: 320px">${meta.render!(args, context)}</div>`,
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(el.scrollWidth).toBeLessThanOrEqual(320);
  },
};

/** Two ballots of one campaign on one page share the basket. */
export const TwoOnOnePage: Story = {
  render: (args, context) => html`${meta.render!(args, context)} ${meta.render!(args, context)}`,
  play: async ({ canvasElement }) => {
    const first = await settled(canvasElement, 0);
    const second = await settled(canvasElement, 1);
    await tick(first, 'demo-2');
    await waitFor(() => expect((inside(second, 'input[data-id="demo-2"]') as HTMLInputElement).checked).toBe(true));
  },
};
