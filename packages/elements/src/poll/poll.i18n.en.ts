import type { PollTerms } from './poll.i18n.ts';

/** English texts, loaded only on pages in English. */
export const en: PollTerms = {
  pickOne: 'Choose one answer.',
  pickUpTo: (n) => `You can choose up to ${n}.`,
  other: 'Other',
  otherText: 'Your answer',
  answer: 'Answer',
  opensOn: (date) => `The poll opens on ${date}.`,
  openUntil: (date) => `The poll is open until ${date}.`,
  open: 'The poll is open.',
  closedOn: (date) => `The poll closed on ${date}.`,
  thanks: 'Thank you, your answer is counted.',
  resultsLater: (date) => `The results will be shown after ${date}.`,
  signInFirst: 'Before you answer we will ask you to confirm you are a resident: one resident, one answer.',
  hostOnly: 'To answer, sign in on the site this poll is on.',
  notAllowed: 'You cannot answer this poll.',
  readOnly: 'This poll cannot be answered here.',
  unsupported: 'Polls are not available on this site.',
  failed: 'The answer was not sent.',
  noPoll: 'The widget is not set up: name the poll in the poll attribute.',
};
