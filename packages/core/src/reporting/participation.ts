import type { Campaign } from '../schemas/campaign.ts';
import type {
  ChannelCounts,
  EnteredCounts,
  ParticipationEntry,
  ParticipationReport,
  ParticipationYear,
} from '../schemas/reporting.ts';
import { channelTotal, participationShares } from './shares.ts';
import { PARTICIPATION_ACTIONS, type ParticipationAction } from './values.ts';

export { channelTotal, participationShares };

/*
 * The participation report, computed the same way by the MemoryAdapter and the reference server. No zod
 * here: the element imports the share computation.
 */

/** The year a campaign reports under: the year its voting begins (else its first phase), in UTC. */
export function campaignYear(campaign: Pick<Campaign, 'phases'>): number {
  const phase = campaign.phases.find((p) => p.id === 'voting') ?? campaign.phases[0];
  return phase ? new Date(phase.start).getUTCFullYear() : new Date().getUTCFullYear();
}

/** What the backend counted in its own records: distinct residents per action and channel, and in anything. */
export interface RecordedParticipation {
  actions: Record<ParticipationAction, ChannelCounts>;
  participants: ChannelCounts;
}

export const noParticipation = (): RecordedParticipation => ({
  actions: Object.fromEntries(PARTICIPATION_ACTIONS.map((a) => [a, { online: 0, offline: 0 }])) as RecordedParticipation['actions'],
  participants: { online: 0, offline: 0 },
});

/** Residents in anything, as entered: the total when given, else the largest of the actions (a lower bound). */
const enteredAny = (counts: EnteredCounts): number =>
  counts.total ?? Math.max(0, ...PARTICIPATION_ACTIONS.map((a) => counts[a] ?? 0));

const emptyEntry: ParticipationEntry = { offline: {}, online: {} };

/**
 * A campaign's own year: what its records show, plus what the administration entered (offline counts of
 * residents not in the records; online counts from other digital tools, e.g. a Госуслуги poll).
 */
export function liveYear(
  campaign: Pick<Campaign, 'id' | 'phases' | 'municipality' | 'population' | 'population16'>,
  recorded: RecordedParticipation,
  entry: ParticipationEntry = emptyEntry,
  updatedAt?: string,
): ParticipationYear {
  const actions: ParticipationYear['actions'] = {};
  for (const a of PARTICIPATION_ACTIONS) {
    const r = recorded.actions[a];
    actions[a] = { online: r.online + (entry.online[a] ?? 0), offline: r.offline + (entry.offline[a] ?? 0) };
  }
  const population = entry.population ?? campaign.population;
  const population16 = entry.population16 ?? campaign.population16;
  const participants = {
    online: recorded.participants.online + enteredAny(entry.online),
    offline: recorded.participants.offline + enteredAny(entry.offline),
  };
  return withShares({
    year: campaignYear(campaign),
    campaignId: campaign.id,
    municipality: entry.municipality ?? campaign.municipality,
    ...(population !== undefined ? { population } : {}),
    ...(population16 !== undefined ? { population16 } : {}),
    participants,
    actions,
    shares: {},
    source: 'live',
    ...(updatedAt ? { updatedAt } : {}),
  });
}

/** A year the administration entered (the history before the campaign, or another programme's figures). */
export function enteredYear(year: number, entry: ParticipationEntry, municipality: string, updatedAt?: string): ParticipationYear {
  const actions: ParticipationYear['actions'] = {};
  for (const a of PARTICIPATION_ACTIONS) {
    if (entry.online[a] !== undefined || entry.offline[a] !== undefined) actions[a] = { online: entry.online[a] ?? 0, offline: entry.offline[a] ?? 0 };
  }
  return withShares({
    year,
    municipality: entry.municipality ?? municipality,
    ...(entry.population !== undefined ? { population: entry.population } : {}),
    ...(entry.population16 !== undefined ? { population16: entry.population16 } : {}),
    participants: { online: enteredAny(entry.online), offline: enteredAny(entry.offline) },
    actions,
    shares: {},
    source: 'entered',
    ...(updatedAt ? { updatedAt } : {}),
  });
}

const withShares = (year: ParticipationYear): ParticipationYear => ({ ...year, shares: participationShares(year) });

/**
 * The report of a campaign: its live year and the entered years of its own, with the live years of the
 * municipality's other campaigns, oldest first (a campaign's own year replaces an entered row of that year).
 */
export function participationReport(
  campaign: Pick<Campaign, 'id' | 'phases' | 'municipality'>,
  live: ParticipationYear,
  entered: readonly ParticipationYear[],
  others: readonly ParticipationYear[] = [],
): ParticipationReport {
  const year = campaignYear(campaign);
  const years = [...entered.filter((y) => y.year !== year), live, ...others].sort(
    (a, b) => a.year - b.year || (a.campaignId === campaign.id ? -1 : b.campaignId === campaign.id ? 1 : 0),
  );
  return { campaignId: campaign.id, municipality: campaign.municipality, year, years };
}
