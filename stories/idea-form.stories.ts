import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { VecheError, movePhases, type VecheAdapter } from '@veche/core';
import { MemoryAdapter, demoFixture } from '@veche/core/memory';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import '../packages/elements/src/idea-form/define.ts';
import type { VecheIdeaForm } from '../packages/elements/src/idea-form/idea-form.ts';
import type { ThemeName } from '../packages/elements/src/styles/themes.ts';
import { demoAdapter, withFaults } from './support/adapters.ts';
import '../packages/elements/src/provider/define.ts';

interface Args {
  theme: ThemeName;
  lang?: string;
  /** Made per story (never shared), so what one story sends does not show in another. */
  adapter?: () => VecheAdapter;
  api?: string;
  campaign?: string;
  width?: string;
}

/** The demo campaign with its ideas phase open now. */
const open = () => demoAdapter('phase=ideas');

/** The demo with a change to its campaign, ideas open. */
function changed(change: (c: ReturnType<typeof demoFixture>['campaign']) => void) {
  return () => {
    const fixture = demoFixture();
    fixture.campaign.phases = movePhases(fixture.campaign.phases as never, 'ideas', new Date(Date.now() - 86_400_000));
    change(fixture.campaign);
    return new MemoryAdapter({ fixtures: [fixture] });
  };
}

const formOf = (canvas: HTMLElement) => canvas.querySelector<VecheIdeaForm>('veche-idea-form')!;
const inside = (el: VecheIdeaForm) => el.shadowRoot!;

/** Waits until the form, a notice or an error is there, so that axe checks the settled state. */
async function settled(canvas: HTMLElement, what = 'form, [part~=notice], [role=alert]'): Promise<VecheIdeaForm> {
  const el = formOf(canvas);
  await waitFor(() => expect(inside(el).querySelector(what)).toBeTruthy(), { timeout: 4000 });
  await el.updateComplete;
  return el;
}

/** Types into a field as a resident does: input while typing, change on leaving. */
async function fill(el: VecheIdeaForm, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) {
    const input = inside(el).querySelector<HTMLInputElement>(`[name="${name}"]`)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }
  await el.updateComplete;
}

/** A complete idea with the required consent, then the send button. */
async function fillAndSend(el: VecheIdeaForm) {
  await fill(el, {
    title: 'Скамейки вдоль набережной',
    summary: 'Десять скамеек с навесом, чтобы пожилые жители могли отдохнуть по пути.',
    description: 'Сейчас на набережной негде присесть на всём пути от моста до парка — почти два километра.',
    district: 'riverside',
    cost: '450000',
    address: 'Набережная, от моста до парка',
    name: 'Ирина Соколова',
    contact: 'irina@example.ru',
  });
  inside(el).querySelector<HTMLInputElement>('#consent-personal-data')!.click();
  await el.updateComplete;
  send(el);
}

const send = (el: VecheIdeaForm) => inside(el).querySelector<HTMLButtonElement>('[part~=submit]')!.click();

/** Drafts are per page: start each story without the drafts of the others. */
function forgetDrafts() {
  for (const key of Object.keys(localStorage)) if (key.startsWith('veche:idea-draft:')) localStorage.removeItem(key);
}

/** A 64×48 PNG drawn on a canvas: a real photo for the upload stories. */
async function photo(name: string): Promise<File> {
  const canvas = Object.assign(document.createElement('canvas'), { width: 64, height: 48 });
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#5a8fbf';
  g.fillRect(0, 0, 64, 30);
  g.fillStyle = '#3f7a3a';
  g.fillRect(0, 30, 64, 18);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
  return new File([blob], name, { type: 'image/png' });
}

function attach(el: VecheIdeaForm, files: File[]) {
  const input = inside(el).querySelector<HTMLInputElement>('#photos')!;
  const transfer = new DataTransfer();
  files.forEach((f) => transfer.items.add(f));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * `<veche-idea-form>` lets a resident propose an idea: title, summary, description, category, district,
 * cost, place, photos with alt text, name and contact, and the separate, unticked 152-ФЗ consents with
 * their full texts. It keeps a draft in localStorage on every change, checks the idea with the same
 * `checkIdea` the server runs, shows problems next to the fields and in a summary that takes focus, and
 * outside the ideas phase says when ideas are accepted. Inside a host `<form>` it is a form control.
 */
const meta: Meta<Args> = {
  title: 'Elements/veche-idea-form',
  component: 'veche-idea-form',
  argTypes: {
    theme: { control: 'inline-radio', options: ['light', 'dark', 'contrast', 'auto'] },
    lang: { control: 'inline-radio', options: ['ru', 'en'] },
    adapter: { table: { disable: true } },
    api: { control: false },
    campaign: { control: false },
    width: { control: 'text' },
  },
  // Storybook's own page says <html lang="en">: the stories choose Russian, the default of a Russian site.
  args: { theme: 'light', lang: 'ru', campaign: 'demo' },
  loaders: [async () => forgetDrafts()],
  render: ({ theme, lang, adapter, api, campaign, width }, { id }) => html`
    <veche-provider theme=${theme} style="max-width: ${width ?? '44rem'}">
      <veche-idea-form
        api=${ifDefined(api)}
        campaign=${ifDefined(campaign)}
        lang=${ifDefined(lang)}
        draft-key=${id}
        .adapter=${api ? undefined : (adapter ?? open)()}
      ></veche-idea-form>
    </veche-provider>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/** The empty form: nothing ticked, no errors until the resident changes a field or sends. */
export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement, 'form');
    const boxes = [...inside(el).querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    await expect(boxes).toHaveLength(3);
    await expect(boxes.some((b) => b.checked)).toBe(false);
    await expect(inside(el).querySelector('[part~=error]')).toBeNull();
  },
};

export const Loading: Story = {
  args: { adapter: () => withFaults(open(), { getCampaign: 'hang' }) },
  play: async ({ canvasElement }) => {
    await settled(canvasElement, '[part=loading]');
  },
};

export const LoadFailed: Story = {
  args: { adapter: () => withFaults(open(), { getCampaign: 'network' }) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement, '[part=retry]');
    await expect(inside(el).textContent).toContain('Нет связи');
  },
};

export const MissingCampaign: Story = {
  args: { api: 'memory:demo', campaign: undefined },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement, '[role=alert]');
    await expect(inside(el).textContent).toContain('укажите кампанию');
  },
};

export const NotOpenYet: Story = {
  args: { adapter: () => new MemoryAdapter({ fixtures: [demoFixture(new Date(Date.now() + 200 * 86_400_000))] }) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement, '[part~=notice]');
    await expect(inside(el).textContent).toContain('Приём идей откроется');
  },
};

/** The demo campaign is voting now: its ideas phase ended months ago. */
export const Closed: Story = {
  args: { adapter: () => demoAdapter() },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement, '[part~=notice]');
    await expect(inside(el).textContent).toContain('Приём идей завершился');
  },
};

export const SignInNeeded: Story = {
  args: { adapter: changed((c) => (c.signIn = { ideas: ['voting-code'], support: [], voting: [] })) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement, '[part~=notice]');
    await expect(inside(el).textContent).toContain('войдите');
  },
};

/** Sent empty: the summary takes focus and links to each field; each field says what is wrong. */
export const ValidationErrors: Story = {
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement, 'form');
    await fill(el, { title: 'Очень длинное название '.repeat(6), cost: 'дорого', contact: 'не скажу' });
    send(el);
    await waitFor(() => expect(inside(el).activeElement?.getAttribute('part')).toBe('error-summary'));
    await expect(inside(el).querySelectorAll('[part~=error-summary] a').length).toBeGreaterThanOrEqual(5);
  },
};

/** A photo uploaded (with its alt text asked for) and one refused: its bytes are not an image. */
export const Photos: Story = {
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement, 'form');
    attach(el, [await photo('берег.png'), new File(['<html></html>'], 'фото.jpg', { type: 'image/jpeg' })]);
    await waitFor(() => expect(inside(el).textContent).toContain('Загружено'));
    await waitFor(() => expect(inside(el).querySelector('#photos-error')?.textContent).toContain('не фотография'));
    await fill(el, { [inside(el).querySelector<HTMLInputElement>('[name^=alt-]')!.name]: 'Пустой берег у моста' });
  },
};

export const PhotoUploadFailed: Story = {
  args: { adapter: () => withFaults(open(), { uploadImage: 'network' }) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement, 'form');
    attach(el, [await photo('берег.png')]);
    await waitFor(() => expect(inside(el).textContent).toContain('Не загрузилось'));
  },
};

export const NetworkErrorOnSubmit: Story = {
  args: { adapter: () => withFaults(open(), { submitIdea: 'network' }) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement, 'form');
    await fillAndSend(el);
    await waitFor(() => expect(inside(el).querySelector('[role=alert]')?.textContent).toContain('Нет связи'));
    await expect(inside(el).querySelector<HTMLInputElement>('#title')!.value).toBe('Скамейки вдоль набережной');
  },
};

/** The server answered 500 (the REST adapter reports `unavailable`). */
export const ServerError: Story = {
  args: { adapter: () => withFaults(open(), { submitIdea: 'unavailable' }) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement, 'form');
    await fillAndSend(el);
    await waitFor(() => expect(inside(el).querySelector('[role=alert]')?.textContent).toContain('временно недоступен'));
  },
};

/** The server refused the idea (400/422) and named the fields: the messages go next to them. */
export const ServerRefused: Story = {
  args: {
    adapter: () =>
      // withFaults binds the adapter's methods, so the proxy can pass them on.
      new Proxy(withFaults(open(), {}), {
        get: (target, key, receiver) =>
          key === 'submitIdea'
            ? async () => {
                throw new VecheError('invalid-input', 'Invalid idea', {
                  details: { issues: [{ field: 'consents.personal-data', code: 'consent-outdated', message: 'was given to version 1' }] },
                });
              }
            : Reflect.get(target, key, receiver),
      }),
  },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement, 'form');
    await fillAndSend(el);
    await waitFor(() => expect(inside(el).querySelector('#consent-personal-data-error')?.textContent).toContain('Текст согласия изменился'));
  },
};

export const Success: Story = {
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement, 'form');
    await fillAndSend(el);
    await waitFor(() => expect(inside(el).querySelector('[part=success]')?.textContent).toContain('Номер идеи'));
  },
};

/** A draft typed earlier on this device comes back, with a note and a way to clear it. */
export const DraftRestored: Story = {
  render: (args, context) => {
    localStorage.setItem(
      `veche:idea-draft:adapter|demo|${context.id}`,
      JSON.stringify({
        key: 'story-draft',
        title: 'Освещение тропинки к школе',
        description: 'Зимой дети идут в школу в темноте: нужны фонари вдоль тропинки от Северной улицы.',
        district: 'north',
        category: 'roads',
        contact: '+7 391 000-00-00',
      }),
    );
    return meta.render!(args, context);
  },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement, '[part~=draft]');
    await expect(inside(el).querySelector<HTMLInputElement>('#title')!.value).toBe('Освещение тропинки к школе');
  },
};

export const Dark: Story = {
  args: { theme: 'dark' },
  play: ValidationErrors.play!,
};

/** The low-vision version: large text, black on white, thick borders; errors shown to check them too. */
export const HighContrast: Story = {
  args: { theme: 'contrast' },
  play: ValidationErrors.play!,
};

export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement, 'form');
    await expect(inside(el).textContent).toContain('Suggest an idea');
  },
};

/** A phone 320 px wide (or 200 % zoom): one column, nothing scrolls sideways. */
export const Narrow: Story = {
  args: { width: '320px' },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement, 'form');
    await expect(el.scrollWidth).toBeLessThanOrEqual(320);
  },
};
