/** What the button does: sign a project's support list (support phase) or vote for it (voting phase). */
export const VOTE_MODES = ['support', 'vote'] as const;
export type VoteMode = (typeof VOTE_MODES)[number];

/**
 * The resident's own state for the project: not yet, done (supported, or the vote counts), or
 * withdrawn (support withdrawn; a vote that is on a ballot that is not submitted, so it does not count).
 */
export const MARKS = ['none', 'done', 'withdrawn'] as const;
export type Mark = (typeof MARKS)[number];

/**
 * Whether the resident may act now: yes; must sign in first; signed in by a method this action does
 * not accept (signing in again helps); only the host site can sign them in; or not allowed at all.
 */
export const ACCESS = ['ok', 'sign-in', 'wrong-method', 'host-only', 'not-allowed'] as const;
export type Access = (typeof ACCESS)[number];
