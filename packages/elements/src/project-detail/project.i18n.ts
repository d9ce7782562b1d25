import type { Messages } from '../i18n/locale.ts';

/**
 * Words about one project, shared by `veche-project-detail` and `veche-project-list` (each element's
 * overrides apply: `setMessages('veche-project-list', 'ru', { cost: 'Смета' })`). Money and counts
 * arrive already formatted (Intl, plurals from @veche/core).
 */
export interface ProjectTerms {
  /** The dialog's name while the project loads. */
  project: string;
  cost: string;
  district: string;
  categories: string;
  address: string;
  author: string;
  support: string;
  votes: string;
  photos: string;
  /** Before the administration's note on the status (why a project was rejected). */
  statusNote: string;
  /** A shared link or a card names a project the adapter does not know. */
  notFound: string;
}

export const projectMessages: Messages<ProjectTerms> = {
  ru: {
    project: 'Проект',
    cost: 'Стоимость',
    district: 'Район',
    categories: 'Категории',
    address: 'Адрес',
    author: 'Автор идеи',
    support: 'Поддержка',
    votes: 'Голоса',
    photos: 'Фотографии проекта',
    statusNote: 'Комментарий администрации:',
    notFound: 'Проект не найден: возможно, его сняли с конкурса или в ссылке ошибка.',
  },
  en: () => import('./project.i18n.en.ts').then((m) => m.en),
};
