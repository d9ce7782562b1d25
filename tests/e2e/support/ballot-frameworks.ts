import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The smallest React 19 and Vue 3 apps around `<veche-budget-ballot>`: the adapter object goes in as a
 * property, `veche-ballot-change` comes out into the framework's state (shown in `[data-testid=changes]`).
 * No JSX or SFC, so neither needs a compiler plugin.
 */
const APPS = {
  react: `
    import '@veche/elements/budget-ballot';
    import { createMemoryAdapter } from '@veche/core/memory';
    import { createElement as h, useState } from 'react';
    import { createRoot } from 'react-dom/client';
    const adapter = createMemoryAdapter('memory:demo');
    function App() {
      const [changes, setChanges] = useState(0);
      return h('main', null,
        h('h1', null, 'React 19'),
        h('veche-budget-ballot', { adapter, campaign: 'demo', 'onveche-ballot-change': () => setChanges((n) => n + 1) }),
        h('p', { 'data-testid': 'changes' }, String(changes)));
    }
    createRoot(document.getElementById('root')).render(h(App));
  `,
  vue: `
    import '@veche/elements/budget-ballot';
    import { createMemoryAdapter } from '@veche/core/memory';
    import { createApp, h, ref } from 'vue';
    const adapter = createMemoryAdapter('memory:demo');
    createApp({
      setup() {
        const changes = ref(0);
        return () => h('main', [
          h('h1', 'Vue 3'),
          h('veche-budget-ballot', { adapter, campaign: 'demo', onVecheBallotChange: () => changes.value++ }),
          h('p', { 'data-testid': 'changes' }, String(changes.value)),
        ]);
      },
    }).mount('#root');
  `,
} as const;

const PAGE = (name: string, title: string) => `<!doctype html>
<html lang="ru"><head><meta charset="utf-8" /><title>${title} in ${name}</title></head>
<body><div id="root"></div><script type="module" src="./app.js"></script></body></html>`;

/**
 * Builds both apps (Vite, from the workspace sources) into a temporary folder: `<dir>/react/`, `<dir>/vue/`.
 * Other elements' suites pass their own `apps` (the same two frameworks) and page title.
 */
export async function buildFrameworkApps(apps: Readonly<Record<'react' | 'vue', string>> = APPS, title = 'veche-budget-ballot'): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'veche-ballot-apps-'));
  for (const [name, code] of Object.entries(apps)) {
    const id = `\0veche-ballot-${name}-app.ts`;
    const out = (await build({
      root,
      configFile: false,
      logLevel: 'warn',
      define: { 'process.env.NODE_ENV': '"production"', __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
      plugins: [{ name: 'veche-ballot-app', resolveId: (s) => (s.endsWith(`veche-ballot-${name}-app`) ? id : null), load: (s) => (s === id ? code : null) }],
      build: { write: false, target: 'es2022', lib: { entry: `veche-ballot-${name}-app`, formats: ['es'], fileName: () => 'app.js' } },
    })) as Rolldown.RolldownOutput[];
    for (const file of out.flatMap((o) => o.output)) {
      const path = join(dir, name, file.fileName);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.type === 'chunk' ? file.code : file.source);
    }
    writeFileSync(join(dir, name, 'index.html'), PAGE(name, title));
  }
  return dir;
}
