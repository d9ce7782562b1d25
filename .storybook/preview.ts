import { setCustomElementsManifest } from '@storybook/web-components';
import type { Preview } from '@storybook/web-components-vite';
import manifest from '../packages/elements/custom-elements.json';

// The manifest (`npm run manifest`, from the elements' JSDoc) drives the docs pages and the controls.
setCustomElementsManifest(manifest);
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
