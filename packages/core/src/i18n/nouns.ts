import type { Locale, Noun, PluralForms } from './catalog.ts';

/** The BCP 47 tag handed to Intl for each language. */
export const INTL_TAGS: Record<Locale, string> = { ru: 'ru-RU', en: 'en-GB' };

/** Nouns with their plural forms in both languages, for `formatCount` (small enough to ship both). */
export const NOUNS: Record<Locale, Record<Noun, PluralForms>> = {
  ru: {
    project: { one: 'проект', few: 'проекта', many: 'проектов', other: 'проекта' },
    vote: { one: 'голос', few: 'голоса', many: 'голосов', other: 'голоса' },
    supporter: { one: 'сторонник', few: 'сторонника', many: 'сторонников', other: 'сторонника' },
    signature: { one: 'подпись', few: 'подписи', many: 'подписей', other: 'подписи' },
    resident: { one: 'житель', few: 'жителя', many: 'жителей', other: 'жителя' },
    point: { one: 'балл', few: 'балла', many: 'баллов', other: 'балла' },
    ballot: { one: 'бюллетень', few: 'бюллетеня', many: 'бюллетеней', other: 'бюллетеня' },
    day: { one: 'день', few: 'дня', many: 'дней', other: 'дня' },
    hour: { one: 'час', few: 'часа', many: 'часов', other: 'часа' },
    minute: { one: 'минута', few: 'минуты', many: 'минут', other: 'минуты' },
    idea: { one: 'идея', few: 'идеи', many: 'идей', other: 'идеи' },
  },
  en: {
    project: { one: 'project', other: 'projects' },
    vote: { one: 'vote', other: 'votes' },
    supporter: { one: 'supporter', other: 'supporters' },
    signature: { one: 'signature', other: 'signatures' },
    resident: { one: 'resident', other: 'residents' },
    point: { one: 'point', other: 'points' },
    ballot: { one: 'ballot', other: 'ballots' },
    day: { one: 'day', other: 'days' },
    hour: { one: 'hour', other: 'hours' },
    minute: { one: 'minute', other: 'minutes' },
    idea: { one: 'idea', other: 'ideas' },
  },
};
