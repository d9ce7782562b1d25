import type { Violation } from '../rules/check-ballot.ts';
import type { ViolationCode } from '../domain/values.ts';
import type { Locale, Noun, PluralForms } from './catalog.ts';
import { INTL_TAGS, NOUNS } from './nouns.ts';

/** The catalog language for a `lang` value: English for `en*`, Russian otherwise (the default). */
export function resolveLocale(lang?: string | null): Locale {
  return lang && /^en\b/i.test(lang.trim()) ? 'en' : 'ru';
}


const cache = new Map<string, Intl.NumberFormat | Intl.PluralRules | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.PluralRules | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
  key: string,
  make: () => T,
): T {
  let value = cache.get(key) as T | undefined;
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

const tag = (locale: Locale) => INTL_TAGS[locale];

export function formatNumber(value: number, locale: Locale = 'ru', maximumFractionDigits = 0): string {
  return cached(`n:${locale}:${maximumFractionDigits}`, () =>
    new Intl.NumberFormat(tag(locale), { maximumFractionDigits }),
  ).format(value);
}

/** Whole roubles: `1 500 000 ₽`; `compact` gives `1,5 млн ₽`. */
export function formatMoney(amount: number, locale: Locale = 'ru', options: { compact?: boolean } = {}): string {
  const compact = options.compact === true;
  return cached(`m:${locale}:${compact}`, () =>
    new Intl.NumberFormat(tag(locale), {
      style: 'currency',
      currency: 'RUB',
      currencyDisplay: 'narrowSymbol',
      maximumFractionDigits: compact ? 1 : 0,
      minimumFractionDigits: 0,
      ...(compact ? { notation: 'compact' as const } : {}),
    }),
  ).format(amount);
}

/** A share (0–1) as a percentage: `14,35 %`. */
export function formatShare(share: number, locale: Locale = 'ru', maximumFractionDigits = 2): string {
  return cached(`s:${locale}:${maximumFractionDigits}`, () =>
    new Intl.NumberFormat(tag(locale), { style: 'percent', maximumFractionDigits, minimumFractionDigits: 0 }),
  ).format(share);
}

/**
 * `count / total` rounded half up to `digits` decimals of a percent, computed from the counts so that
 * no binary fraction tips it: roundShare(80494, 330527) = 0.2435 (24.35 %).
 */
export function roundShare(count: number, total: number, digits = 2): number {
  if (total <= 0) return 0;
  const scale = 10 ** (digits + 2);
  return Math.floor((2 * count * scale + total) / (2 * total)) / scale;
}

export function pluralCategory(locale: Locale, n: number): Intl.LDMLPluralRule {
  return cached(`p:${locale}`, () => new Intl.PluralRules(tag(locale))).select(n);
}

export function pluralForm(locale: Locale, n: number, forms: PluralForms): string {
  return forms[pluralCategory(locale, n)] ?? forms.other;
}

/** A number with its noun in the right form: `1 473 подписи`, `21 голос`, `5 projects`. */
export function formatCount(n: number, noun: Noun, locale: Locale = 'ru'): string {
  return `${formatNumber(n, locale)}\u00a0${pluralForm(locale, n, NOUNS[locale][noun])}`;
}

export type DateStyle = 'date' | 'long' | 'datetime' | 'time';

const DATE_OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  date: { day: 'numeric', month: 'numeric', year: 'numeric' },
  long: { day: 'numeric', month: 'long', year: 'numeric' },
  datetime: { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' },
  time: { hour: '2-digit', minute: '2-digit' },
};

export function formatDate(
  value: string | Date,
  locale: Locale = 'ru',
  style: DateStyle = 'long',
  timeZone?: string,
): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return cached(`d:${locale}:${style}:${timeZone ?? ''}`, () =>
    new Intl.DateTimeFormat(tag(locale), { ...DATE_OPTIONS[style], ...(timeZone ? { timeZone } : {}) }),
  ).format(date);
}

/** `через 3 дня`, `2 hours ago`: the largest whole unit between `now` and `value`. */
export function formatRelative(value: string | Date, now: Date = new Date(), locale: Locale = 'ru'): string {
  const ms = (typeof value === 'string' ? Date.parse(value) : value.getTime()) - now.getTime();
  const abs = Math.abs(ms);
  const rtf = cached(`r:${locale}`, () => new Intl.RelativeTimeFormat(tag(locale), { numeric: 'auto' }));
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 365 * 86_400_000],
    ['month', 30 * 86_400_000],
    ['day', 86_400_000],
    ['hour', 3_600_000],
    ['minute', 60_000],
  ];
  for (const [unit, size] of units) {
    if (abs >= size) return rtf.format(Math.trunc(ms / size), unit);
  }
  return rtf.format(0, 'minute');
}

/** Replaces `{name}` placeholders; unknown names stay as they are. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

const MONEY_CODES = new Set(['over-budget', 'under-min-spend']);
const POINT_CODES = new Set(['points-exceeded', 'points-per-project-exceeded']);

/** `explainViolation` with the templates passed in (an element that loads its catalog on demand). */
export function formatViolation(
  violation: Violation,
  locale: Locale,
  templates: Record<ViolationCode, string>,
  projectTitle: (id: string) => string | undefined = () => undefined,
): string {
  const { code, limit = 0, actual = 0, projectId } = violation;
  const project = projectId === undefined ? '' : (projectTitle(projectId) ?? projectId);
  let values: Record<string, string>;
  if (MONEY_CODES.has(code)) values = { limit: formatMoney(limit, locale), actual: formatMoney(actual, locale) };
  else {
    const noun: Noun = POINT_CODES.has(code) ? 'point' : 'project';
    values = { limit: formatNumber(limit, locale), actual: formatCount(actual, noun, locale) };
  }
  return fill(templates[code], { ...values, project });
}
