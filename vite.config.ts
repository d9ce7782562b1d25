import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { THEME_NAMES, tokenSheet } from './packages/elements/src/styles/themes.ts';

const elements = fileURLToPath(new URL('./packages/elements/', import.meta.url));

/** `veche.js` plus one entry per element (`src/entries/<tag>.ts` → `dist/<tag>.js`). */
function entries(): Record<string, string> {
  const out: Record<string, string> = { veche: `${elements}src/veche.ts` };
  let files: string[] = [];
  try {
    files = readdirSync(`${elements}src/entries`);
  } catch {
    // No per-element entries yet.
  }
  for (const file of files) if (file.endsWith('.ts')) out[file.slice(0, -3)] = `${elements}src/entries/${file}`;
  return out;
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

/** The embed bundle: ES modules, minified, shared code in chunks beside the entries. */
export default defineConfig({
  plugins: [themeSheets()],
  build: {
    outDir: `${elements}dist`,
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    manifest: true,
    sourcemap: true,
    lib: {
      entry: entries(),
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rollupOptions: {
      output: { chunkFileNames: 'chunks/[name]-[hash].js', minify: true },
    },
  },
});
