import { ParticipationEntry, ParticipationReport, UpdateInput, UpdateItem, UpdatePage, VecheError, type Campaign } from '@veche/core';
import { type Ctx, cached, loadCampaign } from '../service/context.ts';
import * as participation from '../service/participation.ts';
import * as updates from '../service/updates.ts';
import { atomFeed } from './atom.ts';
import type { QueryParam, Req, RouteDef } from './route.ts';

const UPDATE_QUERY: QueryParam[] = [
  { name: 'cursor', description: 'The nextCursor of the previous page', schema: { type: 'string' } },
  { name: 'limit', description: 'Items a page (10)', schema: { type: 'integer', minimum: 1, maximum: 50 } },
];

/** Items an Atom feed carries: the newest 50. */
const FEED_ITEMS = 50;

/** The permanent id of a campaign's news: `tag:<server host>,<first day of the campaign>:veche/<campaign>`. */
const campaignTag = (r: Req, campaign: Campaign) =>
  `tag:${r.raw.hostname.replace(/:\d+$/, '').replace(/^\[|\]$/g, '') || 'localhost'},${(campaign.phases[0]?.start ?? '2026-01-01').slice(0, 10)}:veche/${encodeURIComponent(campaign.id)}`;

function sendFeed(r: Req, campaign: Campaign, items: UpdateItem[], project?: { id: string; title: string }): string {
  const base = campaignTag(r, campaign);
  const xml = atomFeed(
    {
      id: project ? `${base}/projects/${encodeURIComponent(project.id)}` : base,
      entryBase: base,
      title: project ? `${project.title}: новости` : `${campaign.title}: новости`,
      subtitle: campaign.municipality,
      self: `${r.origin}${r.raw.url}`,
      alternate: campaign.url,
      author: campaign.municipality,
      fallbackUpdated: new Date(campaign.phases[0]?.start ?? 0).toISOString(),
    },
    items,
    r.origin,
  );
  r.reply.header('content-type', 'application/atom+xml; charset=utf-8').header('cache-control', 'public, max-age=300');
  return xml;
}

const yearOf = (r: Req): number => {
  const text = r.params['year']!;
  if (!/^\d{4}$/.test(text)) throw new VecheError('invalid-input', 'Invalid year: must be four digits, e.g. 2026');
  return Number(text);
};

/**
 * News (JSON pages and Atom feeds) and the participation report (JSON, CSV, a print view), and the admin
 * routes that publish news and enter offline participation.
 */
export function reportingRoutes(ctx: Ctx, admin: boolean): RouteDef[] {
  const shared = async (r: Req, key: string, make: () => Promise<unknown>) => {
    const text = await cached(ctx, key, async () => JSON.stringify(await make()));
    r.reply.type('application/json; charset=utf-8');
    return text;
  };
  const routes: RouteDef[] = [
    {
      method: 'GET', url: '/api/campaigns/:campaignId/updates', tag: 'campaigns', summary: 'News of the campaign and its projects, newest first, a page at a time',
      query: [{ name: 'project', description: 'Only the news of this project', schema: { type: 'string' } }, ...UPDATE_QUERY],
      response: UpdatePage, errors: ['not-found'],
      handler: (r) => shared(r, `updates:${r.params['campaignId']!}:${r.raw.url.split('?')[1] ?? ''}`, () => updates.listUpdates(ctx, r.params['campaignId']!, updates.updateQuery(r.query))),
    },
    {
      method: 'GET', url: '/api/projects/:projectId/updates', tag: 'campaigns', summary: 'News of one project, newest first, a page at a time',
      query: UPDATE_QUERY, response: UpdatePage, errors: ['not-found'],
      handler: async (r) => {
        const { campaignId: _c, ...page } = await updates.listProjectUpdates(ctx, r.params['projectId']!, updates.updateQuery(r.query));
        return page;
      },
    },
    {
      method: 'GET', url: '/api/campaigns/:campaignId/updates.atom', tag: 'campaigns', response: 'text', errors: ['not-found'],
      summary: 'The news as an Atom 1.0 feed (application/atom+xml), the newest 50 items, for the city site and cross-posting',
      handler: async (r) => {
        const campaign = await loadCampaign(ctx, r.params['campaignId']!);
        return sendFeed(r, campaign, (await updates.listUpdates(ctx, campaign.id, { limit: FEED_ITEMS })).items);
      },
    },
    {
      method: 'GET', url: '/api/projects/:projectId/updates.atom', tag: 'campaigns', response: 'text', errors: ['not-found'],
      summary: 'The news of one project as an Atom 1.0 feed (application/atom+xml)',
      handler: async (r) => {
        const page = await updates.listProjectUpdates(ctx, r.params['projectId']!, { limit: FEED_ITEMS });
        const campaign = await loadCampaign(ctx, page.campaignId);
        const row = await ctx.db.selectFrom('projects').select('title').where('id', '=', r.params['projectId']!).executeTakeFirstOrThrow();
        return sendFeed(r, campaign, page.items, { id: r.params['projectId']!, title: row.title });
      },
    },
    {
      method: 'GET', url: '/api/campaigns/:campaignId/participation', tag: 'results', response: ParticipationReport, errors: ['not-found'],
      summary: 'Participation: residents, residents 16+, participants by action and channel, shares; the municipality year over year. Counts only',
      handler: (r) => participation.getParticipation(ctx, r.params['campaignId']!),
    },
    {
      method: 'GET', url: '/api/campaigns/:campaignId/participation.csv', tag: 'results', response: 'text', errors: ['not-found'],
      summary: 'The participation report as CSV for Excel (UTF-8 with BOM, semicolons, one row a year)',
      handler: async (r) => {
        const csv = await participation.participationCsvFile(ctx, r.params['campaignId']!);
        r.reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${r.params['campaignId']!.replace(/[^\w.-]/g, '_')}-participation.csv"`);
        return csv;
      },
    },
    {
      method: 'GET', url: '/api/campaigns/:campaignId/participation.html', tag: 'results', response: 'text', errors: ['not-found'],
      summary: 'The participation report as a page to print (text/html, no scripts)',
      handler: async (r) => {
        const page = await participation.participationPrintView(ctx, r.params['campaignId']!);
        r.reply
          .header('content-type', 'text/html; charset=utf-8')
          .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
        return page;
      },
    },
  ];
  if (!admin) return routes;
  const base = { tag: 'admin' as const, auth: 'admin' as const };
  routes.push(
    {
      ...base, method: 'POST', url: '/api/admin/campaigns/:campaignId/updates', summary: 'Publish a news item of the campaign or of one of its projects',
      body: UpdateInput, response: UpdateItem, status: 201, errors: ['not-found'],
      handler: (r) => updates.createUpdate(ctx, r.params['campaignId']!, r.body),
    },
    {
      ...base, method: 'DELETE', url: '/api/admin/campaigns/:campaignId/updates/:updateId', summary: 'Take a news item down',
      response: 'none', status: 204, errors: ['not-found'],
      handler: (r) => updates.deleteUpdate(ctx, r.params['campaignId']!, r.params['updateId']!),
    },
    {
      ...base, method: 'PUT', url: '/api/admin/campaigns/:campaignId/participation/:year', body: ParticipationEntry, response: ParticipationReport, errors: ['not-found'],
      summary: "Enter a year's participation: offline counts (meetings, paper) for the campaign's year; both channels for earlier years",
      handler: (r) => participation.putParticipation(ctx, r.params['campaignId']!, yearOf(r), r.body),
    },
    {
      ...base, method: 'DELETE', url: '/api/admin/campaigns/:campaignId/participation/:year', summary: "Remove what was entered for a year",
      response: 'none', status: 204, errors: ['not-found'],
      handler: (r) => participation.deleteParticipation(ctx, r.params['campaignId']!, yearOf(r)),
    },
  );
  return routes;
}
