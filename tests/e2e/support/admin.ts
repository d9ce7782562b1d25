import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoFixture } from '@veche/core/memory';
import type { Browser, Page } from 'playwright';
import { expect } from 'vitest';
import { CLI_ACTOR } from '../../../packages/server/src/staff/roles.ts';
import { addStaff } from '../../../packages/server/src/service/staff.ts';
import { type AuditEntry, listAudit } from '../../../packages/server/src/service/audit.ts';
import { openDatabase, seedFixture } from '../../../packages/server/src/index.ts';
import { startServer, type TestServer } from '../../node/support/server.ts';
import { axe, watchErrors } from './browser.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = `${root}packages/server/bin/veche-server.mjs`;

export interface AdminServer extends TestServer {
  /** The SQLite folder the server uses (the CLI works on the same database). */
  dataDir: string;
  /** Notices the server sent to residents (moderation decisions). */
  notices: { contact: string; subject: string; text: string }[];
  /** `npx veche-server …` on the server's database. */
  cli(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }>;
  /** A staff member with a password of their own (no first-sign-in step). */
  staff(email: string, role: 'administrator' | 'moderator' | 'viewer', password?: string): Promise<{ email: string; password: string }>;
  audit(filter?: Record<string, string>): Promise<AuditEntry[]>;
}

/**
 * The reference server on a SQLite file with the demo campaign (dated today), serving the built
 * console at /admin/ and the element bundle at /veche/. Needs `npm run build`.
 */
export async function startAdminServer(): Promise<AdminServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'veche-admin-e2e-'));
  const database = await openDatabase({ dataDir });
  const notices: AdminServer['notices'] = [];
  const server = await startServer('sqlite', {
    seed: false,
    database,
    now: () => new Date(),
    sender: { send: async () => undefined, notify: async (m) => void notices.push(m) },
    static: [
      { prefix: '/veche/', root: `${root}packages/elements/dist/`, anyOrigin: true },
      { prefix: '/admin/', root: `${root}packages/admin/dist/` },
    ],
  });
  await seedFixture(server.server.ctx, demoFixture(new Date()));
  return {
    ...server,
    dataDir,
    notices,
    async close() {
      await server.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
    cli: (args, input) =>
      new Promise((resolve) => {
        const child = execFile(process.execPath, [BIN, ...args], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' } }, (error, stdout, stderr) =>
          resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        );
        child.stdin!.end(input ?? '');
      }),
    async staff(email, role, password = 'a long enough password') {
      await addStaff(server.server.ctx, { email, name: email.split('@')[0], role, password }, CLI_ACTOR);
      return { email, password };
    },
    audit: async (filter = {}) => (await listAudit(server.server.ctx, { limit: 1000, ...filter })).items,
  };
}

/** A fresh page of the console with its errors collected; confirm() dialogs are accepted. */
export async function openConsole(browser: Browser, server: AdminServer, options: { viewport?: { width: number; height: number } } = {}): Promise<{ page: Page; errors: string[] }> {
  // bypassCSP: axe is injected as an inline script; the console itself runs under its strict policy.
  const page = await browser.newPage({ viewport: options.viewport ?? { width: 1280, height: 900 }, bypassCSP: true });
  const errors = watchErrors(page);
  page.on('dialog', (d) => void d.accept());
  await page.goto(`${server.origin}/admin/`);
  return { page, errors };
}

/** Signs in through the form (the session is then kept by the page). */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Электронная почта').fill(email);
  await page.getByLabel('Пароль', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
}

/** axe finds nothing on the page (shadow roots included); `what` names the screen in the failure. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = await axe(page);
  expect(violations.map((v) => `${v.id}: ${v.help} at ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`), what).toEqual([]);
}

/** The page does not scroll sideways (200 % zoom of a 1280 px window is a 640 px one). */
export async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(scroll, `${what} scrolls sideways`).toBeLessThanOrEqual(client + 1);
}
