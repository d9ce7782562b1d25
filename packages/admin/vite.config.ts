import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('./', import.meta.url));

/** The console: one page (`index.html`) and its module, served by the reference server at /admin/. */
export default defineConfig({
  root: here,
  base: '/admin/',
  logLevel: 'warn',
  build: {
    outDir: `${here}dist`,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      // The console defines every element up front; their lazy imports of each other are then no-ops, by design.
      onwarn(warning, warn) {
        if (warning.code !== 'INEFFECTIVE_DYNAMIC_IMPORT') warn(warning);
      },
    },
  },
});
