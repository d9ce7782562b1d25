import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migrate } from './migrations.ts';
import type { Tables } from './schema.ts';

export type Engine = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<Tables>;
  engine: Engine;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL when set. */
  databaseUrl?: string | undefined;
  /** SQLite's folder (`veche.sqlite` inside), or `:memory:`. */
  dataDir?: string;
  /** PostgreSQL pool size (20). */
  poolSize?: number;
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
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 20, types: pgTypes });
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
  const database = {
    prepare(sql: string) {
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
  return { db, engine: 'sqlite', close: () => db.destroy() };
}
