import type { Preview } from '@storybook/web-components-vite';
import { html } from 'lit';

const preview: Preview = {
  parameters: {
    // Every story test also runs axe; a violation fails it.
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
  globalTypes: {
    locale: {
      description: 'Language of the elements (the lang they inherit)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'ru', title: 'Русский' },
          { value: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'ru' },
  // Stories render inside an element with the chosen `lang`: Russian by default, like the product.
  decorators: [(story, { globals }) => html`<div lang=${globals['locale'] ?? 'ru'}>${story()}</div>`],
};

export default preview;
