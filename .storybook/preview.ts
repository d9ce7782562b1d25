import type { Preview } from '@storybook/web-components-vite';

const preview: Preview = {
  parameters: {
    // Every story test also runs axe; a violation fails it.
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
};

export default preview;
