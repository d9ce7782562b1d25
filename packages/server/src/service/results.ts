import {
  campaignResults,
  campaignToPabulib,
  requireResultsPublished,
  resultsPublished,
  toPabulib,
  type Campaign,
  type Project,
  type Results,
} from '@veche/core';
import { type Ctx, cached, loadCampaign } from './context.ts';
import { type CastBallot, submittedBallots } from './tally.ts';

interface Counted {
  results: Results;
  ballots: CastBallot[];
  projects: Project[];
}

/** Results over the campaign's ballot projects (`shortlisted`) and every submitted ballot. */
export function countResults(ctx: Ctx, campaign: Campaign): Promise<Counted> {
  return cached(ctx, `results:${campaign.id}`, async () => {
    const rows = await ctx.db
      .selectFrom('projects')
      .select('data')
      .where('campaign_id', '=', campaign.id)
      .where('status', '=', 'shortlisted')
      .orderBy('id')
      .execute();
    const projects = rows.map((r) => JSON.parse(r.data) as Project);
    const ballots = await submittedBallots(ctx, campaign.id);
    const results = campaignResults(campaign, projects, ballots, resultsPublished(campaign, ctx.now()) ? 'final' : 'preliminary');
    return { results, ballots, projects };
  });
}

function requirePublished(ctx: Ctx, campaign: Campaign): void {
  requireResultsPublished(campaign, ctx.now());
}

export async function getResults(ctx: Ctx, campaignId: string): Promise<Results> {
  const campaign = await loadCampaign(ctx, campaignId);
  requirePublished(ctx, campaign);
  return (await countResults(ctx, campaign)).results;
}

/** The anonymous ballots and the winners as a Pabulib file; `force` skips the publication check (admin). */
export async function exportPabulib(ctx: Ctx, campaignId: string, force = false): Promise<string> {
  const campaign = await loadCampaign(ctx, campaignId);
  if (!force) requirePublished(ctx, campaign);
  const { results, ballots, projects } = await countResults(ctx, campaign);
  const selected = new Set(results.projects.filter((p) => p.selected).map((p) => p.id));
  return toPabulib(campaignToPabulib({ campaign, projects, ballots, selected }));
}

const csvCell = (value: unknown): string => {
  const text = String(value ?? '');
  // A leading = + - @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** Results as CSV, one row a project in ranking order, then the anonymous ballots, one row a choice. */
export async function exportCsv(ctx: Ctx, campaignId: string): Promise<string> {
  const campaign = await loadCampaign(ctx, campaignId);
  const { results, ballots, projects } = await countResults(ctx, campaign);
  const byId = new Map(projects.map((p) => [p.id, p]));
  const lines = ['section,project_id,title,cost,votes,points,selected,voter'];
  for (const r of results.projects) {
    const p = byId.get(r.id);
    lines.push(['result', r.id, p?.title, p?.cost, r.votes, r.points, r.selected ? 1 : 0, ''].map(csvCell).join(','));
  }
  ballots.forEach((b, i) => {
    for (const s of b.selection) lines.push(['ballot', s.projectId, '', '', '', s.points ?? 1, '', i + 1].map(csvCell).join(','));
  });
  return `${lines.join('\n')}\n`;
}
