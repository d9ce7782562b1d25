#!/usr/bin/env node
// Runs the TypeScript source through tsx: `npx veche-server` works right after `npm ci`, with no build.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/cli.ts');
await run(process.argv.slice(2));
