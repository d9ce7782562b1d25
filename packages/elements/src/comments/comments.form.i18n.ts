import type { Messages } from '../i18n/locale.ts';

/**
 * Texts of the forms of `veche-comments` (a comment's buttons, the new comment, reply, edit, report), loaded
 * with the forms.
 */
export interface CommentFormTerms {
  reply: string;
  edit: string;
  report: string;
  reported: string;
  yourComment: string;
  yourReply: string;
  left: (n: string) => string;
  over: (n: string) => string;
  stance: string;
  noStance: string;
  showName: string;
  /** The built-in consent text, for campaigns without their own. */
  nameConsent: string;
  name: string;
  nameRequired: string;
  premoderation: string;
  signInFirst: string;
  hostOnly: string;
  notAllowed: string;
  send: string;
  save: string;
  cancel: string;
  required: string;
  tooLong: (limit: string) => string;
  consentOutdated: string;
  editUntil: (time: string) => string;
  editOver: string;
  reportTitle: string;
  reason: { spam: string; abuse: string; 'personal-data': string; 'off-topic': string; other: string };
  note: string;
  posted: string;
  postedPending: string;
  saved: string;
  reportSent: string;
  markFailed: string;
  failed: string;
  draftKept: string;
}

export const commentFormMessages: Messages<CommentFormTerms> = {
  ru: {
    reply: 'Ответить',
    edit: 'Изменить',
    report: 'Пожаловаться',
    reported: 'Вы пожаловались',
    yourComment: 'Ваш комментарий',
    yourReply: 'Ваш ответ',
    left: (n) => `Осталось знаков: ${n}`,
    over: (n) => `Лишних знаков: ${n}`,
    stance: 'Ваша позиция',
    noStance: 'Не указывать',
    showName: 'Показать моё имя',
    nameConsent: 'Я согласен, чтобы моё имя было опубликовано рядом с комментарием.',
    name: 'Имя',
    nameRequired: 'Впишите имя или снимите отметку «Показать моё имя».',
    premoderation: 'Комментарии публикуются после проверки модератором.',
    signInFirst: 'При отправке попросим подтвердить, что вы житель: по коду из письма или по коду на почту или телефон.',
    hostOnly: 'Чтобы написать, войдите на сайте, где размещено обсуждение.',
    notAllowed: 'Писать в обсуждение вам недоступно.',
    send: 'Отправить',
    save: 'Сохранить',
    cancel: 'Отмена',
    required: 'Напишите текст комментария.',
    tooLong: (limit) => `Комментарий длиннее ${limit} знаков: сократите его.`,
    consentOutdated: 'Текст согласия изменился: прочитайте его и отметьте снова.',
    editUntil: (time) => `Изменить можно до ${time}.`,
    editOver: 'Время на правку вышло.',
    reportTitle: 'На что жалуетесь?',
    reason: {
      spam: 'Спам или реклама',
      abuse: 'Оскорбления',
      'personal-data': 'Чужие персональные данные',
      'off-topic': 'Не по теме',
      other: 'Другое',
    },
    note: 'Пояснение (необязательно)',
    posted: 'Комментарий опубликован.',
    postedPending: 'Комментарий отправлен и появится после проверки модератором.',
    saved: 'Изменения сохранены.',
    reportSent: 'Жалоба отправлена модераторам.',
    markFailed: 'Отметка не сохранена.',
    failed: 'Не отправлено.',
    draftKept: 'Текст сохранён: его можно отправить ещё раз.',
  },
  en: () => import('./comments.form.i18n.en.ts').then((m) => m.en),
};
