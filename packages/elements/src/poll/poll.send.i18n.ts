import type { Messages } from '../i18n/locale.ts';

/**
 * Texts of sending an answer in `veche-poll`, loaded with it (poll.send.ts). Override with
 * `setMessages('veche-poll', locale, { done: 'Спасибо!' })`, as the poll's own.
 */
export interface PollSendTerms {
  choose: string;
  writeOther: string;
  already: string;
  done: string;
}

export const sendMessages: Messages<PollSendTerms> = {
  ru: {
    choose: 'Выберите ответ.',
    writeOther: 'Напишите свой вариант или снимите отметку «Другое».',
    already: 'С этого устройства или от вас уже есть ответ.',
    done: 'Ответ отправлен.',
  },
  en: () => import('./poll.send.i18n.en.ts').then((m) => m.en),
};
