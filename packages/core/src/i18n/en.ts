import type { CoreCatalog } from './catalog.ts';

/**
 * The domain's words in English. One self-contained module per language, so a bundle can load
 * it only when a page is in English.
 */
export const en: CoreCatalog = {
  phase: {
    ideas: 'Ideas',
    support: 'Support',
    review: 'Review',
    voting: 'Voting',
    results: 'Results',
    implementation: 'Implementation',
  },
  status: {
    submitted: 'Awaiting moderation',
    published: 'Published',
    rejected: 'Rejected',
    shortlisted: 'On the ballot',
    selected: 'Winner',
    'not-selected': 'Not selected',
    'in-progress': 'Being built',
    done: 'Completed',
  },
  source: {
    residents: 'Residents',
    business: 'Business',
    municipal: 'Municipality',
    regional: 'Region',
    other: 'Other sources',
  },
  method: {
    approval: 'Vote for several projects',
    knapsack: 'Choose projects within the budget',
    cumulative: 'Spread your points',
    single: 'One vote',
  },
  error: {
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
  },
  violation: {
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
  },
};
