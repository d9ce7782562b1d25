import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll } from 'vitest';
import { type EngineName, freshPostgres } from './databases.ts';

const BIN = fileURLToPath(new URL('../../../packages/server/bin/veche-server.mjs', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliHarness {
  /** Runs `veche-server …` on the suite's database; never throws for a non-zero exit. */
  cli(...args: string[]): Promise<CliRun>;
  /** The environment the CLI runs with: `DATABASE_URL` (PostgreSQL) or `DATA_DIR` (SQLite). */
  readonly env: Record<string, string>;
  /** A temporary folder of the suite, removed after it. */
  readonly dir: string;
}

/**
 * The `veche-server` command of a describe block on a fresh database of the engine: a new PostgreSQL
 * database, or SQLite in a temporary folder; both removed after the block.
 */
export function useCli(engine: EngineName): CliHarness {
  const state = { env: {} as Record<string, string>, dir: '', cleanup: async () => undefined as void };
  beforeAll(async () => {
    state.dir = mkdtempSync(join(tmpdir(), 'veche-cli-'));
    if (engine === 'postgres') {
      const pg = await freshPostgres();
      state.env = { DATABASE_URL: pg.url };
      state.cleanup = pg.drop;
    } else {
      state.env = { DATA_DIR: join(state.dir, 'data') };
    }
  });
  afterAll(async () => {
    await state.cleanup();
    rmSync(state.dir, { recursive: true, force: true });
  });
  return {
    get env() {
      return state.env;
    },
    get dir() {
      return state.dir;
    },
    async cli(...args) {
      try {
        const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { env: { ...process.env, ...state.env }, maxBuffer: 64 * 1024 * 1024 });
        return { code: 0, stdout, stderr };
      } catch (error) {
        const e = error as { code: number; stdout: string; stderr: string };
        return { code: e.code, stdout: e.stdout, stderr: e.stderr };
      }
    },
  };
}
