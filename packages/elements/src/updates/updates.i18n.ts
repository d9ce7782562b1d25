import type { PluralForms } from '@veche/core';
import type { Messages } from '../i18n/locale.ts';

/**
 * The texts of `<veche-updates>`. Counts and dates come in already formatted. A page replaces any of them
 * with `setMessages('veche-updates', 'ru', { … })`.
 */
export interface UpdatesTerms {
  /** The heading: the news of the campaign, or of one project. */
  title: string;
  projectTitle: string;
  /** A label before the title of items the backend made itself. */
  kind: { phase: string; milestone: string };
  /** The link of an item; the item's title follows for screen readers. */
  more: string;
  /** The button that loads the next page. */
  older: string;
  /** After a page came in: `3 новости, всего 8`. */
  added: (count: string, total: string) => string;
  moreFailed: string;
  empty: string;
  unsupported: string;
  /** The noun after a count of items, by plural category (`Intl.PluralRules`). */
  items: PluralForms;
}

export const updatesMessages: Messages<UpdatesTerms> = {
  ru: {
    title: 'Новости',
    projectTitle: 'Новости проекта',
    kind: { phase: 'Этап кампании', milestone: 'Ход работ' },
    more: 'Подробнее',
    older: 'Показать ещё',
    added: (c, t) => `Загружено ещё ${c}, всего ${t}`,
    moreFailed: 'Не удалось загрузить следующие новости.',
    empty: 'Новостей пока нет.',
    unsupported: 'Этот сервер не публикует новости.',
    items: { one: 'новость', few: 'новости', many: 'новостей', other: 'новости' },
  },
  en: () => import('./updates.i18n.en.ts').then((m) => m.en),
};
