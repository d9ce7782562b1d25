import { pluralForm } from '@veche/core';
import type { Messages } from '../i18n/locale.ts';

/**
 * Texts of `veche-poll`. Counts, shares and dates arrive formatted (Intl, plurals from @veche/core).
 * Override with `setMessages('veche-poll', locale, { answer: 'Голосовать' })`.
 */
export interface PollTerms {
  pickOne: string;
  pickUpTo: (n: string) => string;
  other: string;
  otherText: string;
  answer: string;
  opensOn: (date: string) => string;
  openUntil: (date: string) => string;
  open: string;
  closedOn: (date: string) => string;
  thanks: string;
  resultsLater: (date: string) => string;
  results: string;
  table: string;
  option: string;
  count: string;
  share: string;
  /** `n` formatted, `count` the number (for the plural). */
  answered: (n: string, count: number) => string;
  yours: string;
  otherAnswers: (n: string) => string;
  signInFirst: string;
  hostOnly: string;
  notAllowed: string;
  readOnly: string;
  unsupported: string;
  choose: string;
  writeOther: string;
  already: string;
  failed: string;
  done: string;
  noPoll: string;
}

export const pollMessages: Messages<PollTerms> = {
  ru: {
    pickOne: 'Выберите один ответ.',
    pickUpTo: (n) => `Можно выбрать не больше ${n}.`,
    other: 'Другое',
    otherText: 'Ваш вариант',
    answer: 'Ответить',
    opensOn: (date) => `Опрос откроется ${date}.`,
    openUntil: (date) => `Опрос открыт до ${date}.`,
    open: 'Опрос открыт.',
    closedOn: (date) => `Опрос завершён ${date}.`,
    thanks: 'Спасибо, ваш ответ учтён.',
    resultsLater: (date) => `Итоги покажем после ${date}.`,
    results: 'Итоги опроса',
    table: 'Таблица',
    option: 'Ответ',
    count: 'Ответов',
    share: 'Доля ответивших',
    answered: (n, count) => `${pluralForm('ru', count, { one: 'Ответил', other: 'Ответили' })} ${n} ${pluralForm('ru', count, { one: 'житель', few: 'жителя', many: 'жителей', other: 'жителя' })}.`,
    yours: 'ваш ответ',
    otherAnswers: (n) => `Свой вариант написали: ${n}.`,
    signInFirst: 'Перед ответом попросим подтвердить, что вы житель: один житель — один ответ.',
    hostOnly: 'Чтобы ответить, войдите на сайте, где размещён опрос.',
    notAllowed: 'Отвечать на этот опрос вам недоступно.',
    readOnly: 'Ответить здесь нельзя.',
    unsupported: 'Опросы на этом сайте недоступны.',
    choose: 'Выберите ответ.',
    writeOther: 'Напишите свой вариант или снимите отметку «Другое».',
    already: 'С этого устройства или от вас уже есть ответ.',
    failed: 'Ответ не отправлен.',
    done: 'Ответ отправлен.',
    noPoll: 'Виджет не настроен: укажите опрос в атрибуте poll.',
  },
  en: () => import('./poll.i18n.en.ts').then((m) => m.en),
};
