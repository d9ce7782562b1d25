import {
  FUNDING_SOURCES,
  PHASE_IDS,
  VecheError,
  roundShare,
  supportThreshold,
  type Campaign,
  type FundingSource,
  type PhaseId,
  type Project,
} from '@veche/core';
import type { StepState } from './progress-meter.types.ts';

/*
 * What the three views draw, computed from the adapter's data without Lit or the DOM. The adapter is
 * supposed to validate what it returns, but a host's own adapter may not: the `read*` checks make sure
 * that every field a view uses has the right shape, so bad data gives an error message, never a throw
 * inside render().
 */

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isTime = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const optional = (v: unknown, check: (v: unknown) => boolean) => v === undefined || v === null || check(v);

function expect(ok: boolean, what: string): asserts ok {
  if (!ok) throw new VecheError('invalid-response', `The adapter sent ${what}`);
}

const isShares = (v: unknown) => optional(v, (s) => isObject(s) && Object.values(s).every((x) => optional(x, isCount)));

/** The campaign, checked for what the meter reads. */
export function readCampaign(value: unknown): Campaign {
  expect(isObject(value) && typeof value['id'] === 'string' && typeof value['title'] === 'string', 'a campaign without an id or title');
  const phases = value['phases'];
  expect(
    Array.isArray(phases) &&
      phases.length > 0 &&
      phases.every((p) => isObject(p) && (PHASE_IDS as readonly unknown[]).includes(p['id']) && isTime(p['start']) && isTime(p['end'])),
    'a campaign with unreadable phases',
  );
  expect(optional(value['population16'], isCount), 'an unreadable population');
  const threshold = value['supportThreshold'];
  expect(
    optional(threshold, (t) => isObject(t) && (t['type'] === 'count' || t['type'] === 'share') && isCount(t['value'])),
    'an unreadable support threshold',
  );
  const policy = value['coFunding'];
  expect(optional(policy, (c) => isObject(c) && isShares(c['minShares']) && isShares(c['maxShares'])), 'an unreadable co-financing policy');
  return value as unknown as Campaign;
}

/** The project, checked for what the meter reads; missing lists become empty ones. */
export function readProject(value: unknown): Project {
  expect(isObject(value) && typeof value['id'] === 'string' && typeof value['title'] === 'string', 'a project without an id or title');
  expect(isCount(value['cost']) && optional(value['supports'], isCount), 'a project with an unreadable cost or support count');
  expect(optional(value['progress'], (p) => isCount(p) && (p as number) <= 100), 'a project with unreadable progress');
  const coFunding = value['coFunding'] ?? [];
  expect(
    Array.isArray(coFunding) &&
      coFunding.every((c) => isObject(c) && (FUNDING_SOURCES as readonly unknown[]).includes(c['source']) && isCount(c['amount'])),
    'unreadable co-financing',
  );
  const milestones = value['milestones'] ?? [];
  expect(
    Array.isArray(milestones) &&
      milestones.every(
        (m) =>
          isObject(m) &&
          typeof m['title'] === 'string' &&
          optional(m['date'], isTime) &&
          optional(m['photos'], (ps) => Array.isArray(ps) && ps.every((p) => isObject(p) && typeof p['url'] === 'string')),
      ),
    'unreadable milestones',
  );
  return { ...value, coFunding, milestones } as unknown as Project;
}

export interface SupportModel {
  count: number;
  /** Supporters needed, when the campaign sets a threshold (and, for a share, knows its population). */
  threshold: number | undefined;
  /** The threshold as a share of residents 16+, when the campaign sets it so. */
  thresholdShare: number | undefined;
  /** A threshold set as a share of residents whose number is not known: it cannot be counted. */
  thresholdUnknown: boolean;
  /** Residents aged 16+, when known. */
  population: number | undefined;
  /** count / population, rounded half up to hundredths of a percent. */
  share: number | undefined;
  reached: boolean;
  /** Supporters still needed to reach the threshold. */
  left: number;
  /** The count the full bar stands for; 0 draws no bar. */
  scale: number;
}

/** Supporters against the threshold and the population aged 16+. */
export function supportModel(campaign: Campaign, count: number): SupportModel {
  // A threshold of 0 (a share of an unknown or empty population) means none.
  const threshold = supportThreshold(campaign) || undefined;
  const population = campaign.population16 || undefined;
  const rule = campaign.supportThreshold;
  const scale = threshold ? Math.max(count, Math.ceil(threshold * 1.25)) : (population ?? 0);
  return {
    count,
    threshold,
    thresholdShare: rule?.type === 'share' && threshold !== undefined ? rule.value : undefined,
    thresholdUnknown: rule?.type === 'share' && threshold === undefined,
    population,
    share: population ? roundShare(count, population) : undefined,
    reached: threshold !== undefined && count >= threshold,
    left: threshold === undefined ? 0 : Math.max(0, threshold - count),
    scale,
  };
}

export interface FundingRow {
  source: FundingSource;
  amount: number;
  /** Of the project's cost, rounded half up to hundredths of a percent. */
  share: number;
  min: number | undefined;
  max: number | undefined;
  /** A source that brings less than its minimum or more than its maximum share. */
  flag: 'below' | 'above' | undefined;
  /** Who brings it ("ООО «Кедр-Строй»"). */
  notes: string[];
}

export interface FundingModel {
  cost: number;
  total: number;
  rows: FundingRow[];
  /** Part of the cost no source covers yet. */
  gap: number;
}

/**
 * Co-financing by source against the campaign's minimum and maximum shares of the cost. Sources appear
 * in a fixed order (residents, business, municipality, region, other); a source the policy requires
 * shows up even with nothing in it, flagged.
 */
export function fundingModel(campaign: Campaign, project: Project): FundingModel {
  const total = project.coFunding.reduce((sum, c) => sum + c.amount, 0);
  const base = project.cost > 0 ? project.cost : total;
  const minShares = campaign.coFunding?.minShares ?? {};
  const maxShares = campaign.coFunding?.maxShares ?? {};
  const rows: FundingRow[] = [];
  if (project.coFunding.length > 0) {
    for (const source of FUNDING_SOURCES) {
      const entries = project.coFunding.filter((c) => c.source === source);
      const amount = entries.reduce((sum, c) => sum + c.amount, 0);
      const min = minShares[source] ?? undefined;
      const max = maxShares[source] ?? undefined;
      if (entries.length === 0 && !min) continue;
      // Flags compare exact amounts, so 6,995 % of a 7 % minimum is below it even though it shows as 7 %.
      const flag = min !== undefined && amount < min * base - 1e-6 ? 'below' : max !== undefined && amount > max * base + 1e-6 ? 'above' : undefined;
      const notes = entries.map((c) => c.note?.trim()).filter((n): n is string => !!n);
      rows.push({ source, amount, share: roundShare(amount, base), min, max, flag, notes });
    }
  }
  return { cost: project.cost, total, rows, gap: Math.max(0, project.cost - total) };
}

export interface PhaseStep {
  id: PhaseId;
  start: string;
  end: string;
  state: StepState;
  /** How much of the phase has passed, 0–1. */
  elapsed: number;
}

export interface TimelineModel {
  steps: PhaseStep[];
  /** The open phase, or -1. */
  current: number;
  /** The next phase to open, or -1. */
  next: number;
  /** The phase whose segment holds today's marker, and where in it (0–1). */
  today: { index: number; at: number };
}

/** The campaign's phases in order with today's position. */
export function timelineModel(campaign: Campaign, now: Date): TimelineModel {
  const t = now.getTime();
  const phases = [...campaign.phases].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const steps = phases.map((p): PhaseStep => {
    const start = Date.parse(p.start);
    const end = Date.parse(p.end);
    const state: StepState = t < start ? 'upcoming' : t < end ? 'current' : 'done';
    const elapsed = state === 'done' ? 1 : state === 'upcoming' ? 0 : (t - start) / Math.max(1, end - start);
    return { id: p.id, start: p.start, end: p.end, state, elapsed };
  });
  const current = steps.findIndex((s) => s.state === 'current');
  const next = steps.findIndex((s) => s.state === 'upcoming');
  // Between phases (or before the first) today sits at the start of the next one; after all, at the end.
  const today =
    current >= 0 ? { index: current, at: steps[current]!.elapsed } : next >= 0 ? { index: next, at: 0 } : { index: steps.length - 1, at: 1 };
  return { steps, current, next, today };
}

/** A share 0–1 as a CSS length along a bar, clamped. */
export const percent = (part: number, whole: number): string =>
  `${whole > 0 ? Math.min(100, Math.max(0, (part / whole) * 100)) : 0}%`;
