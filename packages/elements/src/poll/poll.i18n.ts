import type { Messages } from '../i18n/locale.ts';

/**
 * Texts of `veche-poll` (the results have their own, loaded with them: poll.results.i18n.ts). Numbers
 * and dates arrive formatted. Override with `setMessages('veche-poll', locale, { answer: 'Голосовать' })`.
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
  signInFirst: string;
  hostOnly: string;
  notAllowed: string;
  readOnly: string;
  unsupported: string;
  failed: string;
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
    signInFirst: 'Перед ответом попросим подтвердить, что вы житель: один житель — один ответ.',
    hostOnly: 'Чтобы ответить, войдите на сайте, где размещён опрос.',
    notAllowed: 'Отвечать на этот опрос вам недоступно.',
    readOnly: 'Ответить здесь нельзя.',
    unsupported: 'Опросы на этом сайте недоступны.',
    failed: 'Ответ не отправлен.',
    noPoll: 'Виджет не настроен: укажите опрос в атрибуте poll.',
  },
  en: () => import('./poll.i18n.en.ts').then((m) => m.en),
};
