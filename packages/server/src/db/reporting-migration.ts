import { type Kysely, type Migration, sql } from 'kysely';

/** News items and the participation figures the administration enters (portable to SQLite and PostgreSQL). */
export const reportingMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('updates')
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
      .addColumn('project_id', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('updates_pk', ['campaign_id', 'id'])
      .execute();
    await db.schema.createIndex('updates_campaign_date').on('updates').columns(['campaign_id', 'date', 'id']).execute();
    await db.schema.createIndex('updates_project_date').on('updates').columns(['project_id', 'date', 'id']).execute();

    await db.schema
      .createTable('participation_entries')
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('participation_entries_pk', ['campaign_id', 'year'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of ['participation_entries', 'updates']) await sql`drop table if exists ${sql.table(table)}`.execute(db);
  },
};

/** One news item: filter columns beside the UpdateItem as JSON. */
export interface UpdatesTable {
  id: string;
  campaign_id: string;
  project_id: string | null;
  /** news, phase or milestone. */
  kind: string;
  /** ISO 8601 in UTC (`toISOString`), so that text order is time order. */
  date: string;
  data: string;
  created_at: string;
}

/** What the administration entered for one year of a campaign: a ParticipationEntry as JSON. */
export interface ParticipationEntriesTable {
  campaign_id: string;
  year: number;
  data: string;
  updated_at: string;
}

export interface ReportingTables {
  updates: UpdatesTable;
  participation_entries: ParticipationEntriesTable;
}
