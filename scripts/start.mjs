#!/usr/bin/env node
// `npm start`: builds the embed bundle, starts the reference server on SQLite in ./data with the demo
// campaign (seeded on the first start only; later starts reuse the data), serves examples/ at /,
// the bundle at /veche/, the console at /admin/ and the API at /api, and prints the address, fresh demo
// voting codes and, on the first start, the console's administrator and one-time password.
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
const { addStaff, listStaff } = await import('../packages/server/src/service/staff.ts');
const { CLI_ACTOR } = await import('../packages/server/src/staff/roles.ts');

const config = loadConfig(process.env, root);
const server = await createServer({ config, static: checkoutMounts() });
const seeded = await seedFixture(server.ctx, demoFixture(new Date()));
const codes = await issueCodes(server.ctx, 'demo', 5);
// The console needs a staff account: the demo's first start makes an administrator with a one-time
// password (changed at the first sign-in), as `veche-server staff add` would.
const firstAdmin = (await listStaff(server.ctx)).length === 0
  ? await addStaff(server.ctx, { email: 'admin@demo.veche.local', name: 'Администратор демо', role: 'administrator' }, CLI_ACTOR)
  : undefined;
await server.app.listen({ port: config.port, host: config.host });

const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}/`;
console.info(`Veche demo: ${url}  (API ${url}api, OpenAPI ${url}api/openapi.json)`);
console.info(`Database: ${config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`} (${seeded ? 'demo campaign created' : 'existing data reused'})`);
console.info(`Demo voting codes (each works once): ${codes.join('  ')}`);
console.info(
  firstAdmin
    ? `Administration console: ${url}admin/  sign in as ${firstAdmin.staff.email} with the one-time password ${firstAdmin.password} (shown once)`
    : `Administration console: ${url}admin/  (staff: npm run cli -- staff list | staff reset-password EMAIL)`,
);
console.info('One-time codes for e-mail or phone sign-in are printed here. Ctrl+C stops.');

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
