/**
 * The value lists of the domain. Each list feeds both a TypeScript union and the matching zod enum,
 * so a new value is added in one place.
 */

export const PHASE_IDS = ['ideas', 'support', 'review', 'voting', 'results', 'implementation'] as const;
export type PhaseId = (typeof PHASE_IDS)[number];

export const PROJECT_STATUSES = [
  'submitted',
  'published',
  'rejected',
  'shortlisted',
  'selected',
  'not-selected',
  'in-progress',
  'done',
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** Statuses a member of the public may see; `submitted` ideas wait for moderation. */
export const PUBLIC_PROJECT_STATUSES = PROJECT_STATUSES.filter(
  (s): s is Exclude<ProjectStatus, 'submitted'> => s !== 'submitted',
);

export const VOTING_METHODS = ['approval', 'knapsack', 'cumulative', 'single'] as const;
export type VotingMethod = (typeof VOTING_METHODS)[number];

export const DISTRICT_MODES = ['one', 'all'] as const;
export type DistrictMode = (typeof DISTRICT_MODES)[number];

export const FUNDING_SOURCES = ['residents', 'business', 'municipal', 'regional', 'other'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

export const SIGN_IN_METHODS = ['voting-code', 'one-time-code', 'host-token'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

export const CONSENT_KINDS = ['personal-data', 'publish-name', 'notifications'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

export const VIOLATION_CODES = [
  'too-few-projects',
  'too-many-projects',
  'over-budget',
  'under-min-spend',
  'points-exceeded',
  'points-per-project-exceeded',
  'unknown-project',
  'project-not-eligible',
  'duplicate-project',
  'wrong-district',
  'empty-ballot',
] as const;
export type ViolationCode = (typeof VIOLATION_CODES)[number];

export const PROJECT_SORTS = ['newest', 'supported', 'cost-asc', 'cost-desc', 'random', 'title'] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];

/** Who sees vote counts before the results are published. */
export const VOTE_VISIBILITY = ['always', 'after-close'] as const;
export type VoteVisibility = (typeof VOTE_VISIBILITY)[number];

export const CURRENCY = 'RUB' as const;
