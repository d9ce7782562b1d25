import type { PollResultsTerms } from './poll.results.i18n.ts';

/** English texts of the results, loaded only on pages in English. */
export const en: PollResultsTerms = {
  results: 'Poll results',
  table: 'Table',
  option: 'Answer',
  count: 'Answers',
  share: 'Share of respondents',
  answered: (n, count) => `${n} ${count === 1 ? 'resident' : 'residents'} answered.`,
  yours: 'your answer',
  otherAnswers: (n) => `Wrote their own answer: ${n}.`,
};
