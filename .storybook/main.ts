import type { StorybookConfig } from '@storybook/web-components-vite';
import { mergeConfig } from 'vite';

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-vitest', '@storybook/addon-a11y', '@storybook/addon-docs'],
  staticDirs: [{ from: '../examples/demo', to: '/demo' }],
  core: { disableTelemetry: true },
  viteFinal: (vite) =>
    mergeConfig(vite, {
      // Pre-bundle the map's dependencies up front: discovering them during a run reloads the page
      // ("No Preview") in a fresh checkout. Leaflet is used as its own ES modules, unbundled.
      optimizeDeps: { include: ['supercluster', 'lit', 'lit/decorators.js', 'lit/directive.js'], exclude: ['leaflet'] },
      // One copy of Lit for the stories and the elements.
      resolve: { dedupe: ['lit', 'lit-html', 'lit-element', '@lit/reactive-element'] },
    }),
};

export default config;
