import { roundShare } from '../i18n/format.ts';
import type { ChannelCounts, ParticipationShares, ParticipationYear } from '../schemas/reporting.ts';

/** Residents who took part in a way, both channels together. */
export const channelTotal = (counts: ChannelCounts): number => counts.online + counts.offline;

/**
 * The shares a municipality is rated on, rounded half up to 0.01 % from the counts: participants among
 * residents 16+, digital participants among participants and among residents 16+.
 */
export function participationShares(year: Pick<ParticipationYear, 'population16' | 'participants'>): ParticipationShares {
  const total = channelTotal(year.participants);
  const online = year.participants.online;
  const out: ParticipationShares = {};
  if (year.population16) {
    out.participants16 = roundShare(total, year.population16);
    out.digital16 = roundShare(online, year.population16);
  }
  if (total > 0) out.digitalOfParticipants = roundShare(online, total);
  return out;
}

