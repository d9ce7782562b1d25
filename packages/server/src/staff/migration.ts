import { type Kysely, type Migration, sql } from 'kysely';

/** Staff accounts, their sessions and the audit log of every staff action (portable to SQLite and PostgreSQL). */
export const staffMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('staff')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('totp_secret', 'text')
      .addColumn('totp_pending', 'text')
      .addColumn('totp_last_step', 'bigint')
      .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_sign_in_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('staff_sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id').onDelete('cascade'))
      .addColumn('ip', 'text')
      .addColumn('user_agent', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('staff_sessions_staff').on('staff_sessions').column('staff_id').execute();

    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('role', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target_type', 'text')
      .addColumn('target_id', 'text')
      .addColumn('campaign_id', 'text')
      .addColumn('before', 'text')
      .addColumn('after', 'text')
      .addColumn('details', 'text')
      .addColumn('ip', 'text')
      .execute();
    await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at', 'id']).execute();
    await db.schema.createIndex('audit_log_campaign').on('audit_log').columns(['campaign_id', 'at']).execute();
    await db.schema.createIndex('audit_log_target').on('audit_log').columns(['target_type', 'target_id', 'at']).execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of ['audit_log', 'staff_sessions', 'staff']) await sql`drop table if exists ${sql.table(table)}`.execute(db);
  },
};

export interface StaffTable {
  id: string;
  /** Lower case. */
  email: string;
  name: string;
  /** administrator, moderator or viewer. */
  role: string;
  /** argon2id (PHC string). */
  password_hash: string;
  /** 1 while the password is a one-time one (CLI, reset): every route but the password change refuses. */
  must_change_password: number;
  /** Base32 TOTP secret once the second factor is on. */
  totp_secret: string | null;
  /** A secret being set up, until a first code confirms it. */
  totp_pending: string | null;
  /** The last time step a code was accepted for: a code works once. */
  totp_last_step: number | null;
  disabled: number;
  last_sign_in_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface StaffSessionsTable {
  /** SHA-256 of the bearer token. */
  token_hash: string;
  staff_id: string;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

/** One staff action: who, what, when, on what, and the state before and after (JSON). */
export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  /** The staff member's name and e-mail, "ADMIN_TOKEN" or "CLI", kept as it was then. */
  actor: string;
  role: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  campaign_id: string | null;
  before: string | null;
  after: string | null;
  details: string | null;
  ip: string | null;
}

export interface StaffTables {
  staff: StaffTable;
  staff_sessions: StaffSessionsTable;
  audit_log: AuditLogTable;
}
