import { type Kysely, type Migration, sql } from 'kysely';

/** Comments, marks, reports, polls and poll answers: portable types and indexes for SQLite and PostgreSQL. */
export const discussionMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('comments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
      .addColumn('parent_id', 'text', (c) => c.references('comments.id').onDelete('cascade'))
      .addColumn('resident_id', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('stance', 'text')
      .addColumn('author_name', 'text')
      .addColumn('official', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('useful', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('reports', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('consents', 'text')
      .addColumn('ip', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('edited_at', 'text')
      .addColumn('moderated_at', 'text')
      .addColumn('note', 'text')
      .execute();
    await db.schema.createIndex('comments_project').on('comments').columns(['project_id', 'status', 'created_at']).execute();
    await db.schema.createIndex('comments_campaign_status').on('comments').columns(['campaign_id', 'status', 'created_at']).execute();
    await db.schema.createIndex('comments_resident').on('comments').columns(['resident_id', 'created_at']).execute();

    await db.schema
      .createTable('comment_marks')
      .addColumn('comment_id', 'text', (c) => c.notNull().references('comments.id').onDelete('cascade'))
      .addColumn('resident_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('comment_marks_pk', ['comment_id', 'resident_id'])
      .execute();

    await db.schema
      .createTable('comment_reports')
      .addColumn('comment_id', 'text', (c) => c.notNull().references('comments.id').onDelete('cascade'))
      .addColumn('resident_id', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('comment_reports_pk', ['comment_id', 'resident_id'])
      .execute();

    await db.schema
      .createTable('polls')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
      .addColumn('project_id', 'text')
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('salt', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('polls_campaign').on('polls').column('campaign_id').execute();

    // The primary key is what makes a second answer of one resident (or device) a conflict; the unique
    // fingerprint is what stops a device that cleared its storage (NULLs are distinct on both engines).
    await db.schema
      .createTable('poll_answers')
      .addColumn('poll_id', 'text', (c) => c.notNull().references('polls.id').onDelete('cascade'))
      .addColumn('voter_key', 'text', (c) => c.notNull())
      .addColumn('fingerprint', 'text')
      .addColumn('choices', 'text', (c) => c.notNull())
      .addColumn('other', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('poll_answers_pk', ['poll_id', 'voter_key'])
      .execute();
    await db.schema.createIndex('poll_answers_fingerprint').on('poll_answers').columns(['poll_id', 'fingerprint']).unique().execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of ['poll_answers', 'polls', 'comment_reports', 'comment_marks', 'comments']) {
      await sql`drop table if exists ${sql.table(table)}`.execute(db);
    }
  },
};
