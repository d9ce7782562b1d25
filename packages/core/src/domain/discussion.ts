/**
 * The value lists and fixed limits of discussion (comments) and quick polls. Each list feeds both a
 * TypeScript union and the matching zod enum; this module has no zod, so elements import it for free.
 */

/** A comment's position on the project. */
export const STANCES = ['for', 'against', 'neutral'] as const;
export type Stance = (typeof STANCES)[number];

export const COMMENT_SORTS = ['newest', 'useful'] as const;
export type CommentSort = (typeof COMMENT_SORTS)[number];

/** `pending`: waits for a moderator (pre-moderation, an edit under pre-moderation, or too many reports). */
export const COMMENT_STATUSES = ['published', 'pending', 'hidden'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

export const REPORT_REASONS = ['spam', 'abuse', 'personal-data', 'off-topic', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const POLL_KINDS = ['single', 'multiple'] as const;
export type PollKind = (typeof POLL_KINDS)[number];

/**
 * Who may answer a poll once: a signed-in `resident` (the database makes it one answer per resident),
 * or a `device` for low-stakes polls without sign-in (see `pollVoterKey` and docs/discussion.md for
 * what that can and cannot stop).
 */
export const POLL_AUDIENCES = ['resident', 'device'] as const;
export type PollAudience = (typeof POLL_AUDIENCES)[number];

/** When the results are shown: to those who answered (and to everyone once closed), or only once closed. */
export const POLL_RESULT_VISIBILITY = ['after-answer', 'after-close'] as const;
export type PollResultVisibility = (typeof POLL_RESULT_VISIBILITY)[number];

export const POLL_STATES = ['upcoming', 'open', 'closed'] as const;
export type PollState = (typeof POLL_STATES)[number];

/** A resident may edit their comment for this long after posting it. */
export const COMMENT_EDIT_MINUTES = 10;

/** The hard cap on a comment's length; a campaign's `discussion.maxLength` may be lower. */
export const COMMENT_MAX_LENGTH = 5000;

/** The longest "other" answer of a poll. */
export const POLL_OTHER_MAX_LENGTH = 300;

/** The version of the built-in name consent, for campaigns without a text of their own. */
export const DEFAULT_NAME_CONSENT_VERSION = 'veche-comment-name-1';
