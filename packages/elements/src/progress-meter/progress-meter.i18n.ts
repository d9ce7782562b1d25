import type { Noun } from '@veche/core';
import type { Messages } from '../i18n/locale.ts';

/**
 * The texts of `<veche-progress-meter>`. Functions receive values already formatted through Intl
 * (counts with their plural noun, money, shares, dates). A page replaces any of them with
 * `setMessages('veche-progress-meter', 'ru', { … })`.
 */
export interface ProgressMeterTerms {
  /** What supporters are counted in: `signature` (подписи) or `supporter` (сторонники). */
  noun: Noun;
  supportCaption: (project: string) => string;
  /** After the count: `12,85 % жителей старше 16 лет`. */
  ofResidents: (share: string) => string;
  /** `порог 10 %` or `порог 500 подписей`. */
  threshold: (value: string) => string;
  thresholdMark: string;
  reached: string;
  left: (count: string) => string;
  noThreshold: string;
  unknownPopulation: string;
  /** Announced once when a live count reaches the threshold. */
  reachedNow: (count: string) => string;
  /** Announced when the resident resumes updates. */
  resumed: (count: string) => string;
  paused: string;
  liveHint: string;
  pausedHint: string;
  updateFailed: string;

  fundingCaption: (project: string) => string;
  cost: (amount: string) => string;
  ofCost: (share: string) => string;
  min: (share: string) => string;
  max: (share: string) => string;
  below: (share: string) => string;
  above: (share: string) => string;
  gap: (amount: string) => string;
  noCoFunding: string;

  timelineCaption: (campaign: string) => string;
  nowIn: (phase: string, n: number, total: number) => string;
  nextIs: (phase: string) => string;
  notStarted: string;
  allDone: string;
  done: string;
  current: string;
  upcoming: string;
  today: string;
  milestonesCaption: (project: string) => string;
  progress: string;
  milestoneDone: string;
  milestonePlanned: string;
  noMilestones: string;

  projectNotFound: (id: string) => string;
  campaignNotFound: (id: string) => string;
}

export const messages: Messages<ProgressMeterTerms> = {
  ru: {
    noun: 'signature',
    supportCaption: (p) => `Поддержка проекта «${p}»`,
    ofResidents: (s) => `${s} жителей старше 16 лет`,
    threshold: (v) => `порог ${v}`,
    thresholdMark: 'Порог',
    reached: 'Порог достигнут',
    left: (n) => `До порога нужно ещё ${n}`,
    noThreshold: 'Порог поддержки не установлен',
    unknownPopulation: 'Число жителей старше 16 лет не указано: долю и порог посчитать нельзя',
    reachedNow: (n) => `Проект достиг порога поддержки: ${n}.`,
    resumed: (n) => `Обновление продолжено. Сейчас ${n}.`,
    paused: 'Обновление остановлено.',
    liveHint: 'Счётчик обновляется автоматически.',
    pausedHint: 'Обновление счётчика остановлено.',
    updateFailed: 'Не удалось обновить счётчик; показаны последние данные.',

    fundingCaption: (p) => `Софинансирование проекта «${p}»`,
    cost: (a) => `Стоимость проекта: ${a}`,
    ofCost: (s) => `${s} стоимости`,
    min: (s) => `минимум ${s}`,
    max: (s) => `максимум ${s}`,
    below: (s) => `Меньше минимума: нужно не меньше ${s}`,
    above: (s) => `Больше максимума: можно не больше ${s}`,
    gap: (a) => `Ещё не распределено: ${a}`,
    noCoFunding: 'Софинансирование проекта пока не указано.',

    timelineCaption: (c) => `Этапы: ${c}`,
    nowIn: (p, n, total) => `Сейчас идёт этап «${p}» (${n} из ${total}).`,
    nextIs: (p) => `Следующий этап — «${p}».`,
    notStarted: 'Кампания ещё не началась.',
    allDone: 'Все этапы завершены.',
    done: 'Завершён',
    current: 'Идёт сейчас',
    upcoming: 'Впереди',
    today: 'Сегодня',
    milestonesCaption: (p) => `Ход реализации проекта «${p}»`,
    progress: 'Готовность',
    milestoneDone: 'Выполнено',
    milestonePlanned: 'Запланировано',
    noMilestones: 'План работ по проекту пока не опубликован.',

    projectNotFound: (id) => `Проект «${id}» не найден. Проверьте атрибут project.`,
    campaignNotFound: (id) => `Кампания «${id}» не найдена. Проверьте атрибут campaign.`,
  },
  en: () => import('./progress-meter.i18n.en.ts').then((m) => m.en),
};
