import type { ProjectSort } from '@veche/core';
import type { Messages } from '../i18n/locale.ts';

/**
 * Texts of `veche-project-list` (the words about one project are shared with the detail dialog:
 * `project.i18n.ts`). Counts arrive already formatted with their plural noun ("12 проектов").
 * Override with `setMessages('veche-project-list', locale, { … })`.
 */
export interface ProjectListTerms {
  search: string;
  status: string;
  allStatuses: string;
  category: string;
  allCategories: string;
  district: string;
  allDistricts: string;
  sort: string;
  sorts: Record<ProjectSort, string>;
  /** The name of the list of projects. */
  list: string;
  /** All results are shown: `Найдено: 3 проекта`. */
  found: (count: string) => string;
  /** More results can be loaded. */
  shown: (count: string) => string;
  more: string;
  /** Announced after "more": how many came and how many are shown now. */
  added: (count: string, total: string) => string;
  moreFailed: string;
  nothingFound: string;
  nothingHint: string;
  reset: string;
  noProjects: string;
}

export const projectListMessages: Messages<ProjectListTerms> = {
  ru: {
    search: 'Поиск по проектам',
    status: 'Статус',
    allStatuses: 'Все статусы',
    category: 'Категория',
    allCategories: 'Все категории',
    district: 'Район',
    allDistricts: 'Все районы',
    sort: 'Порядок',
    sorts: {
      newest: 'Сначала новые',
      supported: 'Больше поддержки',
      'cost-asc': 'Сначала дешевле',
      'cost-desc': 'Сначала дороже',
      random: 'Вперемешку',
      title: 'По названию',
    },
    list: 'Проекты',
    found: (count) => `Найдено: ${count}`,
    shown: (count) => `Показано: ${count}, есть ещё`,
    more: 'Показать ещё',
    added: (count, total) => `Добавлено: ${count}. Всего показано: ${total}.`,
    moreFailed: 'Следующие проекты не загрузились.',
    nothingFound: 'Ничего не найдено',
    nothingHint: 'Попробуйте другой запрос или сбросьте фильтры.',
    reset: 'Сбросить фильтры',
    noProjects: 'Проектов пока нет.',
  },
  en: () => import('./project-list.i18n.en.ts').then((m) => m.en),
};
