import { setCustomElementsManifest } from '@storybook/web-components';
import type { Preview } from '@storybook/web-components-vite';
import manifest from '../packages/elements/custom-elements.json';
import { DocsPage } from './docs-page.ts';

import { html } from 'lit';

interface Declaration {
  slots?: { name: string; description?: string }[];
}

/**
 * The manifest (`npm run manifest`, from the elements' JSDoc) drives the docs pages and the controls.
 * The default slot is named "" in a manifest, and Storybook's table would drop a row without a name:
 * it is shown as "default".
 */
setCustomElementsManifest({
  ...manifest,
  modules: manifest.modules.map((module) => ({
    ...module,
    declarations: (module.declarations as Declaration[] | undefined)?.map((d) =>
      d.slots ? { ...d, slots: d.slots.map((slot) => (slot.name ? slot : { ...slot, name: 'default' })) } : d,
    ),
  })),
});

const preview: Preview = {
  // Every element gets a docs page: attributes, properties, events, slots, parts and CSS properties from
  // the manifest, and a copy-paste embed snippet.
  tags: ['autodocs'],
  parameters: {
    docs: { page: DocsPage },
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
