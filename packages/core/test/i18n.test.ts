import { describe, expect, it } from 'vitest';
import { en, explainViolation, ru } from '../src/i18n/catalogs.ts';
import {
  fill,
  formatCount,
  formatDate,
  formatMoney,
  formatRelative,
  formatShare,
  resolveLocale,
  roundShare,
} from '../src/index.ts';

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('i18n', () => {
  it('Russian plurals take all three forms', () => {
    const cases: [number, string][] = [
      [1, '1 проект'],
      [2, '2 проекта'],
      [5, '5 проектов'],
      [11, '11 проектов'],
      [21, '21 проект'],
      [22, '22 проекта'],
      [111, '111 проектов'],
      [1473, '1 473 проекта'],
    ];
    for (const [n, text] of cases) expect(nbsp(formatCount(n, 'project', 'ru'))).toBe(text);
    expect(nbsp(formatCount(1473, 'signature', 'ru'))).toBe('1 473 подписи');
    expect(nbsp(formatCount(1, 'vote', 'en'))).toBe('1 vote');
    expect(nbsp(formatCount(1473, 'vote', 'en'))).toBe('1,473 votes');
  });

  it('money is whole roubles through Intl', () => {
    expect(nbsp(formatMoney(1_500_000, 'ru'))).toBe('1 500 000 ₽');
    expect(nbsp(formatMoney(1_500_000, 'en'))).toBe('₽1,500,000');
    expect(nbsp(formatMoney(1_500_000, 'ru', { compact: true }))).toBe('1,5 млн ₽');
  });

  it('shares round half up from the counts (the Krasnoyarsk participation figures)', () => {
    expect(roundShare(80_494, 330_527)).toBe(0.2435);
    expect(roundShare(167, 80_494)).toBe(0.0021);
    expect(roundShare(167, 330_527)).toBe(0.0005);
    expect(roundShare(107_350, 728_691)).toBe(0.1473);
    expect(roundShare(10_891, 107_350)).toBe(0.1015);
    expect(roundShare(10_891, 728_691)).toBe(0.0149);
    expect(roundShare(1, 8)).toBe(0.125);
    expect(roundShare(1, 8, 1)).toBe(0.125);
    expect(roundShare(1, 2000, 1)).toBe(0.001);
    expect(roundShare(1, 8, 0)).toBe(0.13);
    expect(roundShare(5, 0)).toBe(0);
    expect(nbsp(formatShare(0.2435, 'ru'))).toBe('24,35 %');
    expect(nbsp(formatShare(0.1015, 'en'))).toBe('10.15%');
  });

  it('resolves the language from lang values, Russian by default', () => {
    expect(resolveLocale('en-GB')).toBe('en');
    expect(resolveLocale('EN')).toBe('en');
    expect(resolveLocale('ru-RU')).toBe('ru');
    expect(resolveLocale('de')).toBe('ru');
    expect(resolveLocale(undefined)).toBe('ru');
  });

  it('explains violations in words with money and counts formatted', () => {
    expect(nbsp(explainViolation({ code: 'over-budget', limit: 6_000_000, actual: 7_000_000 }, 'ru'))).toBe(
      'Выбранные проекты стоят 7 000 000 ₽, а бюджет — 6 000 000 ₽.',
    );
    expect(nbsp(explainViolation({ code: 'too-many-projects', limit: 3, actual: 5 }, 'ru'))).toBe('Выбрано: 5 проектов, а можно не больше 3.');
    expect(explainViolation({ code: 'wrong-district', projectId: 'demo-2' }, 'en', () => 'Embankment lights')).toBe(
      '“Embankment lights” belongs to another district.',
    );
    expect(nbsp(explainViolation({ code: 'points-exceeded', limit: 5, actual: 6 }, 'en'))).toBe('You have given 6 points; you can give at most 5.');
  });

  it('dates and relative times come from Intl in the locale', () => {
    expect(formatDate('2026-12-01T05:00:00Z', 'ru', 'long', 'Asia/Krasnoyarsk')).toBe('1 декабря 2026 г.');
    expect(formatDate('2026-12-01T05:00:00Z', 'en', 'long', 'UTC')).toBe('1 December 2026');
    const now = new Date('2026-11-28T12:00:00Z');
    expect(formatRelative('2026-12-01T12:00:00Z', now, 'ru')).toBe('через 3 дня');
    expect(formatRelative('2026-11-28T10:00:00Z', now, 'en')).toBe('2 hours ago');
  });

  it('fill replaces known placeholders only', () => {
    expect(fill('{a} и {b}', { a: 1 })).toBe('1 и {b}');
  });

  it('the English catalog has every term the Russian one has', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' && !Array.isArray(v) ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
    const ruKeys = keys(ru).filter((k) => !/^nouns\.\w+\.(few|many)$/.test(k));
    expect(keys(en).sort()).toEqual(ruKeys.sort());
  });
});
