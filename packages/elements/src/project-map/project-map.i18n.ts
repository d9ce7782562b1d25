import type { Messages } from '../i18n/locale.ts';

/**
 * The texts of `<veche-project-map>`. Functions receive values already formatted through Intl (counts with
 * their plural noun, coordinates). A page replaces any of them with `setMessages('veche-project-map', 'ru', {…})`.
 */
export interface ProjectMapTerms {
  heading: string;
  /** The group of the «Карта / Список» buttons, and the buttons. */
  viewLabel: string;
  viewMap: string;
  viewList: string;
  skipMap: string;
  /** The map's accessible name with how many projects it shows (`12 проектов`). */
  mapLabel: (projects: string) => string;
  mapHelp: string;
  zoomIn: string;
  zoomOut: string;
  showAll: string;
  /** A project marker: its title and what colours it (category or status). */
  projectMarker: (title: string, kind: string) => string;
  /** A cluster of projects (`12 проектов`) that zooms in. */
  groupMarker: (projects: string) => string;
  /** Projects at one place, which zooming cannot split. */
  spotMarker: (projects: string) => string;
  /** Announced after a zoom: what the map shows now (`8 меток`). */
  zoomed: (markers: number) => string;
  legend: string;
  noCategory: string;
  filters: string;
  all: string;
  status: string;
  category: string;
  district: string;
  listHeading: string;
  /** `Показано 20 из 134`. */
  listCount: (shown: string, total: string) => string;
  showMore: string;
  noPlace: string;
  /** The list shows the projects of one map group: their number, and the way back. */
  groupHeading: (projects: string) => string;
  showAllProjects: string;
  empty: string;
  noMatch: string;
  /** Projects that have no place and are only in the list (`3 проекта`). */
  notOnMap: (projects: string) => string;
  brokenDistricts: (names: string) => string;
  tilesFailed: string;
  mapFailed: string;
  attribution: { osm: string; '2gis': string };

  pickLabel: string;
  pickHelp: string;
  pickCenter: string;
  clearPick: string;
  /** The chosen point in words: coordinates and, when it lies in one, the district. */
  picked: (lat: string, lng: string, district: string | undefined) => string;
  pickNone: string;
  outside: string;
}

export const messages: Messages<ProjectMapTerms> = {
  ru: {
    heading: 'Проекты на карте',
    viewLabel: 'Как показать проекты',
    viewMap: 'Карта',
    viewList: 'Список',
    skipMap: 'Пропустить карту',
    mapLabel: (n) => `Карта проектов: ${n}`,
    mapHelp:
      'Стрелки — переход между метками (сверху вниз, слева направо), Enter — открыть проект или приблизить группу, плюс и минус — масштаб, Escape — показать всё. Те же проекты — в списке под картой.',
    zoomIn: 'Приблизить',
    zoomOut: 'Отдалить',
    showAll: 'Показать всё',
    projectMarker: (title, kind) => `${title} — ${kind}`,
    groupMarker: (n) => `Группа меток: ${n}. Enter — приблизить`,
    spotMarker: (n) => `В одном месте: ${n}. Enter — показать списком`,
    zoomed: (n) => `Меток на карте: ${n}`,
    legend: 'Цвета меток',
    noCategory: 'Без категории',
    filters: 'Отбор проектов',
    all: 'Все',
    status: 'Статус',
    category: 'Категория',
    district: 'Район',
    listHeading: 'Проекты списком',
    listCount: (shown, total) => `Показано ${shown} из ${total}`,
    showMore: 'Показать ещё',
    noPlace: 'Место не указано — на карте нет',
    groupHeading: (n) => `Проекты в выбранном месте: ${n}`,
    showAllProjects: 'Показать все проекты',
    empty: 'В кампании пока нет проектов.',
    noMatch: 'Нет проектов, подходящих под отбор.',
    notOnMap: (n) => `Без места на карте: ${n} — они есть в списке.`,
    brokenDistricts: (names) => `Не удалось нарисовать границы районов: ${names}.`,
    tilesFailed: 'Подложка карты не загрузилась: районы и проекты показаны без неё.',
    mapFailed: 'Карта не загрузилась. Все проекты — в списке ниже.',
    attribution: { osm: '© участники OpenStreetMap', '2gis': '© 2ГИС' },

    pickLabel: 'Карта для выбора места',
    pickHelp:
      'Нажмите на карту в нужном месте. С клавиатуры: стрелки двигают карту под перекрестием, Enter — выбрать место под ним, плюс и минус — масштаб.',
    pickCenter: 'Выбрать место под перекрестием',
    clearPick: 'Убрать отметку',
    picked: (lat, lng, district) => `Выбрано место: широта ${lat}, долгота ${lng}${district ? `, район «${district}»` : ''}.`,
    pickNone: 'Место пока не выбрано.',
    outside: 'Место вне районов кампании.',
  },
  en: () => import('./project-map.i18n.en.ts').then((m) => m.en),
};
