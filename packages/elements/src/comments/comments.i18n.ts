import { pluralForm } from '@veche/core';
import type { Messages } from '../i18n/locale.ts';

/**
 * Texts of `veche-comments` that the list shows (the forms have their own, loaded with them). Counts and
 * dates arrive formatted. Override with `setMessages('veche-comments', locale, { title: 'Мнения' })`.
 */
export interface CommentsTerms {
  title: string;
  /** `n` formatted, `count` the number (for the plural). */
  count: (n: string, count: number) => string;
  stances: string;
  stance: { for: string; against: string; neutral: string };
  order: string;
  newest: string;
  useful: string;
  resident: string;
  official: string;
  pending: string;
  edited: string;
  usefulCount: (n: string) => string;
  replies: (title: string) => string;
  more: string;
  empty: string;
  closed: string;
  unsupported: string;
  readOnly: string;
  /** Before the reason, when the forms could not be downloaded. */
  formsFailed: string;
}

const RU_COMMENT = { one: 'комментарий', few: 'комментария', many: 'комментариев', other: 'комментария' };

export const commentsMessages: Messages<CommentsTerms> = {
  ru: {
    title: 'Обсуждение',
    count: (n, count) => `${n} ${pluralForm('ru', count, RU_COMMENT)}`,
    stances: 'Позиции',
    stance: { for: 'За', against: 'Против', neutral: 'Нейтрально' },
    order: 'Порядок',
    newest: 'Сначала новые',
    useful: 'Сначала полезные',
    resident: 'Житель',
    official: 'Официальный ответ',
    pending: 'На модерации: пока видно только вам',
    edited: 'изменён',
    usefulCount: (n) => `Полезно: ${n}`,
    replies: (name) => `Ответы на комментарий: ${name}`,
    more: 'Показать ещё',
    empty: 'Комментариев пока нет. Напишите первым.',
    closed: 'Обсуждение закрыто: новые комментарии не принимаются.',
    unsupported: 'Обсуждение на этом сайте недоступно.',
    readOnly: 'Здесь можно только читать обсуждение.',
    formsFailed: 'Форма для комментария не загрузилась.',
  },
  en: () => import('./comments.i18n.en.ts').then((m) => m.en),
};
