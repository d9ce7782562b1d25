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
  en: {
    noun: 'signature',
    supportCaption: (p) => `Support for “${p}”`,
    ofResidents: (s) => `${s} of residents aged 16+`,
    threshold: (v) => `threshold ${v}`,
    thresholdMark: 'Threshold',
    reached: 'Threshold reached',
    left: (n) => `${n} more needed to reach the threshold`,
    noThreshold: 'No support threshold is set',
    unknownPopulation: 'The number of residents aged 16+ is not given, so the share and the threshold cannot be counted',
    reachedNow: (n) => `The project has reached the support threshold: ${n}.`,
    resumed: (n) => `Updates resumed. Now ${n}.`,
    paused: 'Updates paused.',
    liveHint: 'The count updates automatically.',
    pausedHint: 'Count updates are paused.',
    updateFailed: 'Could not update the count; showing the latest figures.',

    fundingCaption: (p) => `Co-financing of “${p}”`,
    cost: (a) => `Project cost: ${a}`,
    ofCost: (s) => `${s} of the cost`,
    min: (s) => `at least ${s}`,
    max: (s) => `at most ${s}`,
    below: (s) => `Below the minimum: needs at least ${s}`,
    above: (s) => `Above the maximum: may be at most ${s}`,
    gap: (a) => `Not yet covered: ${a}`,
    noCoFunding: 'Co-financing for this project has not been given yet.',

    timelineCaption: (c) => `Stages: ${c}`,
    nowIn: (p, n, total) => `Now: ${p} (stage ${n} of ${total}).`,
    nextIs: (p) => `Next stage: ${p}.`,
    notStarted: 'The campaign has not started yet.',
    allDone: 'All stages are complete.',
    done: 'Complete',
    current: 'Under way',
    upcoming: 'Ahead',
    today: 'Today',
    milestonesCaption: (p) => `Progress of “${p}”`,
    progress: 'Complete',
    milestoneDone: 'Done',
    milestonePlanned: 'Planned',
    noMilestones: 'The work plan for this project has not been published yet.',

    projectNotFound: (id) => `Project “${id}” was not found. Check the project attribute.`,
    campaignNotFound: (id) => `Campaign “${id}” was not found. Check the campaign attribute.`,
  },
};
