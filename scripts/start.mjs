#!/usr/bin/env node
// `npm start`: builds the embed bundle, starts the reference server on SQLite in ./data with the demo
// campaign (seeded on the first start only; later starts reuse the data), serves examples/ at /,
// the bundle at /veche/ and the API at /api, and prints the address and fresh demo voting codes.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const root = fileURLToPath(new URL('../', import.meta.url));
const build = spawnSync(process.execPath, [`${root}scripts/build.mjs`], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
// The React and Vue examples, linked from the demo page.
for (const example of ['react', 'vue']) {
  const built = spawnSync('npx', ['vite', 'build', '--config', `examples/${example}/vite.config.ts`, '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

register();
const { checkoutMounts, createServer, issueCodes, loadConfig, seedFixture } = await import('../packages/server/src/index.ts');
const { demoFixture } = await import('@veche/core/memory');

const config = loadConfig(process.env, root);
const server = await createServer({ config, static: checkoutMounts() });
const seeded = await seedFixture(server.ctx, demoFixture(new Date()));
const codes = await issueCodes(server.ctx, 'demo', 5);
await server.app.listen({ port: config.port, host: config.host });

const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}/`;
console.info(`Veche demo: ${url}  (API ${url}api, OpenAPI ${url}api/openapi.json)`);
console.info(`Database: ${config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`} (${seeded ? 'demo campaign created' : 'existing data reused'})`);
console.info(`Demo voting codes (each works once): ${codes.join('  ')}`);
console.info('One-time codes for e-mail or phone sign-in are printed here. Ctrl+C stops.');

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
