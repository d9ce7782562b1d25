import type { ParticipationCsvTerms } from '@veche/core';
import type { Messages } from '../i18n/locale.ts';

/**
 * The texts of `<veche-participation>`: its headings, table columns (also the CSV's) and buttons.
 * Counts and shares come in already formatted. A page replaces any of them with
 * `setMessages('veche-participation', 'ru', { … })`.
 */
export interface ParticipationTerms extends ParticipationCsvTerms {
  title: string;
  /** The funnel's heading: who took part in a year. */
  funnel: (year: number) => string;
  /** After a share in the funnel. */
  of16: (share: string) => string;
  ofParticipants: (share: string) => string;
  /** The year-over-year picture's heading. */
  trend: string;
  yearsCaption: string;
  actionsCaption: (year: number) => string;
  way: string;
  total: string;
  csv: string;
  print: string;
  downloaded: (file: string) => string;
  empty: string;
  unsupported: string;
}

export const participationMessages: Messages<ParticipationTerms> = {
  ru: {
    title: 'Участие жителей',
    funnel: (y) => `Кто принял участие в ${y} году`,
    of16: (s) => `${s} жителей 16+`,
    ofParticipants: (s) => `${s} участников`,
    trend: 'По годам',
    yearsCaption: 'Участие жителей по годам',
    actionsCaption: (y) => `Участники по видам участия, ${y}`,
    year: 'Год',
    municipality: 'Муниципалитет',
    residents: 'Жителей',
    residents16: 'Жителей 16 лет и старше',
    participants: 'Приняли участие',
    share16: 'Доля от жителей 16+',
    digital: 'Использовали цифровые инструменты',
    shareOfParticipants: 'Доля от участников',
    digitalShare16: 'Доля цифровых от жителей 16+',
    online: 'Онлайн',
    offline: 'Офлайн',
    action: { ideas: 'Предложение идей', support: 'Поддержка', votes: 'Голосование', comments: 'Обсуждение' },
    way: 'Вид участия',
    total: 'Всего',
    csv: 'Скачать CSV',
    print: 'Версия для печати',
    downloaded: (f) => `Файл ${f} скачан`,
    empty: 'Данных об участии пока нет.',
    unsupported: 'Этот сервер не публикует отчёт об участии.',
  },
  en: () => import('./participation.i18n.en.ts').then((m) => m.en),
};
