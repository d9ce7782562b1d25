import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { VecheError } from '@veche/core';
import { migrate } from './migrations.ts';
import type { Tables } from './schema.ts';

export type Engine = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<Tables>;
  engine: Engine;
  close(): Promise<void>;
  /**
   * Throws `unavailable` when the database must not be used now; every query checks it first. SQLite:
   * its file is no longer the one at its path (moved, deleted, its volume gone), so writing on would go
   * to a file nobody finds again (and its WAL would be left behind under the old name).
   */
  check?(): void;
}

export interface OpenOptions {
  /** PostgreSQL when set. */
  databaseUrl?: string | undefined;
  /** SQLite's folder (`veche.sqlite` inside), or `:memory:`. */
  dataDir?: string;
  /** PostgreSQL pool size (20). */
  poolSize?: number;
  /** How long a request waits for a PostgreSQL connection before answering 503, in ms (5,000). */
  connectTimeoutMs?: number;
}

// PostgreSQL returns bigint and numeric as strings; ours are money and counts well below 2^53.
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

/** Opens SQLite under `dataDir` (WAL) or PostgreSQL at `databaseUrl`, and runs the migrations. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    // Without a connection timeout a request waits forever for an unreachable database.
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 20,
      types: pgTypes,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    });
    // An idle connection the database closed (a restart, a failover) must not bring the server down:
    // the pool drops it and opens another on the next query.
    pool.on('error', (error) => console.warn(`[veche] PostgreSQL connection lost: ${error.message}`));
    const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
    await migrate(db as Kysely<unknown>);
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  const dir = options.dataDir ?? ':memory:';
  let file = ':memory:';
  if (dir !== ':memory:') {
    mkdirSync(dir, { recursive: true });
    file = join(dir, 'veche.sqlite');
  }
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Kysely prepares every statement anew; keeping the prepared ones halves the cost of a small query.
  const statements = new Map<string, SQLite.Statement>();
  const check = file === ':memory:' ? undefined : fileCheck(file);
  const database = {
    prepare(sql: string) {
      // A transaction already begun may still end (a rollback must never be refused).
      if (check && !TRANSACTION_CONTROL.test(sql)) check();
      let statement = statements.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        if (statements.size >= 500) statements.delete(statements.keys().next().value!);
        statements.set(sql, statement);
      }
      return statement;
    },
    close: () => sqlite.close(),
  };
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database }) });
  await migrate(db as Kysely<unknown>);
  return { db, engine: 'sqlite', close: () => db.destroy(), ...(check ? { check } : {}) };
}

const TRANSACTION_CONTROL = /^\s*(begin|commit|rollback|savepoint|release)\b/i;

/** Whether the SQLite file at `file` is still the one opened (same device and inode). */
function fileCheck(file: string): () => void {
  const opened = statSync(file);
  let warned = false;
  return () => {
    let now: ReturnType<typeof statSync>;
    try {
      now = statSync(file, { throwIfNoEntry: false });
    } catch {
      now = undefined;
    }
    if (now && now.ino === opened.ino && now.dev === opened.dev) {
      warned = false;
      return;
    }
    if (!warned) console.warn(`[veche] ${file} is ${now ? 'another file' : 'gone'}: answering 503 until the database file is back`);
    warned = true;
    throw new VecheError('unavailable', 'The server cannot reach its database at the moment; try again in a few seconds', { retryAfter: 5 });
  };
}
