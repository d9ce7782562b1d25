import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

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

/** The embed bundle: ES modules, minified, shared code in chunks beside the entries. */
export default defineConfig({
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
