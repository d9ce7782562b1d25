import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../../../packages/server/src/index.ts';

/** Where the PostgreSQL tests connect (a role that may create databases); `off` skips PostgreSQL. */
export const PG_URL = process.env['VECHE_TEST_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export type EngineName = 'sqlite' | 'postgres';

/** Every engine the suites run on: SQLite always, PostgreSQL unless VECHE_TEST_PG_URL=off. */
export const ENGINES: EngineName[] = PG_URL === 'off' ? ['sqlite'] : ['sqlite', 'postgres'];

export interface TestDatabase {
  database: Database;
  /** The DATABASE_URL of a PostgreSQL database, for the CLI. */
  url: string | undefined;
  drop(): Promise<void>;
}

/** A fresh PostgreSQL database `veche_test_<random>`, dropped by `drop()`. */
export async function freshPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `veche_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`PostgreSQL does not answer at ${PG_URL} (set VECHE_TEST_PG_URL, or VECHE_TEST_PG_URL=off to skip it): ${String(error)}`, { cause: error });
  }
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    async drop() {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** A fresh, migrated database of the engine: SQLite in memory, or a new PostgreSQL database. */
export async function freshDatabase(engine: EngineName): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const database = await openDatabase({ dataDir: ':memory:' });
    return { database, url: undefined, drop: () => database.close() };
  }
  const pgdb = await freshPostgres();
  const database = await openDatabase({ databaseUrl: pgdb.url, poolSize: 10 });
  return {
    database,
    url: pgdb.url,
    async drop() {
      await database.close();
      await pgdb.drop();
    },
  };
}
