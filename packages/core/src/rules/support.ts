import type { Campaign } from '../schemas/campaign.ts';

/** The supporters a project needs: a count, or a share of residents aged 16+ rounded up. */
export function supportThreshold(campaign: Pick<Campaign, 'supportThreshold' | 'population16'>): number | undefined {
  const t = campaign.supportThreshold;
  if (!t) return undefined;
  if (t.type === 'count') return t.value;
  if (campaign.population16 === undefined) return undefined;
  return Math.ceil(t.value * campaign.population16 - 1e-9);
}
