import type { CommonTerms } from './common.ts';

/** English texts, loaded only on pages in English. */
export const en: CommonTerms = {
  loading: 'Loading…',
  slow: 'This is taking longer than usual…',
  retry: 'Try again',
  close: 'Close',
  cancel: 'Cancel',
  errorTitle: 'Something went wrong',
  noApi: 'The widget is not set up: give the API address in the api attribute, on <veche-provider>, or in <meta name="veche:api">.',
  noCampaign: 'The widget is not set up: give the campaign in the campaign attribute.',
  noProject: 'The widget is not set up: give the project in the project attribute.',
  signIn: 'Sign in',
  opensOn: (date) => `Opens ${date}`,
  closesIn: (relative) => `Closes ${relative}`,
  closedOn: (date) => `Closed ${date}`,
  pause: 'Pause updates',
  resume: 'Resume updates',
};
