import { VecheError } from '../adapter/errors.ts';
import type { PhaseId } from '../domain/values.ts';
import type { Campaign, Phase, VotingRules } from '../schemas/campaign.ts';

export type PhaseState = 'upcoming' | 'open' | 'closed' | 'absent';

const time = (iso: string): number => Date.parse(iso);

/** The phase open at `now`, if any. */
export function currentPhase(campaign: Pick<Campaign, 'phases'>, now: Date = new Date()): Phase | undefined {
  const t = now.getTime();
  return campaign.phases.find((p) => time(p.start) <= t && t < time(p.end));
}

/** Whether a phase has not begun, is open, has ended, or is not part of the campaign at all. */
export function phaseState(campaign: Pick<Campaign, 'phases'>, id: PhaseId, now: Date = new Date()): PhaseState {
  const phase = campaign.phases.find((p) => p.id === id);
  if (!phase) return 'absent';
  const t = now.getTime();
  if (t < time(phase.start)) return 'upcoming';
  return t < time(phase.end) ? 'open' : 'closed';
}

export const findPhase = (campaign: Pick<Campaign, 'phases'>, id: PhaseId): Phase | undefined =>
  campaign.phases.find((p) => p.id === id);

/** Whether votes may be shown: always, or once voting has closed. */
export function votesVisible(campaign: Pick<Campaign, 'phases' | 'voteVisibility'>, now: Date = new Date()): boolean {
  if (campaign.voteVisibility === 'always') return true;
  const voting = phaseState(campaign, 'voting', now);
  return voting === 'closed' || voting === 'absent';
}

/** Whether the results can be shown: the results phase has begun (or there is none and voting is over). */
export function resultsPublished(campaign: Pick<Campaign, 'phases'>, now: Date = new Date()): boolean {
  const results = phaseState(campaign, 'results', now);
  if (results !== 'absent') return results !== 'upcoming';
  const voting = phaseState(campaign, 'voting', now);
  return voting === 'closed';
}

/** Rules freeze once voting opens (CONSUL's users lost votes when rules changed mid-vote). */
export function rulesLocked(campaign: Pick<Campaign, 'phases'>, now: Date = new Date()): boolean {
  const voting = phaseState(campaign, 'voting', now);
  return voting === 'open' || voting === 'closed';
}

/**
 * The rules a ballot is checked with: the campaign's rules with the budget filled in from the
 * district (when it has its own) or the campaign.
 */
export function effectiveRules(
  campaign: Pick<Campaign, 'votingRules' | 'budget' | 'districts'>,
  districtId?: string,
): VotingRules {
  const rules = campaign.votingRules;
  if (rules.method !== 'knapsack') return rules;
  const district = districtId === undefined ? undefined : campaign.districts.find((d) => d.id === districtId);
  if (rules.districtMode === 'one' && district?.budget !== undefined) return { ...rules, budget: district.budget };
  return rules.budget === undefined ? { ...rules, budget: campaign.budget } : rules;
}

/**
 * Moves a campaign to a phase by rewriting dates around `now`: the phase starts now (keeping its
 * length), earlier phases end by now, later ones follow on.
 */
export function movePhases(phases: readonly Phase[], to: PhaseId, now: Date = new Date()): Phase[] {
  const index = phases.findIndex((p) => p.id === to);
  if (index < 0) throw new RangeError(`The campaign has no ${to} phase`);
  const day = 86_400_000;
  const length = (p: Phase) => Math.max(time(p.end) - time(p.start), day);
  const out: Phase[] = phases.map((p) => ({ ...p }));
  let cursor = now.getTime();
  for (let i = index; i < out.length; i++) {
    const len = length(phases[i]!);
    out[i] = { ...out[i]!, start: new Date(cursor).toISOString(), end: new Date(cursor + len).toISOString() };
    cursor += len;
  }
  cursor = now.getTime();
  for (let i = index - 1; i >= 0; i--) {
    const len = length(phases[i]!);
    out[i] = { ...out[i]!, start: new Date(cursor - len).toISOString(), end: new Date(cursor).toISOString() };
    cursor -= len;
  }
  return out;
}

/** Throws `phase-closed` (with the phase, its state and dates) unless the phase is open at `now`. */
export function requirePhase(campaign: Pick<Campaign, 'phases'>, phase: PhaseId, now: Date = new Date()): void {
  const state = phaseState(campaign, phase, now);
  if (state === 'open') return;
  const when = findPhase(campaign, phase);
  const details = when ? { phase, state, start: when.start, end: when.end } : { phase, state };
  const message =
    state === 'upcoming' ? `The ${phase} phase has not begun` : state === 'closed' ? `The ${phase} phase is over` : `This campaign has no ${phase} phase`;
  throw new VecheError('phase-closed', message, { details });
}

/** Throws `phase-closed` with the publication date in `details.start` unless results are published. */
export function requireResultsPublished(campaign: Pick<Campaign, 'phases'>, now: Date = new Date()): void {
  if (resultsPublished(campaign, now)) return;
  const phase = findPhase(campaign, 'results') ?? findPhase(campaign, 'voting');
  const start = phase?.id === 'results' ? phase.start : phase?.end;
  throw new VecheError('phase-closed', 'The results are not published yet', { details: { phase: 'results', ...(start ? { start } : {}) } });
}
