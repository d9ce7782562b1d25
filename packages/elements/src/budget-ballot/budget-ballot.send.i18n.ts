import type { Messages } from '../i18n/locale.ts';

/**
 * Texts of the review, sending and receipt parts of `veche-budget-ballot`, loaded with them. Override
 * with `setMessages('veche-budget-ballot', locale, { send: 'Проголосовать' })` like the others.
 */
export interface SendTerms {
  reviewTitle: string;
  reviewIntro: string;
  send: string;
  sending: string;
  back: string;
  counted: string;
  sentAt: (date: string) => string;
  receipt: string;
  keepReceipt: string;
  yourChoice: string;
  withdraw: string;
  withdrawHint: (date: string) => string;
  notSentClosed: string;
  results: string;
  notSentBecause: (why: string) => string;
  notWithdrawn: (why: string) => string;
  kept: string;
  signInCancelled: string;
  hostOnly: string;
}

export const sendMessages: Messages<SendTerms> = {
  ru: {
    reviewTitle: 'Проверьте бюллетень',
    reviewIntro: 'Голос будет учтён, только когда вы нажмёте «Отправить голос».',
    send: 'Отправить голос',
    sending: 'Отправляем…',
    back: 'Изменить выбор',
    counted: 'Ваш голос учтён',
    sentAt: (date) => `Отправлен ${date}.`,
    receipt: 'Код подтверждения:',
    keepReceipt: 'Сохраните код: по нему можно убедиться, что ваш голос учтён.',
    yourChoice: 'Ваш выбор',
    withdraw: 'Отозвать голос и изменить выбор',
    withdrawHint: (date) =>
      `До ${date} голос можно отозвать и проголосовать заново. Отозванный голос не учитывается, пока вы не отправите бюллетень снова.`,
    notSentClosed: 'Этот выбор не был отправлен и не учтён.',
    results: 'Итоги голосования',
    notSentBecause: (why) => `Голос не отправлен. ${why}`,
    notWithdrawn: (why) => `Голос не отозван. ${why}`,
    kept: 'Ваш выбор сохранён.',
    signInCancelled: 'Без подтверждения, что вы житель, голос не принимается.',
    hostOnly: 'Чтобы проголосовать, войдите на сайте, где размещён бюллетень.',
  },
  en: () => import('./budget-ballot.send.i18n.en.ts').then((m) => m.en),
};
