import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { VecheError, type SignInMethod, type VecheAdapter } from '@veche/core';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../packages/elements/src/sign-in/define.ts';
import type { VecheSignIn } from '../packages/elements/src/sign-in/sign-in.ts';
import type { SignInAction } from '../packages/elements/src/sign-in/sign-in.types.ts';
import type { ThemeName } from '../packages/elements/src/styles/themes.ts';
import { instrument, memoryAt, type Setup } from '../packages/elements/test/support/vote-fixtures.ts';
import { withFaults } from './support/adapters.ts';
import '../packages/elements/src/provider/define.ts';

interface Args {
  action: SignInAction;
  theme: ThemeName;
  lang: string;
  methods?: SignInMethod[];
  setup: Setup;
  wrap?: (adapter: VecheAdapter) => VecheAdapter;
}

const dialogOf = (canvas: HTMLElement) => canvas.querySelector<VecheSignIn>('veche-sign-in')!;

/** Opens the dialog from the page's button (as a host would) and waits for focus in its first field. */
async function open(canvas: HTMLElement, field = true): Promise<ShadowRoot> {
  const el = dialogOf(canvas);
  await userEvent.click(canvas.querySelector('button')!);
  const root = el.shadowRoot!;
  await waitFor(() => expect(root.querySelector('dialog')!.open).toBe(true));
  if (field) await waitFor(() => expect(root.activeElement?.tagName).toBe('INPUT'), { timeout: 4000 });
  return root;
}

/**
 * `<veche-sign-in>` is the small modal dialog the vote button (and the ballot, and the idea form) opens
 * when an action needs a resident: a voting code printed on a letter (`DEMO-1001`…`DEMO-1040` here) or a
 * one-time code sent to an e-mail or phone (`123456` for any contact here). It offers only the methods
 * the campaign accepts for the action. `open(action)` resolves with the identity, or null when closed;
 * Escape closes it and focus returns to the opener. Typed text is kept after errors and closing.
 */
const meta: Meta<Args> = {
  title: 'Elements/veche-sign-in',
  component: 'veche-sign-in',
  argTypes: {
    action: { control: 'inline-radio', options: ['ideas', 'support', 'voting'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'contrast', 'auto'] },
    lang: { control: 'inline-radio', options: ['ru', 'en'] },
    methods: { control: 'check', options: ['voting-code', 'one-time-code', 'host-token'] },
    setup: { control: 'object' },
    wrap: { table: { disable: true } },
  },
  args: { action: 'voting', theme: 'light', lang: 'ru', setup: {} },
  loaders: [
    ({ args }) => {
      const memory = memoryAt(args.setup);
      return { adapter: args.wrap ? args.wrap(memory) : memory };
    },
  ],
  render: ({ action, theme, lang, methods }, { loaded }) => html`
    <veche-provider theme=${theme} lang=${lang}>
      <button type="button" @click=${(e: Event) => void ((e.target as HTMLElement).nextElementSibling as VecheSignIn).open(action)}>
        ${lang === 'en' ? 'Sign in' : 'Войти'}
      </button>
      <veche-sign-in
        campaign="demo"
        .adapter=${(loaded as { adapter: VecheAdapter }).adapter}
        .methods=${methods}
      ></veche-sign-in>
    </veche-provider>
  `,
  play: async ({ canvasElement }) => {
    await open(canvasElement);
  },
};
export default meta;

type Story = StoryObj<Args>;

/** The voting code, the first of the campaign's methods; a link switches to a one-time code. */
export const VotingCode: Story = {};

/** The closed dialog takes no room: the host's button opens it. */
export const Closed: Story = {
  play: async ({ canvasElement }) => {
    await expect(dialogOf(canvasElement).shadowRoot!.querySelector('dialog')!.open).toBe(false);
  },
};

export const SignedIn: Story = {
  play: async ({ canvasElement }) => {
    const root = await open(canvasElement);
    const signedIn = new Promise((resolve) => dialogOf(canvasElement).addEventListener('veche-sign-in', resolve, { once: true }));
    await userEvent.type(root.querySelector('#voting-code')!, 'DEMO-1001{Enter}');
    await signedIn;
    await waitFor(() => expect(root.querySelector('dialog')!.open).toBe(false));
    await expect(document.activeElement).toBe(canvasElement.querySelector('button'));
  },
};

export const WrongCode: Story = {
  play: async ({ canvasElement }) => {
    const root = await open(canvasElement);
    await userEvent.type(root.querySelector('#voting-code')!, 'DEMO-0000{Enter}');
    await waitFor(() => expect(root.querySelector('[part~=error]')?.textContent).toContain('Код не подошёл'));
  },
};

export const EmptyCode: Story = {
  play: async ({ canvasElement }) => {
    const root = await open(canvasElement);
    await userEvent.click(root.querySelector('[part~=submit]')!);
    await waitFor(() => expect(root.querySelector('[part~=error]')?.textContent).toContain('Введите код'));
  },
};

export const RateLimited: Story = {
  args: {
    wrap: (a) => {
      const spy = instrument(a);
      spy.fail.signIn = new VecheError('rate-limited', 'slow down', { retryAfter: 600 });
      return spy.adapter;
    },
  },
  play: async ({ canvasElement }) => {
    const root = await open(canvasElement);
    await userEvent.type(root.querySelector('#voting-code')!, 'DEMO-1001{Enter}');
    await waitFor(() => expect(root.querySelector('[part~=error]')?.textContent).toContain('через 10 минут'));
  },
};

export const NetworkError: Story = {
  args: { wrap: (a) => withFaults(a, { signIn: 'network' }) },
  play: async ({ canvasElement }) => {
    const root = await open(canvasElement);
    await userEvent.type(root.querySelector('#voting-code')!, 'DEMO-1001{Enter}');
    await waitFor(() => expect(root.querySelector('[part~=error]')?.textContent).toContain('Нет связи'));
  },
};

/** A one-time code: the contact first. */
export const OneTimeCode: Story = {
  args: { methods: ['one-time-code'] },
};

/** The code is on its way: where it went, the code field, sending again or changing the contact. */
export const CodeSent: Story = {
  args: { methods: ['one-time-code'] },
  play: async ({ canvasElement }) => {
    const root = await open(canvasElement);
    await userEvent.type(root.querySelector('#contact')!, 'anna@example.ru{Enter}');
    await waitFor(() => expect(root.activeElement?.id).toBe('one-time-code'));
    await expect(root.textContent).toContain('a***@example.ru');
  },
};

export const ServerErrorSendingCode: Story = {
  args: { methods: ['one-time-code'], wrap: (a) => withFaults(a, { requestCode: 'unavailable' }) },
  play: async ({ canvasElement }) => {
    const root = await open(canvasElement);
    await userEvent.type(root.querySelector('#contact')!, '+7 900 123-45-67{Enter}');
    await waitFor(() => expect(root.querySelector('[part~=error]')?.textContent).toContain('временно недоступен'));
    await expect((root.querySelector('#contact') as HTMLInputElement).value).toBe('+7 900 123-45-67');
  },
};

/** The campaign accepts only the host site's sign-in for voting: the dialog says so. */
export const NoMethodHere: Story = {
  args: { setup: { signIn: { voting: ['host-token'] } } },
  play: async ({ canvasElement }) => {
    const root = await open(canvasElement, false);
    await waitFor(() => expect(root.textContent).toContain('нельзя войти по коду'));
  },
};

/** The campaign's sign-in rules are loading (a slow server). */
export const Loading: Story = {
  args: { wrap: (a) => withFaults(a, { getCampaign: 'hang' }) },
  play: async ({ canvasElement }) => {
    const root = await open(canvasElement, false);
    await waitFor(() => expect(root.querySelector('[part~=loading]')).toBeTruthy());
  },
};

export const Dark: Story = { args: { theme: 'dark' } };

export const HighContrast: Story = { args: { theme: 'contrast' } };

export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    const root = await open(canvasElement);
    await expect(root.textContent).toContain('Confirm you are a resident');
  },
};
