import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { VecheAdapter } from '@veche/core';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../packages/elements/src/provider/define.ts';
import '../packages/elements/src/share/define.ts';
import type { ThemeName } from '../packages/elements/src/styles/themes.ts';
import { withFaults } from './support/adapters.ts';
import { inside, settledIn, shadowText } from './support/shadow.ts';
import { demoIn } from './support/results-fixtures.ts';

interface Args {
  url?: string;
  text?: string;
  networks?: string;
  theme: ThemeName;
  lang?: string;
  /** Made per render; none means the element has no api at all. */
  adapter?: () => VecheAdapter;
  width?: string;
}

const CITY_URL = 'https://pb.kedrovogorsk.example/2026';
const shareOf = (canvas: HTMLElement, index = 0) => canvas.querySelectorAll('veche-share')[index]!;
/** The links and the QR code. */
const settled = (canvas: HTMLElement, index = 0) => settledIn(canvas, 'veche-share', 'svg[part=qr]', index);

/**
 * `<veche-share>` gives share links for VK, OK, Telegram and MAX (no Viber: blocked in Russia), a
 * copy-link button, a QR code and a poster to print for notice boards. It shares `url` with `text`;
 * without them it takes the campaign's page and title from the adapter, and without an adapter this
 * page's address. Links open in a new tab without a referrer.
 */
const meta: Meta<Args> = {
  title: 'Elements/veche-share',
  component: 'veche-share',
  argTypes: {
    url: { control: 'text' },
    text: { control: 'text' },
    networks: { control: 'text' },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'contrast', 'auto'] },
    lang: { control: 'inline-radio', options: ['ru', 'en'] },
    width: { control: 'text' },
    adapter: { table: { disable: true } },
  },
  args: { url: CITY_URL, text: 'Голосуем за проекты народного бюджета до 10 декабря', theme: 'light', lang: 'ru' },
  render: ({ url, text, networks, theme, lang, adapter, width }) => html`
    <veche-provider theme=${theme}>
      <div style=${`max-width: ${width ?? '40rem'}; padding: 1rem;`}>
        <veche-share
          campaign="demo"
          url=${ifDefined(url)}
          text=${ifDefined(text)}
          networks=${ifDefined(networks)}
          lang=${ifDefined(lang)}
          .adapter=${adapter?.()}
        ></veche-share>
      </div>
    </veche-provider>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/** With `url` and `text` alone: no api, no calls. */
export const UrlAndText: Story = {
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(el.shadowRoot!.querySelectorAll('a[data-network]')).toHaveLength(4);
    await expect(inside(el, 'a[data-network=telegram]')?.getAttribute('href')).toContain(`url=${encodeURIComponent(CITY_URL)}`);
  },
};

/** The campaign's page and title, from the adapter. */
export const FromCampaign: Story = {
  args: { url: undefined, text: undefined, adapter: () => demoIn('voting') },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await waitFor(() => expect(el.shareText).toContain('Народный бюджет Кедровогорска'));
  },
};

/** No url, no api: this page's address. */
export const ThisPage: Story = {
  args: { url: undefined, text: undefined },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(el.shareUrl).toBe(location.href);
  },
};

export const SomeNetworks: Story = {
  args: { networks: 'telegram max' },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect([...el.shadowRoot!.querySelectorAll<HTMLElement>('a[data-network]')].map((a) => a.dataset['network'])).toEqual(['telegram', 'max']);
  },
};

export const Copied: Story = {
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await userEvent.click(inside(el, '[part~=copy]')!);
    // Copied, or (where the browser refuses) the field is selected and the resident is told how.
    await waitFor(() => expect(inside(el, '[part=status]')?.textContent?.trim()).toBeTruthy());
  },
};

/** The print view for notice boards: big QR code, title, text, the address in words. */
export const Poster: Story = {
  args: { adapter: () => demoIn('voting'), url: CITY_URL, text: 'Голосуйте до 10 декабря: выберите, что построить в городе' },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await userEvent.click(inside(el, '[part~=open-poster]')!);
    await waitFor(() => expect(el.shadowRoot!.querySelector<HTMLDialogElement>('dialog')?.open).toBe(true));
    await expect(inside(el, '[part=poster] .address')?.textContent).toBe('pb.kedrovogorsk.example/2026');
  },
};

export const BadUrl: Story = {
  args: { url: 'javascript:alert(1)' },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('не подходит');
  },
};

export const CampaignFails: Story = {
  args: { url: undefined, text: undefined, adapter: () => withFaults(demoIn('voting'), { getCampaign: 'network' }) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('Не удалось загрузить кампанию');
  },
};

export const Loading: Story = {
  args: { url: undefined, text: undefined, adapter: () => withFaults(demoIn('voting'), { getCampaign: 'hang' }) },
  play: async ({ canvasElement }) => {
    const el = shareOf(canvasElement);
    await waitFor(() => expect(inside(el, '[part=loading]')).toBeTruthy());
  },
};

export const Narrow: Story = {
  args: { width: '320px' },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(el.scrollWidth).toBeLessThanOrEqual(320);
  },
};

export const Dark: Story = {
  args: { theme: 'dark' },
  play: async ({ canvasElement }) => void (await settled(canvasElement)),
};

export const HighContrast: Story = {
  args: { theme: 'contrast' },
  play: async ({ canvasElement }) => void (await settled(canvasElement)),
};

export const English: Story = {
  args: { lang: 'en', text: 'Vote for the projects of the people’s budget' },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await waitFor(() => expect(shadowText(el)).toContain('Copy link'));
  },
};

export const TwoOnOnePage: Story = {
  render: ({ theme }) => html`
    <veche-provider theme=${theme} campaign="demo" .adapter=${demoIn('voting')}>
      <div style="display: grid; gap: 2rem; padding: 1rem; max-width: 40rem;">
        <veche-share></veche-share>
        <veche-share url=${CITY_URL} text="Второй виджет на странице" networks="vk telegram"></veche-share>
      </div>
    </veche-provider>
  `,
  play: async ({ canvasElement }) => {
    await settled(canvasElement, 0);
    await settled(canvasElement, 1);
  },
};
