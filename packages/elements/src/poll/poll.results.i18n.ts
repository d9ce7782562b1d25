import { pluralForm } from '@veche/core';
import type { Messages } from '../i18n/locale.ts';

/**
 * Texts of the results of `veche-poll`, loaded with them (poll.results.ts). Counts and shares arrive
 * formatted. Override with `setMessages('veche-poll', locale, { results: 'Итоги' })`, as the poll's own.
 */
export interface PollResultsTerms {
  results: string;
  table: string;
  option: string;
  count: string;
  share: string;
  /** `n` formatted, `count` the number (for the plural). */
  answered: (n: string, count: number) => string;
  yours: string;
  otherAnswers: (n: string) => string;
}

export const resultsMessages: Messages<PollResultsTerms> = {
  ru: {
    results: 'Итоги опроса',
    table: 'Таблица',
    option: 'Ответ',
    count: 'Ответов',
    share: 'Доля ответивших',
    answered: (n, count) => `${pluralForm('ru', count, { one: 'Ответил', other: 'Ответили' })} ${n} ${pluralForm('ru', count, { one: 'житель', few: 'жителя', many: 'жителей', other: 'жителя' })}.`,
    yours: 'ваш ответ',
    otherAnswers: (n) => `Свой вариант написали: ${n}.`,
  },
  en: () => import('./poll.results.i18n.en.ts').then((m) => m.en),
};
