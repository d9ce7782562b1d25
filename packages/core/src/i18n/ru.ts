import type { CoreCatalog } from './catalog.ts';

/**
 * The domain's words in Russian. One self-contained module per language, so a bundle can load
 * it up front.
 */
export const ru: CoreCatalog = {
  phase: {
    ideas: 'Сбор идей',
    support: 'Поддержка',
    review: 'Экспертиза',
    voting: 'Голосование',
    results: 'Итоги',
    implementation: 'Реализация',
  },
  status: {
    submitted: 'На модерации',
    published: 'Опубликован',
    rejected: 'Отклонён',
    shortlisted: 'Допущен к голосованию',
    selected: 'Победитель',
    'not-selected': 'Не прошёл',
    'in-progress': 'Реализуется',
    done: 'Реализован',
  },
  source: {
    residents: 'Жители',
    business: 'Бизнес',
    municipal: 'Муниципалитет',
    regional: 'Регион',
    other: 'Другие источники',
  },
  method: {
    approval: 'Голос за несколько проектов',
    knapsack: 'Выбор проектов в пределах бюджета',
    cumulative: 'Распределение баллов',
    single: 'Один голос',
  },
  error: {
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
  },
  violation: {
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
  },
};
