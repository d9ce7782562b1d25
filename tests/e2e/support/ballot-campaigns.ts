import type { VotingRules } from '@veche/core';
import { demoFixture } from '@veche/core/memory';
import { issueCodes, putCampaign, putProject } from '../../../packages/server/src/index.ts';
import type { E2EServer } from './server.ts';

/** The district budgets of the ballot's e2e campaigns (as in the element's tests). */
export const DISTRICT_BUDGETS: Record<string, number> = { center: 3_500_000, north: 3_000_000, riverside: 2_500_000 };

export interface BallotCampaign {
  rules: VotingRules;
  allowRevote?: boolean;
  districtBudgets?: Record<string, number>;
}

/**
 * A campaign on the reference server like the demo (voting open today, the demo's six shortlisted
 * projects as `<id>-demo-1`…`<id>-demo-6`), with its own voting rules, made through the admin service
 * functions; returns fresh voting codes for it.
 */
export async function addBallotCampaign(server: E2EServer, id: string, setup: BallotCampaign, codes = 2): Promise<string[]> {
  const fixture = demoFixture(new Date());
  const budgets = setup.districtBudgets ?? (setup.rules.districtMode ? DISTRICT_BUDGETS : {});
  await putCampaign(server.server.ctx, {
    ...fixture.campaign,
    id,
    title: `${fixture.campaign.title} (${id})`,
    votingRules: setup.rules,
    allowRevote: setup.allowRevote ?? true,
    districts: fixture.campaign.districts!.map((d) => (budgets[d.id] === undefined ? d : { ...d, budget: budgets[d.id] })),
  });
  for (const p of fixture.projects.filter((p) => p.status === 'shortlisted')) {
    await putProject(server.server.ctx, { ...p, id: `${id}-${p.id}`, campaignId: id });
  }
  return issueCodes(server.server.ctx, id, codes);
}

/** Ballots of a campaign as the database holds them. */
export function storedBallots(server: E2EServer, campaignId: string): Promise<{ status: string; selection: string; receipt: string | null }[]> {
  return server.server.ctx.db
    .selectFrom('ballots')
    .select(['status', 'selection', 'receipt'])
    .where('campaign_id', '=', campaignId)
    .execute();
}
