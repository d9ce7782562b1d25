import type { CoreCatalog } from './catalog.ts';

/**
 * The domain's words in Russian: one self-contained module per language and one export per table, so
 * a browser bundle carries only the tables it uses and loads them up front.
 */

/** Phase names. */
export const phase: CoreCatalog['phase'] = {
  ideas: 'Сбор идей',
  support: 'Поддержка',
  review: 'Экспертиза',
  voting: 'Голосование',
  results: 'Итоги',
  implementation: 'Реализация',
};

/** Project status labels. */
export const status: CoreCatalog['status'] = {
  submitted: 'На модерации',
  published: 'Опубликован',
  rejected: 'Отклонён',
  shortlisted: 'Допущен к голосованию',
  selected: 'Победитель',
  'not-selected': 'Не прошёл',
  'in-progress': 'Реализуется',
  done: 'Реализован',
};

/** Co-financing sources. */
export const source: CoreCatalog['source'] = {
  residents: 'Жители',
  business: 'Бизнес',
  municipal: 'Муниципалитет',
  regional: 'Регион',
  other: 'Другие источники',
};

/** Voting methods in plain words. */
export const method: CoreCatalog['method'] = {
  approval: 'Голос за несколько проектов',
  knapsack: 'Выбор проектов в пределах бюджета',
  cumulative: 'Распределение баллов',
  single: 'Один голос',
};

/** What each error code means for a resident. */
export const error: CoreCatalog['error'] = {
  network: 'Нет связи с сервером. Проверьте подключение к интернету и попробуйте ещё раз.',
  timeout: 'Сервер не ответил вовремя. Попробуйте ещё раз.',
  'invalid-response': 'Сервер прислал непонятный ответ. Попробуйте позже.',
  unauthorized: 'Нужно подтвердить, что вы житель: войдите с кодом.',
  forbidden: 'Это действие вам недоступно.',
  'phase-closed': 'Этот этап сейчас закрыт.',
  'rule-violation': 'Выбор не соответствует правилам голосования.',
  conflict: 'Это уже сделано раньше.',
  'rate-limited': 'Слишком много попыток. Подождите немного и попробуйте снова.',
  'not-found': 'Не найдено.',
  'invalid-input': 'Проверьте введённые данные.',
  unavailable: 'Сервис временно недоступен. Попробуйте через несколько минут.',
};

/** One sentence per violated rule; placeholders `{limit}`, `{actual}` (formatted), `{project}` (a title). */
export const violation: CoreCatalog['violation'] = {
  'too-few-projects': 'Выбрано: {actual}, а нужно не меньше {limit}.',
  'too-many-projects': 'Выбрано: {actual}, а можно не больше {limit}.',
  'over-budget': 'Выбранные проекты стоят {actual}, а бюджет — {limit}.',
  'under-min-spend': 'Выбрано проектов на {actual}, а нужно не меньше чем на {limit}.',
  'points-exceeded': 'Распределено: {actual}, а можно не больше {limit}.',
  'points-per-project-exceeded': 'Проекту «{project}» дано: {actual}, а можно не больше {limit}.',
  'unknown-project': 'Проект «{project}» не найден.',
  'project-not-eligible': 'Проект «{project}» не участвует в голосовании.',
  'duplicate-project': 'Проект «{project}» выбран дважды.',
  'wrong-district': 'Проект «{project}» относится к другому району.',
  'empty-ballot': 'Выберите хотя бы один проект.',
};

/** Every table together. */
export const ru: CoreCatalog = { phase, status, source, method, error, violation };
