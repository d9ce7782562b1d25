import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';

/** Browser tests: elements and cross-package browser suites, on the TypeScript source, in the system Chromium. */
export default {
  files: ['packages/elements/test/**/*.test.ts', 'tests/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production', 'browser'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  browsers: [chromeLauncher({ launchOptions: { executablePath: chromiumPath, headless: true, args: chromiumArgs } })],
  // One page at a time: Chromium does not run requestAnimationFrame in background tabs, and fixtures wait for it.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
};
