import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { VecheAdapter } from '@veche/core';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../packages/elements/src/comments/define.ts';
import type { VecheComments } from '../packages/elements/src/comments/comments.ts';
import '../packages/elements/src/provider/define.ts';
import type { ThemeName } from '../packages/elements/src/styles/themes.ts';
import { withFaults } from './support/adapters.ts';
import { NOW, discussionAt, without, type DiscussionSetup } from './support/discussion-fixtures.ts';
import { inside, shadowText } from './support/shadow.ts';

interface Args {
  project: string;
  theme: ThemeName;
  lang: string;
  sort: 'newest' | 'useful';
  pageSize: number;
  /** How the demo campaign's discussion is set up; the clock is fixed at 15 June 2026. */
  setup: DiscussionSetup;
  /** Prepares what happened before (a comment posted) on the adapter. */
  before?: (adapter: VecheAdapter) => Promise<unknown>;
  /** Wraps the adapter (faults, a backend without the discussion). */
  wrap?: (adapter: VecheAdapter) => VecheAdapter;
  /** The width of the box (320px for a phone, or 200 % zoom of 640px). */
  width?: string;
}

const clock = () => NOW;
const commentsOf = (canvas: HTMLElement) => canvas.querySelector<VecheComments>('veche-comments')!;

/** The discussion once it shows threads, a notice or an error (axe then checks the settled state). */
async function settled(canvas: HTMLElement): Promise<VecheComments> {
  const el = commentsOf(canvas);
  await waitFor(() => expect(inside(el, '.section, [part~=error]')).toBeTruthy(), { timeout: 4000 });
  await el.updateComplete;
  return el;
}

/** The discussion with its forms loaded: a form, or a comment's buttons (they load with the forms). */
async function withForms(canvas: HTMLElement): Promise<VecheComments> {
  const el = await settled(canvas);
  await waitFor(() => expect(inside(el, 'form, [data-action]')).toBeTruthy(), { timeout: 4000 });
  await el.updateComplete;
  return el;
}

const write = async (el: VecheComments, value: string) => {
  await userEvent.type(inside(el, '#new')!, value);
  await userEvent.click(inside(el, 'form [part~=submit]')!);
};

/**
 * `<veche-comments>` is a project's discussion: threads one level deep, newest or most useful first,
 * official answers of the administration marked and pinned, a for / against / neutral stance, "useful"
 * marks, edits for 10 minutes, reports to the moderators, and pre-moderation where the campaign wants
 * it. Residents sign in when they first act (`DEMO-1001`…`DEMO-1040`); the name shows only with its own
 * consent; typed text is kept until sent. Every story runs on a MemoryAdapter with the demo's comments.
 */
const meta: Meta<Args> = {
  title: 'Elements/veche-comments',
  component: 'veche-comments',
  argTypes: {
    project: { control: 'select', options: ['demo-1', 'demo-2', 'demo-8', 'demo-9'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'contrast', 'auto'] },
    lang: { control: 'inline-radio', options: ['ru', 'en'] },
    sort: { control: 'inline-radio', options: ['newest', 'useful'] },
    pageSize: { control: 'number' },
    setup: { control: 'object' },
    width: { control: 'text' },
    before: { table: { disable: true } },
    wrap: { table: { disable: true } },
  },
  args: { project: 'demo-1', theme: 'light', lang: 'ru', sort: 'newest', pageSize: 20, setup: {} },
  loaders: [
    async ({ args }) => {
      localStorage.removeItem(`veche:comments:${args.project}`);
      const memory = discussionAt(args.setup);
      await args.before?.(memory);
      return { adapter: args.wrap ? args.wrap(memory) : memory };
    },
  ],
  render: ({ project, theme, lang, sort, pageSize, width }, { loaded }) => html`
    <veche-provider theme=${theme} lang=${lang}>
      <div style=${`max-width: ${width ?? '44rem'}; padding: 1rem;`}>
        <veche-comments project=${project} sort=${sort} page-size=${pageSize} .adapter=${(loaded as { adapter: VecheAdapter }).adapter} .clock=${clock}></veche-comments>
      </div>
    </veche-provider>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/** A visitor who has not signed in: the threads, and a form that asks for sign-in when sent. */
export const SignedOut: Story = {
  play: async ({ canvasElement }) => {
    const el = await withForms(canvasElement);
    await expect(shadowText(el)).toContain('Официальный ответ');
    await expect(shadowText(el)).toContain('попросим подтвердить');
  },
};

export const SignedIn: Story = {
  args: { setup: { signedIn: true } },
  play: async ({ canvasElement }) => {
    const el = await withForms(canvasElement);
    await expect(inside(el, '#new')).toBeTruthy();
  },
};

export const MostUseful: Story = { args: { sort: 'useful' }, play: async ({ canvasElement }) => void (await withForms(canvasElement)) };

export const Empty: Story = {
  args: { project: 'demo-9', setup: { signedIn: true } },
  play: async ({ canvasElement }) => {
    const el = await withForms(canvasElement);
    await expect(shadowText(el)).toContain('Комментариев пока нет');
  },
};

/** A comment just posted. */
export const Posted: Story = {
  args: { setup: { signedIn: true } },
  play: async ({ canvasElement }) => {
    const el = await withForms(canvasElement);
    await write(el, 'Площадку ждём всем двором!');
    await waitFor(() => expect(shadowText(el)).toContain('7 комментариев'));
  },
};

/** Pre-moderation: the resident's comment waits, visible only to them. */
export const AwaitingModeration: Story = {
  args: { setup: { signedIn: true, discussion: { premoderation: true } } },
  play: async ({ canvasElement }) => {
    const el = await withForms(canvasElement);
    await write(el, 'Проверьте меня');
    await waitFor(() => expect(shadowText(el)).toContain('На модерации'));
  },
};

/** The comment could not be sent: the text stays, the reason is said. */
export const PostFailed: Story = {
  args: { setup: { signedIn: true }, wrap: (a) => withFaults(a, { postComment: 'network' }) },
  play: async ({ canvasElement }) => {
    const el = await withForms(canvasElement);
    await write(el, 'Этот текст не потеряется');
    await waitFor(() => expect(inside(el, '[id=new-error]')).toBeTruthy());
    await expect((inside(el, '#new') as HTMLTextAreaElement).value).toBe('Этот текст не потеряется');
  },
};

export const TooLong: Story = {
  args: { setup: { signedIn: true, discussion: { maxLength: 100 } } },
  play: async ({ canvasElement }) => {
    const el = await withForms(canvasElement);
    await write(el, 'Очень длинный комментарий. '.repeat(4));
    await waitFor(() => expect(shadowText(el)).toContain('длиннее 100'));
  },
};

export const ShowName: Story = {
  args: { setup: { signedIn: true } },
  play: async ({ canvasElement }) => {
    const el = await withForms(canvasElement);
    await userEvent.click(inside(el, '.consent input')!);
    await waitFor(() => expect(inside(el, '#new-name')).toBeTruthy());
  },
};

export const Replying: Story = {
  args: { setup: { signedIn: true } },
  play: async ({ canvasElement }) => {
    const el = await withForms(canvasElement);
    await userEvent.click(inside(el, '[data-action=reply][data-id="c-1-2"]')!);
    await waitFor(() => expect(inside(el, '[id="reply-c-1-2"]')).toBeTruthy());
  },
};

/** Within 10 minutes of posting, the author may edit. */
export const Editing: Story = {
  args: { setup: { signedIn: true }, before: (a) => a.postComment!('demo-1', { body: 'Опечтака в коментарии', stance: 'neutral' }) },
  play: async ({ canvasElement }) => {
    const el = await withForms(canvasElement);
    await userEvent.click(inside(el, '[data-action=edit]')!);
    await waitFor(() => expect(shadowText(el)).toContain('Изменить можно до'));
  },
};

export const Reporting: Story = {
  args: { setup: { signedIn: true } },
  play: async ({ canvasElement }) => {
    const el = await withForms(canvasElement);
    await userEvent.click(inside(el, '[data-action=report][data-id="c-1-3"]')!);
    await waitFor(() => expect(shadowText(el)).toContain('На что жалуетесь?'));
  },
};

export const Reported: Story = {
  args: { setup: { signedIn: true }, before: (a) => a.reportComment!('c-1-3', { reason: 'off-topic' }) },
  play: async ({ canvasElement }) => {
    const el = await withForms(canvasElement);
    await expect(shadowText(el)).toContain('Вы пожаловались');
  },
};

export const MarkedUseful: Story = {
  args: { setup: { signedIn: true }, before: (a) => a.markComment!('c-1-2', true) },
  play: async ({ canvasElement }) => {
    const el = await withForms(canvasElement);
    await expect(inside(el, '[data-action=mark][data-id="c-1-2"]')?.getAttribute('aria-pressed')).toBe('true');
  },
};

export const MarkFailed: Story = {
  args: { setup: { signedIn: true }, wrap: (a) => withFaults(a, { markComment: 'unavailable' }) },
  play: async ({ canvasElement }) => {
    const el = await withForms(canvasElement);
    await userEvent.click(inside(el, '[data-action=mark][data-id="c-1-2"]')!);
    await waitFor(() => expect(shadowText(el)).toContain('Отметка не сохранена'));
  },
};

export const MoreToLoad: Story = { args: { pageSize: 2 }, play: async ({ canvasElement }) => void (await withForms(canvasElement)) };

export const Closed: Story = { args: { setup: { discussion: { open: false } } }, play: async ({ canvasElement }) => void (await withForms(canvasElement)) };

export const HostSignInOnly: Story = {
  args: { setup: { discussion: { signIn: ['host-token'] } } },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await waitFor(() => expect(shadowText(el)).toContain('войдите на сайте'));
  },
};

/** A backend that only reads comments (no `postComment`, `capabilities.comments` false). */
export const ReadOnly: Story = {
  args: { wrap: (a) => without(a, ['postComment'], { comments: false }) },
  play: async ({ canvasElement }) => void (await settled(canvasElement)),
};

/** A backend without a discussion at all. */
export const Unsupported: Story = { args: { wrap: (a) => without(a, ['listComments']) }, play: async ({ canvasElement }) => void (await settled(canvasElement)) };

export const Loading: Story = {
  args: { wrap: (a) => withFaults(a, { listComments: 'hang' }) },
  play: async ({ canvasElement }) => {
    const el = commentsOf(canvasElement);
    await waitFor(() => expect(inside(el, '[part~=loading]')).toBeTruthy());
  },
};

export const NetworkError: Story = { args: { wrap: (a) => withFaults(a, { listComments: 'network' }) }, play: async ({ canvasElement }) => void (await settled(canvasElement)) };

export const ServerError: Story = { args: { wrap: (a) => withFaults(a, { listComments: 'unavailable' }) }, play: async ({ canvasElement }) => void (await settled(canvasElement)) };

export const BrokenResponse: Story = { args: { wrap: (a) => withFaults(a, { listComments: 'invalid-response' }) }, play: async ({ canvasElement }) => void (await settled(canvasElement)) };

export const NoProject: Story = { args: { project: '' }, play: async ({ canvasElement }) => void (await settled(canvasElement)) };

/** Resident text is text: markup in a comment shows as typed. */
export const HostileText: Story = {
  args: { project: 'demo-8', setup: { signedIn: true }, before: (a) => a.postComment!('demo-8', { body: '<img src=x onerror=alert(1)> <script>alert(2)</script> **жирный**' }) },
  play: async ({ canvasElement }) => {
    const el = await withForms(canvasElement);
    await expect(inside(el, '.body img')).toBeNull();
  },
};

export const English: Story = { args: { lang: 'en', setup: { signedIn: true } }, play: async ({ canvasElement }) => void (await withForms(canvasElement)) };

export const Dark: Story = { args: { theme: 'dark', setup: { signedIn: true } }, play: async ({ canvasElement }) => void (await withForms(canvasElement)) };

export const HighContrast: Story = { args: { theme: 'contrast', setup: { signedIn: true } }, play: async ({ canvasElement }) => void (await withForms(canvasElement)) };

/** 320 px: a phone, or 640 px at 200 % zoom. */
export const Narrow: Story = {
  args: { width: '320px', theme: 'contrast', setup: { signedIn: true } },
  play: async ({ canvasElement }) => {
    const el = await withForms(canvasElement);
    await expect(el.scrollWidth).toBeLessThanOrEqual(320);
  },
};
