import {
  UpdateInput,
  UpdateItem,
  UpdateQuery,
  VecheError,
  completedMilestones,
  milestoneUpdate,
  parseWith,
  phaseUpdate,
  projectLink,
  readUpdateCursor,
  updateCursor,
  type Campaign,
  type Milestone,
  type PhaseId,
  type Project,
  type UpdatePage,
} from '@veche/core';
import type { Kysely } from 'kysely';
import type { Tables } from '../db/schema.ts';
import { type Ctx, cached, iso, loadCampaign, randomId } from './context.ts';

/*
 * News of campaigns and projects. The administration publishes items (admin API); the server makes one
 * by itself when a phase begins (moved by the admin, or reached by the clock: an item is written the
 * first time the news are read after the phase began) and when a milestone of a project is completed.
 */

const row = (item: UpdateItem, now: string) => ({
  id: item.id,
  campaign_id: item.campaignId,
  project_id: item.projectId ?? null,
  kind: item.kind,
  date: item.date,
  data: JSON.stringify(item),
  created_at: now,
});

/** Stores items; an item whose id is already there is kept as it was. */
async function insert(db: Kysely<Tables>, items: readonly UpdateItem[], now: string): Promise<void> {
  if (items.length === 0) return;
  await db
    .insertInto('updates')
    .values(items.map((item) => row(item, now)))
    .onConflict((oc) => oc.columns(['campaign_id', 'id']).doNothing())
    .execute();
}

/** Writes an item for every phase begun by now that has none yet (once per instance and cache period). */
async function phasesBegun(ctx: Ctx, campaign: Campaign): Promise<void> {
  const now = ctx.now().getTime();
  const begun = campaign.phases.filter((p) => Date.parse(p.start) <= now).map((p) => p.id);
  await cached(ctx, `phase-items:${campaign.id}:${begun.join(',')}`, async () => {
    if (begun.length === 0) return true;
    const rows = await ctx.db.selectFrom('updates').select('data').where('campaign_id', '=', campaign.id).where('kind', '=', 'phase').execute();
    const have = new Set(rows.map((r) => (JSON.parse(r.data) as UpdateItem).phase));
    const missing = campaign.phases.filter((p) => begun.includes(p.id) && !have.has(p.id));
    await insert(ctx.db, missing.map((p) => phaseUpdate(campaign, p.id, p.start)), iso(ctx));
    return true;
  });
}

/** The item of a phase the admin moved the campaign to (its new start is now). */
export async function recordPhase(ctx: Ctx, campaign: Campaign, phase: PhaseId): Promise<void> {
  const start = campaign.phases.find((p) => p.id === phase)?.start;
  if (start) await insert(ctx.db, [phaseUpdate(campaign, phase, start)], iso(ctx));
}

/** Items for the milestones a change of a project completed (none for a new project). */
export async function recordMilestones(ctx: Ctx, campaign: Campaign, before: readonly Milestone[] | undefined, after: Project): Promise<void> {
  const done = completedMilestones(before, after.milestones);
  const now = iso(ctx);
  await insert(ctx.db, done.map((m) => milestoneUpdate(campaign, after, m, now)), now);
}

/** The update query from a query string: numbers as numbers. */
export function updateQuery(query: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    out[key] = key === 'limit' && typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : value;
  }
  return out;
}

async function publicProject(ctx: Ctx, projectId: string): Promise<{ campaignId: string }> {
  const found = await ctx.db.selectFrom('projects').select(['campaign_id', 'status']).where('id', '=', projectId).executeTakeFirst();
  if (!found || found.status === 'submitted') throw new VecheError('not-found', `There is no project ${projectId}`);
  return { campaignId: found.campaign_id };
}

/** A page of a campaign's (or one project's) news, newest first; items dated in the future wait. */
export async function listUpdates(ctx: Ctx, campaignId: string, input: unknown): Promise<UpdatePage> {
  const campaign = await loadCampaign(ctx, campaignId);
  const q = parseWith(UpdateQuery, input, 'update query');
  if (q.project !== undefined && (await publicProject(ctx, q.project)).campaignId !== campaignId) {
    throw new VecheError('not-found', `There is no project ${q.project} in campaign ${campaignId}`);
  }
  await phasesBegun(ctx, campaign);
  const limit = q.limit ?? 10;
  let query = ctx.db
    .selectFrom('updates')
    .select('data')
    .where('campaign_id', '=', campaignId)
    .where('date', '<=', iso(ctx))
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1);
  if (q.project !== undefined) query = query.where('project_id', '=', q.project);
  if (q.cursor !== undefined) {
    const after = readUpdateCursor(q.cursor);
    query = query.where((eb) => eb.or([eb('date', '<', after.date), eb.and([eb('date', '=', after.date), eb('id', '<', after.id)])]));
  }
  const items = (await query.execute()).map((r) => JSON.parse(r.data) as UpdateItem);
  const page = items.slice(0, limit);
  return { items: page, nextCursor: items.length > limit ? updateCursor(page[page.length - 1]!) : null };
}

/** The news of one project (the project page's feed). */
export async function listProjectUpdates(ctx: Ctx, projectId: string, input: Record<string, unknown>): Promise<UpdatePage & { campaignId: string }> {
  const { campaignId } = await publicProject(ctx, projectId);
  return { ...(await listUpdates(ctx, campaignId, { ...input, project: projectId })), campaignId };
}

/** Publishes an item of the administration; it links to its project (or the campaign) unless given a link. */
export async function createUpdate(ctx: Ctx, campaignId: string, input: unknown): Promise<UpdateItem> {
  const campaign = await loadCampaign(ctx, campaignId);
  const body = parseWith(UpdateInput, input, 'update');
  if (body.projectId !== undefined) {
    const found = await ctx.db.selectFrom('projects').select(['campaign_id', 'status']).where('id', '=', body.projectId).executeTakeFirst();
    if (!found || found.status === 'submitted' || found.campaign_id !== campaignId) {
      throw new VecheError('invalid-input', `Invalid update: projectId ${body.projectId} is not a public project of this campaign`);
    }
  }
  const link = body.link ?? (body.projectId !== undefined ? projectLink(campaign.url, body.projectId) : campaign.url);
  const item: UpdateItem = {
    id: randomId('news'),
    campaignId,
    kind: 'news',
    title: body.title,
    date: body.date === undefined ? iso(ctx) : new Date(body.date).toISOString(),
    photos: body.photos,
    ...(body.projectId !== undefined ? { projectId: body.projectId } : {}),
    ...(body.text ? { text: body.text } : {}),
    ...(link ? { link } : {}),
  };
  await insert(ctx.db, [item], iso(ctx));
  return item;
}

/** Takes an item down (any kind). */
export async function deleteUpdate(ctx: Ctx, campaignId: string, updateId: string): Promise<void> {
  const result = await ctx.db.deleteFrom('updates').where('campaign_id', '=', campaignId).where('id', '=', updateId).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw new VecheError('not-found', `There is no update ${updateId} in campaign ${campaignId}`);
}

/** Loads a fixture's news items (the demo) into a campaign. */
export async function seedUpdates(ctx: Ctx, items: readonly unknown[]): Promise<void> {
  const parsed = items.map((input, i) => parseWith(UpdateItem, input, `update ${i}`));
  await insert(ctx.db, parsed.map((item) => ({ ...item, date: new Date(item.date).toISOString() })), iso(ctx));
}
