// What the administration console needs beyond the admin API of the CLI era: a campaign with its
// state, new campaigns that never overwrite, moderation decisions told to the author, bulk decisions,
// merging duplicates, a project's history, results before publication, voting-code counts, photos.
import {
  Campaign,
  IMAGE_TYPES,
  PROJECT_STATUSES,
  type Project,
  type ProjectStatus,
  type Results,
  VecheError,
  currentPhase,
  maskContact,
  parseWith,
  rulesLocked,
  sniffImage,
} from '@veche/core';
import { sql } from 'kysely';
import * as z from 'zod/mini';
import type { Actor } from '../staff/roles.ts';
import { Origins, moderate, movePhase, putCampaign } from './admin.ts';
import { type AuditEntry, listAudit, recordAudit } from './audit.ts';
import { type Ctx, forgetCampaign, iso, loadCampaign, randomId } from './context.ts';
import { countResults } from './results.ts';

export interface CampaignDetail {
  campaign: Campaign;
  embedOrigins: string[];
  /** Whether the voting rules, budget and district budgets are frozen (voting has opened). */
  locked: boolean;
  phase: string | null;
  counts: { projects: Record<string, number>; ballots: number; codes: number; codesUsed: number };
}

export async function campaignDetail(ctx: Ctx, campaignId: string): Promise<CampaignDetail> {
  const row = await ctx.db.selectFrom('campaigns').select(['data', 'origins']).where('id', '=', campaignId).executeTakeFirst();
  if (!row) throw new VecheError('not-found', `There is no campaign ${campaignId}`);
  const campaign = JSON.parse(row.data) as Campaign;
  const statuses = await ctx.db
    .selectFrom('projects')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('campaign_id', '=', campaignId)
    .groupBy('status')
    .execute();
  const ballots = await ctx.db
    .selectFrom('ballots')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('campaign_id', '=', campaignId)
    .where('status', '=', 'submitted')
    .executeTakeFirstOrThrow();
  const codes = await codeStats(ctx, campaignId);
  const voted = await ctx.db.selectFrom('ballots').select('resident_id').where('campaign_id', '=', campaignId).where('status', '=', 'submitted').limit(1).execute();
  return {
    campaign,
    embedOrigins: JSON.parse(row.origins) as string[],
    locked: rulesLocked(campaign, ctx.now()) || voted.length > 0,
    phase: currentPhase(campaign, ctx.now())?.id ?? null,
    counts: { projects: Object.fromEntries(statuses.map((s) => [s.status, Number(s.n)])), ballots: Number(ballots.n), codes: codes.issued, codesUsed: codes.used },
  };
}

export const NewCampaign = z.object({ campaign: z.unknown(), embedOrigins: z.optional(Origins) });

/** Creates a campaign; 409 when the id is taken (the console never overwrites by accident). */
export async function createCampaign(ctx: Ctx, input: unknown, actor: Actor): Promise<Campaign> {
  const doc = parseWith(NewCampaign, input, 'campaign document');
  const campaign = parseWith(Campaign, doc.campaign, 'campaign');
  if (await ctx.db.selectFrom('campaigns').select('id').where('id', '=', campaign.id).executeTakeFirst()) {
    throw new VecheError('conflict', `There is already a campaign ${campaign.id}; choose another id`);
  }
  const saved = await putCampaign(ctx, campaign, doc.embedOrigins ?? []);
  await recordAudit(ctx, actor, { action: 'campaign.create', targetType: 'campaign', targetId: saved.id, campaignId: saved.id, after: { campaign: saved, embedOrigins: doc.embedOrigins ?? [] } });
  return saved;
}

export interface AdminProject {
  project: Project;
  supports: number;
  author: { name?: string; email?: string; phone?: string } | null;
  submittedAt: string;
}

export const ProjectFilter = z.object({
  status: z.optional(z.string().check(z.maxLength(200))),
  district: z.optional(z.string().check(z.maxLength(64))),
  category: z.optional(z.string().check(z.maxLength(64))),
  q: z.optional(z.string().check(z.maxLength(200))),
});

/** Every project of a campaign in any status, with supporters and the author's contact, filtered. */
export async function listProjects(ctx: Ctx, campaignId: string, input: unknown): Promise<AdminProject[]> {
  const f = parseWith(ProjectFilter, input ?? {}, 'filter');
  await loadCampaign(ctx, campaignId);
  let query = ctx.db
    .selectFrom('projects')
    .leftJoin('ideas', 'ideas.project_id', 'projects.id')
    .select(['projects.id', 'projects.data', 'projects.created_at', 'projects.base_supports', 'ideas.author'])
    .where('projects.campaign_id', '=', campaignId);
  const statuses = (f.status ?? '').split(',').filter(Boolean);
  if (statuses.length > 0) query = query.where('projects.status', 'in', statuses);
  if (f.district) query = query.where('projects.district_id', '=', f.district);
  if (f.category) query = query.where('projects.categories', 'like', `%,${f.category.replace(/[%_,]/g, '')},%`);
  if (f.q) query = query.where('projects.search', 'like', `%${f.q.toLowerCase().replace(/ё/g, 'е').replace(/[%_]/g, '')}%`);
  const rows = await query.orderBy('projects.created_at').orderBy('projects.id').execute();
  const counts = new Map<string, number>();
  if (rows.length > 0) {
    const supported = await ctx.db
      .selectFrom('supports')
      .select(['project_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('campaign_id', '=', campaignId)
      .where('state', '=', 'supported')
      .groupBy('project_id')
      .execute();
    for (const s of supported) counts.set(s.project_id, Number(s.n));
  }
  return rows.map((r) => ({
    project: JSON.parse(r.data) as Project,
    supports: (r.base_supports ?? 0) + (counts.get(r.id) ?? 0),
    author: r.author === null ? null : (JSON.parse(r.author) as AdminProject['author']),
    submittedAt: r.created_at,
  }));
}

export const Decision = z.object({
  status: z.enum(PROJECT_STATUSES),
  /** The reason, shown with the project and sent to the author. */
  reason: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
  /** Tell the author (by the contact they left) what was decided and why. */
  notify: z.optional(z.boolean()),
  /** The status the moderator saw: 409 when someone else changed it since. */
  from: z.optional(z.enum(PROJECT_STATUSES)),
});

const NOTICE: Partial<Record<ProjectStatus, (title: string) => string>> = {
  published: (t) => `Ваша идея «${t}» прошла модерацию и опубликована.`,
  rejected: (t) => `Ваша идея «${t}» не прошла модерацию.`,
  shortlisted: (t) => `Ваша идея «${t}» включена в список проектов для голосования.`,
};

/** Sends the author the decision and its reason, when they left a contact; says to whom (masked). */
async function tellAuthor(ctx: Ctx, project: Project, reason: string | undefined): Promise<string | null> {
  const row = await ctx.db.selectFrom('ideas').select('author').where('project_id', '=', project.id).executeTakeFirst();
  const author = row ? (JSON.parse(row.author) as { email?: string; phone?: string }) : {};
  const contact = author.email ?? author.phone;
  if (!contact) return null;
  const head = (NOTICE[project.status] ?? ((t: string) => `Статус вашей идеи «${t}» изменён.`))(project.title);
  const text = reason ? `${head}\nПричина: ${reason}` : head;
  const subject = `Ваша идея «${project.title.slice(0, 80)}»`;
  if (ctx.sender.notify) await ctx.sender.notify({ contact, subject, text });
  else console.info(`[veche] notice for ${contact}: ${text.replace(/\n/g, ' ')}`);
  return maskContact(contact);
}

async function snapshotProject(ctx: Ctx, id: string): Promise<Project | null> {
  const row = await ctx.db.selectFrom('projects').select('data').where('id', '=', id).executeTakeFirst();
  return row ? (JSON.parse(row.data) as Project) : null;
}

/** Publishes, rejects … one idea with a reason, tells the author when asked, and records it. */
export async function decide(ctx: Ctx, projectId: string, input: unknown, actor: Actor): Promise<{ project: Project; notified: string | null }> {
  const d = parseWith(Decision, input, 'decision');
  const before = await snapshotProject(ctx, projectId);
  const project = await moderate(ctx, projectId, { status: d.status, statusNote: d.reason ?? '', ...(d.from ? { from: d.from } : {}) });
  const notified = d.notify ? await tellAuthor(ctx, project, d.reason || undefined) : null;
  await recordAudit(ctx, actor, {
    action: `idea.${d.status}`,
    targetType: 'project',
    targetId: projectId,
    campaignId: project.campaignId,
    before,
    after: project,
    details: { reason: d.reason ?? null, notified },
  });
  return { project, notified };
}

export const BulkDecision = z.object({
  ids: z.array(z.string().check(z.maxLength(64))).check(z.minLength(1), z.maxLength(500)),
  status: z.enum(PROJECT_STATUSES),
  reason: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
  notify: z.optional(z.boolean()),
  from: z.optional(z.enum(PROJECT_STATUSES)),
});

/** One decision for many ideas; each is its own compare-and-set and audit entry; failures are listed. */
export async function bulkDecide(ctx: Ctx, campaignId: string, input: unknown, actor: Actor): Promise<{ done: string[]; failed: { id: string; message: string }[] }> {
  const b = parseWith(BulkDecision, input, 'bulk decision');
  const done: string[] = [];
  const failed: { id: string; message: string }[] = [];
  for (const id of b.ids) {
    try {
      const row = await ctx.db.selectFrom('projects').select('campaign_id').where('id', '=', id).executeTakeFirst();
      if (!row || row.campaign_id !== campaignId) throw new VecheError('not-found', `There is no project ${id} in ${campaignId}`);
      await decide(ctx, id, { status: b.status, ...(b.reason !== undefined ? { reason: b.reason } : {}), ...(b.notify !== undefined ? { notify: b.notify } : {}), ...(b.from ? { from: b.from } : {}) }, actor);
      done.push(id);
    } catch (error) {
      failed.push({ id, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { done, failed };
}

export const MergeBody = z.object({ into: z.string().check(z.minLength(1), z.maxLength(64)), notify: z.optional(z.boolean()) });

/**
 * Merges a duplicate into another project of the same campaign: its supporters move over (each
 * resident once), the duplicate is rejected with a note naming the other.
 */
export async function mergeProjects(ctx: Ctx, projectId: string, input: unknown, actor: Actor): Promise<{ project: Project; into: Project }> {
  const { into, notify } = parseWith(MergeBody, input, 'merge');
  if (into === projectId) throw new VecheError('invalid-input', 'Invalid into: a project cannot be merged into itself');
  const source = await ctx.db.selectFrom('projects').select(['campaign_id', 'base_supports', 'data']).where('id', '=', projectId).executeTakeFirst();
  const target = await ctx.db.selectFrom('projects').select(['campaign_id', 'base_supports', 'data']).where('id', '=', into).executeTakeFirst();
  if (!source) throw new VecheError('not-found', `There is no project ${projectId}`);
  if (!target || target.campaign_id !== source.campaign_id) throw new VecheError('invalid-input', `Invalid into: ${into} is not a project of the same campaign`);
  const targetProject = JSON.parse(target.data) as Project;
  const now = iso(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('supports')
      .columns(['project_id', 'campaign_id', 'resident_id', 'state', 'updated_at'])
      .expression((eb) =>
        eb
          .selectFrom('supports')
          .select([sql.lit(into).as('project_id'), 'campaign_id', 'resident_id', 'state', sql.lit(now).as('updated_at')])
          .where('project_id', '=', projectId)
          .where('state', '=', 'supported'),
      )
      .onConflict((oc) => oc.columns(['project_id', 'resident_id']).doNothing())
      .execute();
    if (source.base_supports) {
      await trx.updateTable('projects').set({ base_supports: (target.base_supports ?? 0) + source.base_supports }).where('id', '=', into).execute();
      await trx.updateTable('projects').set({ base_supports: null }).where('id', '=', projectId).execute();
    }
  });
  forgetCampaign(ctx, source.campaign_id);
  const { project } = await decide(
    ctx,
    projectId,
    { status: 'rejected', reason: `Объединена с идеей «${targetProject.title}» (${into}).`, notify: notify ?? false },
    actor,
  );
  await recordAudit(ctx, actor, {
    action: 'idea.merge',
    targetType: 'project',
    targetId: projectId,
    campaignId: source.campaign_id,
    details: { into, supportsMoved: true },
  });
  return { project, into: targetProject };
}

/** Every audit entry about a project, newest first: its visible history of edits and decisions. */
export async function projectHistory(ctx: Ctx, projectId: string): Promise<AuditEntry[]> {
  return (await listAudit(ctx, { targetType: 'project', target: projectId, limit: 1000 })).items;
}

/** Results at any time (preliminary until published), with titles and costs for the table. */
export async function resultsPreview(ctx: Ctx, campaignId: string): Promise<{ results: Results; projects: { id: string; title: string; cost: number; districtId?: string }[] }> {
  const campaign = await loadCampaign(ctx, campaignId);
  const { results, projects } = await countResults(ctx, campaign);
  return { results, projects: projects.map((p) => ({ id: p.id, title: p.title, cost: p.cost, ...(p.districtId ? { districtId: p.districtId } : {}) })) };
}

/** Publishes the results: the campaign moves to its results phase now (voting closes if still open). */
export async function publishResults(ctx: Ctx, campaignId: string, actor: Actor): Promise<Campaign> {
  const before = await loadCampaign(ctx, campaignId);
  if (!before.phases.some((p) => p.id === 'results')) throw new VecheError('conflict', 'The campaign has no results phase; add one in the editor first');
  const after = await movePhase(ctx, campaignId, 'results');
  await recordAudit(ctx, actor, { action: 'results.publish', targetType: 'campaign', targetId: campaignId, campaignId, before: before.phases, after: after.phases });
  return after;
}

export interface CodeStats {
  issued: number;
  used: number;
  batches: { createdAt: string; districtId: string | null; issued: number; used: number }[];
}

/** Voting codes issued and used, by batch (one issue is one batch) and district. */
export async function codeStats(ctx: Ctx, campaignId: string): Promise<CodeStats> {
  const rows = await ctx.db
    .selectFrom('voting_codes')
    .select(['created_at', 'district_id', (eb) => eb.fn.countAll<number>().as('issued'), (eb) => eb.fn.count<number>('used_at').as('used')])
    .where('campaign_id', '=', campaignId)
    .groupBy(['created_at', 'district_id'])
    .orderBy('created_at', 'desc')
    .execute();
  const batches = rows.map((r) => ({ createdAt: r.created_at, districtId: r.district_id, issued: Number(r.issued), used: Number(r.used) }));
  return { issued: batches.reduce((s, b) => s + b.issued, 0), used: batches.reduce((s, b) => s + b.used, 0), batches };
}

/** Stores a photo staff upload for a milestone or a project (JPEG, PNG or WebP, at most 10 MB). */
export async function uploadStaffImage(ctx: Ctx, campaignId: string, bytes: Uint8Array, type: string | undefined, origin: string): Promise<{ url: string; width: number; height: number }> {
  await loadCampaign(ctx, campaignId);
  if (bytes.length > 10_000_000) throw new VecheError('invalid-input', 'The photo is larger than 10 MB', { status: 413 });
  const info = sniffImage(bytes);
  const stated = type === 'application/octet-stream' ? undefined : type;
  if (!info || (stated && stated !== info.type)) throw new VecheError('invalid-input', `A photo must be ${IMAGE_TYPES.join(', ')}`, { status: 415 });
  const ext = ({ 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as Record<string, string>)[info.type]!;
  const id = randomId('u').replace(/^u-/, 'u');
  await ctx.images.put(`${id}.${ext}`, bytes);
  await ctx.db.insertInto('uploads').values({ id, campaign_id: campaignId, type: info.type, width: info.width, height: info.height, bytes: bytes.length, created_at: iso(ctx) }).execute();
  return { url: `${origin}/api/uploads/${id}.${ext}`, width: info.width, height: info.height };
}
