import type { Messages } from '../i18n/locale.ts';

/**
 * The texts of `<veche-results>`. Functions receive values already formatted through Intl (counts with
 * their plural noun, money, shares, dates). A page replaces any of them with
 * `setMessages('veche-results', 'ru', { … })`.
 */
export interface ResultsTerms {
  title: (campaign: string) => string;
  publishedOn: (date: string) => string;
  preliminary: string;
  /** Before publication: the date, or that there is none yet. */
  pendingOn: (date: string) => string;
  pendingUndated: string;
  unsupported: string;

  budget: string;
  /** `5 900 000 ₽ из 6 000 000 ₽ (98,33 %)`. */
  budgetUsed: (used: string, budget: string, share: string) => string;
  turnout: string;
  /** After the count of residents who voted: `16,68 % жителей старше 16 лет`. */
  ofResidents: (share: string) => string;

  winners: string;
  /** `4 проекта на 5 900 000 ₽`. */
  winnersSum: (projects: string, money: string) => string;
  noWinners: string;
  winner: string;
  notSelected: string;

  votesChart: string;
  pointsChart: string;
  /** The toggle that shows the chart as a table. */
  table: string;
  /** A project's share: of the residents who voted, or of all points given. */
  ofVoters: (share: string) => string;
  ofPoints: (share: string) => string;
  noBallots: string;
  noProjects: string;

  rank: string;
  project: string;
  district: string;
  cost: string;
  votes: string;
  points: string;
  share: string;
  outcome: string;
  code: string;
  unnamed: (id: string) => string;

  districts: string;
  /** A district with a budget of its own: `1 200 000 ₽ из 2 000 000 ₽`. */
  districtBudget: (used: string, budget: string) => string;
  districtSpent: (used: string) => string;

  download: string;
  csv: string;
  pabulib: string;
  downloaded: (file: string) => string;
  downloadFailed: string;

  campaignNotFound: (id: string) => string;
}

export const resultsMessages: Messages<ResultsTerms> = {
  ru: {
    title: (c) => `Итоги голосования: ${c}`,
    publishedOn: (d) => `Опубликованы ${d}`,
    preliminary: 'Предварительные итоги: администрация их проверяет.',
    // A long Russian date ends in «г.»: no second full stop.
    pendingOn: (d) => `Итоги голосования будут опубликованы ${d}`,
    pendingUndated: 'Итоги голосования ещё не опубликованы; дата пока не назначена.',
    unsupported: 'Этот сервер не публикует итоги голосования.',

    budget: 'Бюджет',
    budgetUsed: (u, b, s) => `Распределено ${u} из ${b} (${s})`,
    turnout: 'Явка',
    ofResidents: (s) => `${s} жителей старше 16 лет`,

    winners: 'Победители',
    winnersSum: (p, m) => `${p} на ${m}`,
    noWinners: 'Ни один проект не прошёл.',
    winner: 'Победитель',
    notSelected: 'Не прошёл',

    votesChart: 'Голоса по проектам',
    pointsChart: 'Баллы по проектам',
    table: 'Таблица',
    ofVoters: (s) => `${s} голосовавших`,
    ofPoints: (s) => `${s} всех баллов`,
    noBallots: 'Никто не проголосовал.',
    noProjects: 'В голосовании не было проектов.',

    rank: 'Место',
    project: 'Проект',
    district: 'Район',
    cost: 'Стоимость',
    votes: 'Голоса',
    points: 'Баллы',
    share: 'Доля',
    outcome: 'Итог',
    code: 'Код',
    unnamed: (id) => `Проект ${id}`,

    districts: 'По районам',
    districtBudget: (u, b) => `Бюджет: ${u} из ${b}`,
    districtSpent: (u) => `На проекты-победители: ${u}`,

    download: 'Скачать итоги',
    csv: 'Таблица CSV (Excel)',
    pabulib: 'Pabulib (.pb)',
    downloaded: (f) => `Файл ${f} готов.`,
    downloadFailed: 'Не удалось скачать файл.',

    campaignNotFound: (id) => `Кампания «${id}» не найдена. Проверьте атрибут campaign.`,
  },
  en: () => import('./results.i18n.en.ts').then((m) => m.en),
};
