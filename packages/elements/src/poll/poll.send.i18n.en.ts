import type { PollSendTerms } from './poll.send.i18n.ts';

/** English texts of sending an answer, loaded only on pages in English. */
export const en: PollSendTerms = {
  choose: 'Choose an answer.',
  writeOther: 'Write your own answer or untick “Other”.',
  already: 'There is already an answer from you or from this device.',
  done: 'Answer sent.',
};
