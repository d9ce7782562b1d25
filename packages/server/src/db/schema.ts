import type { DiscussionTables } from './discussion-schema.ts';
import type { ReportingTables } from './reporting-migration.ts';
import type { StaffTables } from '../staff/migration.ts';

/** The tables, as Kysely sees them. JSON lives in text columns; times are ISO 8601 text in UTC. */
export interface CampaignsTable {
  id: string;
  /** The Campaign as the core schema parsed it. */
  data: string;
  /** Origins allowed to embed the widgets, a JSON array (`https://city.example`, `https://*.city.example`). */
  origins: string;
  created_at: string;
  updated_at: string;
}

export interface ProjectsTable {
  id: string;
  campaign_id: string;
  status: string;
  district_id: string | null;
  /** Category ids as `,a,b,` so that a filter is a LIKE on both engines. */
  categories: string;
  cost: number;
  title: string;
  /** Title, summary, description and address folded for search (lower case, ё as е). */
  search: string;
  created_at: string;
  updated_at: string;
  /** Supporters counted before or beside the site (paper signatures); null when none were. */
  base_supports: number | null;
  /** The Project without live counts. */
  data: string;
}

/** The private half of an idea: never in a public response. */
export interface IdeasTable {
  project_id: string;
  resident_id: string | null;
  author: string;
  /** Each consent with its text version, time and the IP it came from. */
  consents: string;
  ip: string | null;
  created_at: string;
}

export interface SupportsTable {
  project_id: string;
  campaign_id: string;
  resident_id: string;
  state: string;
  updated_at: string;
}

export interface BallotsTable {
  campaign_id: string;
  resident_id: string;
  status: string;
  selection: string;
  district_id: string | null;
  updated_at: string;
  submitted_at: string | null;
  receipt: string | null;
}

export interface VotingCodesTable {
  /** SHA-256 of the normalised code: the code itself is never stored. */
  code_hash: string;
  campaign_id: string;
  district_id: string | null;
  used_at: string | null;
  created_at: string;
}

export interface OneTimeCodesTable {
  contact_hash: string;
  code_hash: string;
  expires_at: string;
  attempts: number;
  created_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the bearer token. */
  token_hash: string;
  resident_id: string;
  method: string;
  /** A voting code signs a resident into its own campaign only. */
  campaign_id: string | null;
  district_id: string | null;
  display_name: string | null;
  expires_at: string;
  created_at: string;
}

export interface IdempotencyTable {
  scope: string;
  key: string;
  status: number;
  body: string;
  created_at: string;
}

export interface AttemptsTable {
  key: string;
  at: string;
}

export interface UploadsTable {
  id: string;
  campaign_id: string;
  type: string;
  width: number;
  height: number;
  bytes: number;
  created_at: string;
}

export interface HostKeysTable {
  /** The `iss` claim of the host's tokens. */
  issuer: string;
  /** `HS256` with a shared secret, or an asymmetric algorithm with a public key in PEM. */
  algorithm: string;
  key: string;
  audience: string | null;
  created_at: string;
}

export interface Tables extends DiscussionTables, ReportingTables, StaffTables {
  campaigns: CampaignsTable;
  projects: ProjectsTable;
  ideas: IdeasTable;
  supports: SupportsTable;
  ballots: BallotsTable;
  voting_codes: VotingCodesTable;
  one_time_codes: OneTimeCodesTable;
  sessions: SessionsTable;
  idempotency: IdempotencyTable;
  attempts: AttemptsTable;
  uploads: UploadsTable;
  host_keys: HostKeysTable;
}
