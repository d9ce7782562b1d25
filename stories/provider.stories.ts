import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect } from 'storybook/test';
import '../packages/elements/src/provider/define.ts';

/**
 * `<veche-provider>` gives an adapter, a campaign and a theme to every Veche element inside it. It has no
 * look of its own beyond the theme's colours.
 */
const meta: Meta = {
  title: 'Elements/veche-provider',
  component: 'veche-provider',
  argTypes: {
    theme: { control: 'inline-radio', options: ['light', 'dark', 'contrast', 'auto'] },
  },
  args: { theme: 'light' },
  render: ({ theme }) => html`
    <veche-provider api="memory:demo" campaign="demo" theme=${theme}>
      <p>Элементы внутри получают адрес API, кампанию и тему.</p>
    </veche-provider>
  `,
};
export default meta;

type Story = StoryObj<{ theme: string }>;

export const Light: Story = {};
export const Dark: Story = {
  args: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const provider = canvasElement.querySelector('veche-provider')!;
    await expect(getComputedStyle(provider).backgroundColor).toBe('rgb(22, 24, 28)');
  },
};
export const HighContrast: Story = { args: { theme: 'contrast' } };
