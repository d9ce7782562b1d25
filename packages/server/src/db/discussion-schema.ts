/** The tables of comments and quick polls (migration 0100-discussion). Times are ISO 8601 text in UTC. */
export interface CommentsTable {
  id: string;
  project_id: string;
  campaign_id: string;
  /** The top-level comment a reply answers; null for a top-level comment. */
  parent_id: string | null;
  /** Who wrote it: never in a public response. `admin` for official answers. */
  resident_id: string;
  body: string;
  stance: string | null;
  /** Shown only with the name consent (or an official's title). */
  author_name: string | null;
  /** 1 for an answer from the administration. */
  official: number;
  /** published, pending (pre-moderation, an edit under it, or reports), hidden. */
  status: string;
  /** Useful marks, kept in step with comment_marks in the same transaction. */
  useful: number;
  /** Reports from different residents, kept in step with comment_reports. */
  reports: number;
  /** The name consent with its text version, time and address (152-ФЗ), JSON; never public. */
  consents: string | null;
  ip: string | null;
  created_at: string;
  edited_at: string | null;
  moderated_at: string | null;
  /** The moderator's note. */
  note: string | null;
}

/** One useful mark per resident and comment (the primary key). */
export interface CommentMarksTable {
  comment_id: string;
  resident_id: string;
  created_at: string;
}

/** One report per resident and comment (the primary key). */
export interface CommentReportsTable {
  comment_id: string;
  resident_id: string;
  reason: string;
  note: string | null;
  created_at: string;
}

export interface PollsTable {
  id: string;
  campaign_id: string;
  project_id: string | null;
  /** The Poll as the core schema parsed it. */
  data: string;
  /** A random salt of this poll's device fingerprints. */
  salt: string;
  created_at: string;
  updated_at: string;
}

/**
 * One answer per voter and poll (the primary key): `r:<resident>` for residents' polls, `d:<hash of the
 * device id>` for device polls, whose `fingerprint` (salted hash of address, browser and device hints)
 * is unique per poll too.
 */
export interface PollAnswersTable {
  poll_id: string;
  voter_key: string;
  fingerprint: string | null;
  /** Option ids, JSON. */
  choices: string;
  other: string | null;
  created_at: string;
}

export interface DiscussionTables {
  comments: CommentsTable;
  comment_marks: CommentMarksTable;
  comment_reports: CommentReportsTable;
  polls: PollsTable;
  poll_answers: PollAnswersTable;
}
