import { Campaign, ParticipationEntry, Project, VecheError, parseWith } from '@veche/core';
import * as z from 'zod/mini';
import * as admin from '../service/admin.ts';
import { type Ctx, loadCampaign } from '../service/context.ts';
import { getParticipationEntry } from '../service/participation.ts';
import * as results from '../service/results.ts';
import type { RouteDef } from './route.ts';

const PhaseBody = z.object({ phase: z.enum(['ideas', 'support', 'review', 'voting', 'results', 'implementation']) });
const CodesBody = z.object({ count: z.int().check(z.gte(1), z.lte(100_000)), districtId: z.optional(z.string()) });
const CampaignBody = z.object({ campaign: Campaign, embedOrigins: z.optional(admin.Origins) });

const sameId = (path: string, body: string) => {
  if (path !== body) throw new VecheError('invalid-input', `Invalid body: its id ${body} differs from the address (${path})`);
};

/** The admin API (bearer ADMIN_TOKEN): campaigns, projects, moderation, milestones, codes, import, export. */
export function adminRoutes(ctx: Ctx): RouteDef[] {
  const base = { tag: 'admin' as const, auth: 'admin' as const };
  return [
    {
      ...base, method: 'GET', url: '/api/admin/campaigns', summary: 'Every campaign with its embed origins and counts',
      handler: () => admin.listCampaigns(ctx),
    },
    {
      ...base, method: 'PUT', url: '/api/admin/campaigns/:campaignId', summary: 'Create or replace a campaign (rules freeze once voting opens: 409)',
      body: CampaignBody, response: Campaign, errors: ['conflict'],
      handler: (r) => {
        const raw = r.body as { campaign?: unknown; embedOrigins?: unknown } | null;
        const doc = parseWith(admin.CampaignDocument, raw, 'campaign document');
        const campaign = parseWith(Campaign, doc.campaign, 'campaign');
        sameId(r.params['campaignId']!, campaign.id);
        return admin.putCampaign(ctx, campaign, doc.embedOrigins);
      },
    },
    {
      ...base, method: 'POST', url: '/api/admin/campaigns/:campaignId/phase', summary: 'Move the campaign to a phase (dates rewritten around now)',
      body: PhaseBody, response: Campaign, errors: ['not-found'],
      handler: (r) => admin.movePhase(ctx, r.params['campaignId']!, parseWith(PhaseBody, r.body, 'phase').phase),
    },
    {
      ...base, method: 'GET', url: '/api/admin/campaigns/:campaignId/ideas', summary: 'The moderation queue with authors and consent records',
      query: [{ name: 'status', description: 'Projects in this status (submitted)', schema: { type: 'string' } }], errors: ['not-found'],
      handler: (r) => admin.listIdeas(ctx, r.params['campaignId']!, typeof r.query['status'] === 'string' ? r.query['status'] : 'submitted'),
    },
    {
      ...base, method: 'POST', url: '/api/admin/campaigns/:campaignId/codes', summary: 'Issue fresh voting codes (shown once, stored hashed)',
      body: CodesBody, response: z.object({ codes: z.array(z.string()) }), errors: ['not-found'],
      handler: async (r) => {
        const body = parseWith(CodesBody, r.body, 'codes request');
        return { codes: await admin.issueCodes(ctx, r.params['campaignId']!, body.count, body.districtId) };
      },
    },
    {
      ...base, method: 'GET', url: '/api/admin/campaigns/:campaignId/export', summary: 'Results and ballots at any time, as Pabulib or CSV',
      query: [{ name: 'format', description: 'pb (default) or csv', schema: { type: 'string', enum: ['pb', 'csv'] } }], response: 'text', errors: ['not-found'],
      handler: async (r) => {
        const format = r.query['format'] ?? 'pb';
        if (format !== 'pb' && format !== 'csv') throw new VecheError('invalid-input', 'Invalid format: must be pb or csv');
        r.reply.header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'text/plain; charset=utf-8');
        return format === 'csv' ? results.exportCsv(ctx, r.params['campaignId']!) : results.exportPabulib(ctx, r.params['campaignId']!, true);
      },
    },
    {
      ...base, method: 'GET', url: '/api/admin/campaigns/:campaignId/participation/:year',
      summary: "What was entered for a year (offline counts, earlier years' figures), so a form can change it without losing the rest",
      response: ParticipationEntry, errors: ['not-found'],
      handler: async (r) => {
        const year = r.params['year']!;
        if (!/^\d{4}$/.test(year)) throw new VecheError('invalid-input', 'Invalid year: must be four digits, e.g. 2026');
        await loadCampaign(ctx, r.params['campaignId']!);
        return getParticipationEntry(ctx, r.params['campaignId']!, Number(year));
      },
    },
    {
      ...base, method: 'POST', url: '/api/admin/campaigns/:campaignId/import-pabulib', summary: 'Create the campaign from a Pabulib file (text/plain body)',
      body: 'pabulib', bodyLimit: 64 * 1024 * 1024, errors: ['conflict'],
      query: [
        { name: 'phase', description: 'ideas, support, voting or results (default)', schema: { type: 'string' } },
        { name: 'votes', description: '"false" to leave the ballots out', schema: { type: 'string' } },
        { name: 'prefix', description: 'Put before every project id', schema: { type: 'string' } },
      ],
      handler: (r) => {
        if (typeof r.body !== 'string') throw new VecheError('invalid-input', 'Send the .pb file as text/plain');
        const phase = r.query['phase'];
        if (phase !== undefined && !['ideas', 'support', 'voting', 'results'].includes(String(phase))) {
          throw new VecheError('invalid-input', 'Invalid phase: must be ideas, support, voting or results');
        }
        return admin.importPabulib(ctx, r.body, {
          campaignId: r.params['campaignId']!,
          ...(phase !== undefined ? { phase: phase as 'results' } : {}),
          votes: r.query['votes'] !== 'false',
          ...(typeof r.query['prefix'] === 'string' ? { prefix: r.query['prefix'] } : {}),
        });
      },
    },
    {
      ...base, method: 'PUT', url: '/api/admin/projects/:projectId', summary: 'Create or replace a project', body: Project, response: Project, errors: ['not-found', 'conflict'],
      handler: (r) => {
        const project = parseWith(Project, r.body, 'project');
        sameId(r.params['projectId']!, project.id);
        return admin.putProject(ctx, project);
      },
    },
    {
      ...base, method: 'POST', url: '/api/admin/projects/:projectId/moderation', summary: 'Set a project status (publish, reject with a note, shortlist …); with `from`, 409 when another moderator got there first',
      body: admin.Moderation, response: Project, errors: ['not-found', 'conflict'],
      handler: (r) => admin.moderate(ctx, r.params['projectId']!, r.body),
    },
    {
      ...base, method: 'PUT', url: '/api/admin/projects/:projectId/milestones', summary: 'Replace the milestones (and progress) of a project',
      body: admin.MilestoneUpdate, response: Project, errors: ['not-found', 'conflict'],
      handler: (r) => admin.setMilestones(ctx, r.params['projectId']!, r.body),
    },
    {
      ...base, method: 'PUT', url: '/api/admin/host-keys', summary: 'Register a host site that signs tokens for its residents', body: admin.HostKey,
      handler: (r) => admin.putHostKey(ctx, r.body),
    },
  ];
}
