import type { CoreCatalog } from './catalog.ts';

/**
 * The domain's words in English: one self-contained module per language and one export per table, so
 * a browser bundle carries only the tables it uses and loads them only when a page is in English.
 */

/** Phase names. */
export const phase: CoreCatalog['phase'] = {
  ideas: 'Ideas',
  support: 'Support',
  review: 'Review',
  voting: 'Voting',
  results: 'Results',
  implementation: 'Implementation',
};

/** Project status labels. */
export const status: CoreCatalog['status'] = {
  submitted: 'Awaiting moderation',
  published: 'Published',
  rejected: 'Rejected',
  shortlisted: 'On the ballot',
  selected: 'Winner',
  'not-selected': 'Not selected',
  'in-progress': 'Being built',
  done: 'Completed',
};

/** Co-financing sources. */
export const source: CoreCatalog['source'] = {
  residents: 'Residents',
  business: 'Business',
  municipal: 'Municipality',
  regional: 'Region',
  other: 'Other sources',
};

/** Voting methods in plain words. */
export const method: CoreCatalog['method'] = {
  approval: 'Vote for several projects',
  knapsack: 'Choose projects within the budget',
  cumulative: 'Spread your points',
  single: 'One vote',
};

/** What each error code means for a resident. */
export const error: CoreCatalog['error'] = {
  network: 'Cannot reach the server. Check your connection and try again.',
  timeout: 'The server did not answer in time. Please try again.',
  'invalid-response': 'The server sent an answer we cannot read. Please try later.',
  unauthorized: 'Please confirm you are a resident: sign in with a code.',
  forbidden: 'You cannot do this.',
  'phase-closed': 'This stage is closed now.',
  'rule-violation': 'Your choice does not meet the voting rules.',
  conflict: 'This has already been done.',
  'rate-limited': 'Too many attempts. Wait a little and try again.',
  'not-found': 'Not found.',
  'invalid-input': 'Please check what you entered.',
  unavailable: 'The service is unavailable for a moment. Please try again in a few minutes.',
};

/** One sentence per violated rule; placeholders `{limit}`, `{actual}` (formatted), `{project}` (a title). */
export const violation: CoreCatalog['violation'] = {
  'too-few-projects': 'You have chosen {actual}; choose at least {limit}.',
  'too-many-projects': 'You have chosen {actual}; choose at most {limit}.',
  'over-budget': 'The chosen projects cost {actual}, the budget is {limit}.',
  'under-min-spend': 'Your projects cost {actual}; choose projects worth at least {limit}.',
  'points-exceeded': 'You have given {actual}; you can give at most {limit}.',
  'points-per-project-exceeded': '“{project}” has {actual}; it can get at most {limit}.',
  'unknown-project': '“{project}” was not found.',
  'project-not-eligible': '“{project}” is not on the ballot.',
  'duplicate-project': '“{project}” is chosen twice.',
  'wrong-district': '“{project}” belongs to another district.',
  'empty-ballot': 'Choose at least one project.',
};

/** Every table together. */
export const en: CoreCatalog = { phase, status, source, method, error, violation };
