import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { THEME_NAMES, tokenSheet } from './packages/elements/src/styles/themes.ts';
import { entries } from './scripts/entries.mjs';
import { minifyTemplatesPlugin } from './scripts/minify-templates.ts';

const elements = fileURLToPath(new URL('./packages/elements/', import.meta.url));

/** On-demand chunks named after what they are: `rest-adapter`, `memory`, `sign-in`, `vote-button.i18n.en`. */
function chunkName(facade: string | null): string {
  if (!facade) return '[name]';
  if (facade.includes('/adapter-rest/')) return 'rest-adapter';
  const element = /\/elements\/src\/([\w-]+)\/define\.ts$/.exec(facade);
  return element ? element[1]! : '[name]';
}

/** Writes the token sheets `dist/themes/<name>.css` from the same tokens the `theme` attribute uses. */
function themeSheets(): Plugin {
  return {
    name: 'veche-theme-sheets',
    generateBundle() {
      for (const name of THEME_NAMES) {
        if (name === 'auto') continue;
        this.emitFile({ type: 'asset', fileName: `themes/${name}.css`, source: tokenSheet(name) });
      }
    },
  };
}

/**
 * Leaflet tests for inline SVG by writing `'<svg/>'` to `innerHTML` when it loads, which a page that
 * requires Trusted Types (`require-trusted-types-for 'script'`) refuses, so the map would not load there.
 * Every browser the map supports has inline SVG: the test becomes a DOM call with the same answer.
 */
function leafletWithoutInnerHtml(): Plugin {
  const probe = "div.innerHTML = '<svg/>';";
  return {
    name: 'veche-leaflet-trusted-types',
    transform(code, id) {
      if (!/[\\/]leaflet[\\/]src[\\/]core[\\/]Browser\.js$/.test(id)) return null;
      if (!code.includes(probe)) throw new Error(`${id}: Leaflet changed its inline-SVG test; check it for innerHTML under Trusted Types`);
      return { code: code.replace(probe, "div.appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'svg'));"), map: null };
    },
  };
}

/**
 * The embed bundle. `scripts/build.mjs` builds each entry on its own (VECHE_ENTRY names it), so every
 * `dist/<entry>.js` is self-contained — one script tag — and shares nothing with the other entries: it
 * loads one chunk up front (`dist/chunks/<entry>-<hash>.js`, none when nothing loaded later shares its
 * code), and what is loaded on demand (the HTTP or memory adapter, dialogs, English texts) sits beside it
 * in `dist/chunks/`. Without VECHE_ENTRY (e.g. `vite build` by hand) all entries build together with
 * shared chunks. The css`` and html`` templates are shortened (scripts/minify-templates.ts) and the output
 * keeps no comments (the minifier kept every `@__PURE__` annotation).
 */
export default defineConfig(() => {
  const all = entries();
  const only = process.env['VECHE_ENTRY'];
  const entry = only ? { [only]: all[only]! } : all;
  return {
    plugins: [themeSheets(), leafletWithoutInnerHtml(), minifyTemplatesPlugin()],
    build: {
      outDir: `${elements}dist`,
      emptyOutDir: !only || only === 'veche',
      target: 'es2022',
      minify: true,
      manifest: only ? `.vite/manifest-${only}.json` : true,
      sourcemap: true,
      lib: {
        entry,
        // The host snippet is pasted as a plain <script> into CMS pages: a classic script, no globals.
        formats: [only === 'embed' ? ('iife' as const) : ('es' as const)],
        name: 'VecheEmbed',
        fileName: (_format: string, name: string) => `${name}.js`,
      },
      rollupOptions: {
        // veche.js defines every element up front; an element's lazy import of another is then a no-op, by design.
        onwarn(warning, warn) {
          if (warning.code !== 'INEFFECTIVE_DYNAMIC_IMPORT') warn(warning);
        },
        output: {
          chunkFileNames: (chunk: { facadeModuleId: string | null }) => `chunks/${chunkName(chunk.facadeModuleId)}-[hash].js`,
          minify: true,
          comments: false,
          // What an entry loads up front in one chunk rather than several small shared ones: one gzip
          // stream compresses better and saves requests. The chunk is named after the entry; chunks loaded
          // on demand import from it, never from the entry file (whose URL a host may version or rename).
          // (scripts/build.mjs builds an entry again without it when no such chunk exists: VECHE_SPLIT=auto.)
          ...(only && only !== 'embed' && process.env['VECHE_SPLIT'] !== 'auto'
            ? { codeSplitting: { groups: [{ name: only, tags: ['$initial' as const] }] } }
            : {}),
        },
      },
    },
  };
});
