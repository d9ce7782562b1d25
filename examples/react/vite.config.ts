import { defineConfig } from 'vite';

// Vite 8 compiles TSX with the automatic React runtime; no plugin needed.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  build: { outDir: 'dist', emptyOutDir: true },
});
