import { sentence, type Messages } from '../i18n/locale.ts';

/**
 * Texts of `veche-budget-ballot`. Money, counts ("3 проекта", "2 балла"), dates and shares arrive
 * already formatted (Intl, plurals from @veche/core). Override with
 * `setMessages('veche-budget-ballot', locale, { send: 'Проголосовать' })`.
 */
export interface BudgetBallotTerms {
  heading: string;
  rulesTitle: string;
  knapsackRule: (budget: string) => string;
  approvalRule: string;
  singleRule: string;
  cumulativeRule: (points: string) => string;
  perProjectRule: (points: string) => string;
  minRule: (projects: string) => string;
  maxRule: (projects: string) => string;
  minSpendRule: (money: string, share: string) => string;
  blankRule: string;
  oneDistrictRule: string;
  allDistrictsRule: string;
  revoteRule: (date: string) => string;
  finalRule: string;
  signInRule: string;

  opens: (date: string) => string;
  closes: (relative: string) => string;
  closed: (date: string) => string;
  absent: string;
  readOnly: string;
  upcoming: string;

  districtLegend: string;
  districtHint: string;
  district: (name: string) => string;
  districtFixed: (name: string) => string;
  changeDistrict: string;
  cityWide: string;
  sharedBudget: string;
  budgetOf: (name: string) => string;

  budget: string;
  spent: (spent: string, budget: string) => string;
  left: (money: string) => string;
  over: (money: string) => string;
  least: (money: string) => string;
  count: (count: string, max: string | undefined) => string;
  points: (used: string, total: string) => string;
  pointsLeft: (points: string) => string;
  notSent: string;
  savedServer: string;
  saveFailed: string;
  restored: string;
  restoredServer: string;

  unfit: (left: string) => string;
  full: (max: string) => string;
  overWith: (over: string) => string;
  tooManyWith: (max: string) => string;
  pointsOverWith: (over: string) => string;
  pointsFor: (title: string) => string;
  addPoint: (title: string) => string;
  removePoint: (title: string) => string;
  remove: (title: string) => string;
  problems: string;
  clearChoice: string;

  review: string;
  issues: string;
  blank: string;
  withdrawn: string;
  already: string;
}

export const budgetBallotMessages: Messages<BudgetBallotTerms> = {
  ru: {
    heading: 'Голосование за проекты',
    rulesTitle: 'Как голосовать',
    knapsackRule: (budget) => `Отметьте проекты, которые хотите поддержать, так, чтобы вместе они стоили не больше ${budget}.`,
    approvalRule: 'Отметьте все проекты, которые поддерживаете.',
    singleRule: 'Выберите один проект, который поддерживаете больше всего.',
    cumulativeRule: (points) => `Распределите ${points} между проектами: чем больше баллов, тем сильнее поддержка.`,
    perProjectRule: (points) => `Одному проекту можно дать максимум ${points}.`,
    minRule: (projects) => `Выберите хотя бы ${projects}.`,
    maxRule: (projects) => `Можно выбрать максимум ${projects}.`,
    minSpendRule: (money, share) => `Выбранные проекты должны стоить не меньше ${money} (${share} бюджета).`,
    blankRule: 'Можно отправить бюллетень и без выбранных проектов: это тоже голос.',
    oneDistrictRule: 'Сначала выберите свой район: вы голосуете за проекты своего района и за общегородские.',
    allDistrictsRule: 'Проекты района оплачиваются из бюджета этого района.',
    revoteRule: (date) => `До ${date} голос можно отозвать и проголосовать заново.`,
    finalRule: 'Отправленный голос изменить нельзя.',
    signInRule: 'Подтвердить, что вы житель, попросим только при отправке голоса. Ваш выбор сохраняется, пока вы голосуете.',

    opens: (date) => sentence(`Голосование начнётся ${date}`),
    closes: (relative) => `Голосование закроется ${relative}.`,
    closed: (date) => sentence(`Голосование завершено ${date}`),
    absent: 'В этой кампании нет голосования.',
    readOnly: 'Голосовать на этом сайте нельзя: здесь только список проектов.',
    upcoming: 'Проекты, за которые можно будет голосовать',

    districtLegend: 'Ваш район',
    districtHint: 'Выберите район, в котором живёте. Его можно выбрать и на карте.',
    district: (name) => `Ваш район: ${name}.`,
    districtFixed: (name) => `Ваш район по коду для голосования: ${name}.`,
    changeDistrict: 'Сменить район',
    cityWide: 'Для всего города',
    sharedBudget: 'Общий бюджет',
    budgetOf: (name) => `Бюджет района «${name}»`,

    budget: 'Бюджет',
    spent: (spent, budget) => `Выбрано на ${spent} из ${budget}.`,
    left: (money) => `Осталось ${money}.`,
    over: (money) => `Бюджет превышен на ${money}.`,
    least: (money) => `Нужно выбрать хотя бы на ${money}.`,
    count: (count, max) => `Выбрано проектов: ${count}${max ? ` из ${max}` : ''}.`,
    points: (used, total) => `Распределено баллов: ${used} из ${total}.`,
    pointsLeft: (points) => `Осталось: ${points}.`,
    notSent: 'Голос ещё не отправлен и пока не учтён.',
    savedServer: 'Черновик сохранён: его можно продолжить и на другом устройстве.',
    saveFailed: 'Черновик сохранён только на этом устройстве: сервер сейчас недоступен.',
    restored: 'Восстановлен выбор, который вы сделали раньше на этом устройстве.',
    restoredServer: 'Восстановлен черновик, сохранённый на другом устройстве.',

    unfit: (left) => `Не помещается в оставшийся бюджет (${left}).`,
    full: (max) => `Уже выбран максимум: ${max}.`,
    overWith: (over) => `С этим проектом бюджет превышен на ${over}: уберите его или другой проект.`,
    tooManyWith: (max) => `С этим проектом выбрано больше, чем можно (максимум ${max}): уберите его или другой.`,
    pointsOverWith: (over) => `Роздано на ${over} больше, чем есть: уберите лишние баллы.`,
    pointsFor: (title) => `Баллы проекту «${title}»`,
    addPoint: (title) => `Добавить балл проекту «${title}»`,
    removePoint: (title) => `Убрать балл у проекта «${title}»`,
    remove: (title) => `Убрать «${title}»`,
    problems: 'Выбраны, но не могут войти в бюллетень',
    clearChoice: 'Снять выбор',

    review: 'Проверить и отправить',
    issues: 'Чтобы отправить голос, исправьте:',
    blank: 'Ни один проект не выбран: вы отправите пустой бюллетень. Так можно.',

    withdrawn: 'Ваш голос отозван и сейчас не учитывается. Измените выбор и отправьте бюллетень снова.',
    already: 'Вы уже проголосовали раньше, возможно с другого устройства. Учтён этот голос.',
  },
  en: () => import('./budget-ballot.i18n.en.ts').then((m) => m.en),
};
