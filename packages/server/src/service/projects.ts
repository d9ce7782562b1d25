import {
  IMAGE_TYPES,
  IdeaInput,
  PUBLIC_PROJECT_STATUSES,
  ProjectQuery,
  VecheError,
  checkIdea,
  hashString,
  ideaToProject,
  invalidIdea,
  parseWith,
  sniffImage,
  votesVisible,
  type Campaign,
  type IdeaReceipt,
  type Project,
  type ProjectPage,
  type SupportState,
  type UploadedImage,
} from '@veche/core';
import { sql } from 'kysely';
import type { ProjectsTable } from '../db/schema.ts';
import { type Ctx, type Session, cached, iso, loadCampaign, once, randomId, requirePhase, requireResident } from './context.ts';
import { turnout, voteTally } from './tally.ts';

const collator = new Intl.Collator('ru', { sensitivity: 'base', numeric: true });

/** Lower case with ё as е: what search compares. */
export const fold = (text: string): string => text.toLocaleLowerCase('ru').replace(/ё/g, 'е');

/** The searchable text of a project. */
export const searchText = (p: Pick<Project, 'title' | 'summary' | 'description' | 'location'>): string =>
  fold(`${p.title} ${p.summary ?? ''} ${p.description ?? ''} ${p.location?.address ?? ''}`);

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const asArray = <T>(value: T | T[] | undefined): T[] | undefined => (value === undefined ? undefined : Array.isArray(value) ? value : [value]);

type Row = Pick<ProjectsTable, 'id' | 'status' | 'cost' | 'title' | 'created_at' | 'base_supports' | 'data'>;

/** Supporters per project from the site (paper signatures are added from `base_supports`). */
async function supportCounts(ctx: Ctx, campaignId: string): Promise<Map<string, number>> {
  return cached(ctx, `supports:${campaignId}`, async () => {
    const rows = await ctx.db
      .selectFrom('supports')
      .select(['project_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('campaign_id', '=', campaignId)
      .where('state', '=', 'supported')
      .groupBy('project_id')
      .execute();
    return new Map(rows.map((r) => [r.project_id, Number(r.n)]));
  });
}

async function supportCount(ctx: Ctx, projectId: string, base: number | null): Promise<number> {
  const row = await ctx.db
    .selectFrom('supports')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('project_id', '=', projectId)
    .where('state', '=', 'supported')
    .executeTakeFirstOrThrow();
  return (base ?? 0) + Number(row.n);
}

/** A project as the public sees it: live support count; votes of ballot projects only when visible. */
function present(ctx: Ctx, campaign: Campaign, row: Row, supports: number, votes: Map<string, number> | undefined): Project {
  const project = JSON.parse(row.data) as Project;
  if (supports > 0 || row.base_supports !== null) project.supports = supports;
  else delete project.supports;
  if (project.status === 'shortlisted') {
    if (votes && votesVisible(campaign, ctx.now())) project.votes = votes.get(project.id) ?? 0;
    else delete project.votes;
  }
  return project;
}

async function visibleVotes(ctx: Ctx, campaign: Campaign): Promise<Map<string, number> | undefined> {
  return votesVisible(campaign, ctx.now()) ? (await voteTally(ctx, campaign.id)).votes : undefined;
}

export const getCampaign = (ctx: Ctx, id: string): Promise<Campaign> => loadCampaign(ctx, id);

export async function listProjects(ctx: Ctx, campaignId: string, input: unknown): Promise<ProjectPage> {
  const campaign = await loadCampaign(ctx, campaignId);
  const q = parseWith(ProjectQuery, input, 'project query');
  const offset = q.cursor === undefined ? 0 : Number.parseInt(q.cursor, 36);
  if (!/^[0-9a-z]{1,8}$/.test(q.cursor ?? '0') || !Number.isInteger(offset) || offset < 0) {
    throw new VecheError('invalid-input', 'Invalid project query: cursor is not one this server gave');
  }
  const statuses = (asArray(q.status) ?? PUBLIC_PROJECT_STATUSES).filter((s) => s !== 'submitted');
  if (statuses.length === 0) return { items: [], nextCursor: null };
  const categories = asArray(q.category);
  const districts = asArray(q.district);
  const needle = q.q ? fold(q.q.trim()) : '';

  let query = ctx.db
    .selectFrom('projects')
    .select(['id', 'status', 'cost', 'title', 'created_at', 'base_supports', 'data'])
    .where('campaign_id', '=', campaignId)
    .where('status', 'in', statuses);
  if (categories) query = query.where((eb) => eb.or(categories.map((c) => eb(sql`categories`, 'like', `%,${likeEscape(c)},%`))));
  if (districts) query = query.where('district_id', 'in', districts);
  if (needle) query = query.where(sql<boolean>`search like ${`%${likeEscape(needle)}%`} escape '\\'`);
  const rows = await query.execute();

  const counts = await supportCounts(ctx, campaignId);
  const supportsOf = (r: Row) => (r.base_supports ?? 0) + (counts.get(r.id) ?? 0);
  const seed = q.seed ?? 0;
  const byNewest = (a: Row, b: Row) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : collator.compare(a.id, b.id));
  const sorts: Record<NonNullable<ProjectQuery['sort']>, (a: Row, b: Row) => number> = {
    newest: byNewest,
    supported: (a, b) => supportsOf(b) - supportsOf(a) || byNewest(a, b),
    'cost-asc': (a, b) => a.cost - b.cost || byNewest(a, b),
    'cost-desc': (a, b) => b.cost - a.cost || byNewest(a, b),
    title: (a, b) => collator.compare(a.title, b.title),
    random: (a, b) => hashString(a.id, seed) - hashString(b.id, seed) || collator.compare(a.id, b.id),
  };
  rows.sort(sorts[q.sort ?? 'newest']);
  const next = offset + (q.limit ?? 20);
  const votes = await visibleVotes(ctx, campaign);
  return {
    items: rows.slice(offset, next).map((r) => present(ctx, campaign, r, supportsOf(r), votes)),
    nextCursor: next < rows.length ? next.toString(36) : null,
  };
}

async function publicRow(ctx: Ctx, projectId: string): Promise<Row & { campaign_id: string }> {
  const row = await ctx.db
    .selectFrom('projects')
    .select(['id', 'campaign_id', 'status', 'cost', 'title', 'created_at', 'base_supports', 'data'])
    .where('id', '=', projectId)
    .executeTakeFirst();
  if (!row || row.status === 'submitted') throw new VecheError('not-found', `There is no project ${projectId}`);
  return row;
}

export async function getProject(ctx: Ctx, projectId: string): Promise<Project> {
  const row = await publicRow(ctx, projectId);
  const campaign = await loadCampaign(ctx, row.campaign_id);
  return present(ctx, campaign, row, await supportCount(ctx, row.id, row.base_supports), await visibleVotes(ctx, campaign));
}

export interface Caller {
  session: Session | null;
  ip: string;
  idempotencyKey?: string | undefined;
}

const UPLOAD_PATH = /\/api\/uploads\/([A-Za-z0-9-]+)\.(jpg|png|webp)$/;

/** Takes an idea into moderation: 202 and `submitted`; the author's contacts and consents stay private. */
export async function submitIdea(ctx: Ctx, campaignId: string, body: unknown, caller: Caller): Promise<IdeaReceipt> {
  const campaign = await loadCampaign(ctx, campaignId);
  const idea = parseWith(IdeaInput, body, 'idea');
  requirePhase(ctx, campaign, 'ideas');
  if (campaign.signIn.ideas.length > 0) requireResident(campaign, 'ideas', caller.session);
  const issues: { field: string; code: string; message: string }[] = checkIdea(campaign, idea);
  // Photos must be ones residents uploaded to this campaign: no hot-linked foreign images.
  const uploadIds = idea.images.map((image) => UPLOAD_PATH.exec(image.url)?.[1]);
  const known = new Map(
    (
      await ctx.db
        .selectFrom('uploads')
        .select(['id', 'width', 'height', 'type'])
        .where('campaign_id', '=', campaignId)
        .where('id', 'in', [...uploadIds.filter((id) => id !== undefined), ''])
        .execute()
    ).map((u) => [u.id, u]),
  );
  idea.images.forEach((image, i) => {
    const id = uploadIds[i];
    const upload = id === undefined ? undefined : known.get(id);
    if (!upload) issues.push({ field: `images[${i}].url`, code: 'unknown-upload', message: 'must be a photo uploaded to this campaign' });
    else Object.assign(image, { width: upload.width, height: upload.height });
  });
  if (issues.length > 0) {
    throw invalidIdea(issues);
  }
  const scope = `idea:${campaignId}:${caller.session?.residentId ?? 'public'}`;
  return once(ctx, scope, caller.idempotencyKey, async (trx) => {
    const id = randomId('idea');
    const now = iso(ctx);
    const project = ideaToProject(idea, id, campaignId, now);
    await trx.insertInto('projects').values(projectRow(project, now, null)).execute();
    await trx
      .insertInto('ideas')
      .values({
        project_id: id,
        resident_id: caller.session?.residentId ?? null,
        author: JSON.stringify(idea.author),
        consents: JSON.stringify(
          idea.consents.map((c) => ({ ...c, at: now, ip: caller.ip, text: campaign.consents.find((t) => t.kind === c.kind && t.version === c.version)?.text ?? null })),
        ),
        ip: caller.ip,
        created_at: now,
      })
      .execute();
    return { id, status: 'submitted' as const };
  });
}

/** The database row of a project: filter columns beside the JSON. */
export function projectRow(project: Project, now: string, baseSupports: number | null) {
  const { supports: _supports, ...data } = project;
  return {
    id: project.id,
    campaign_id: project.campaignId,
    status: project.status,
    district_id: project.districtId ?? null,
    categories: `,${project.categoryIds.join(',')},`,
    cost: project.cost,
    title: project.title,
    search: searchText(project),
    created_at: project.createdAt,
    updated_at: now,
    base_supports: baseSupports,
    data: JSON.stringify(data),
  };
}

const EXTENSION: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/** Stores a photo for an idea: its real type from its bytes, its size within the campaign's limit. */
export async function uploadImage(
  ctx: Ctx,
  campaignId: string,
  file: { bytes: Uint8Array; type: string | undefined },
  caller: Caller,
  origin: string,
): Promise<UploadedImage> {
  const campaign = await loadCampaign(ctx, campaignId);
  requirePhase(ctx, campaign, 'ideas');
  if (campaign.signIn.ideas.length > 0) requireResident(campaign, 'ideas', caller.session);
  const limit = campaign.ideaLimits.photoBytes;
  if (file.bytes.length > limit) {
    throw new VecheError('invalid-input', `The photo is larger than ${limit} bytes`, { status: 413, details: { limit, actual: file.bytes.length } });
  }
  const info = sniffImage(file.bytes);
  const stated = file.type === 'application/octet-stream' ? undefined : file.type;
  if (!info || (stated && stated !== info.type)) {
    throw new VecheError('invalid-input', `A photo must be ${IMAGE_TYPES.join(', ')} and be what its type says`, {
      status: 415,
      details: { type: file.type ?? null, detected: info?.type ?? null },
    });
  }
  const id = randomId('u').replace(/^u-/, 'u');
  const ext = EXTENSION[info.type]!;
  await ctx.images.put(`${id}.${ext}`, file.bytes);
  await ctx.db
    .insertInto('uploads')
    .values({ id, campaign_id: campaignId, type: info.type, width: info.width, height: info.height, bytes: file.bytes.length, created_at: iso(ctx) })
    .execute();
  return { url: `${origin}/api/uploads/${id}.${ext}`, width: info.width, height: info.height };
}

export async function readUpload(ctx: Ctx, file: string): Promise<{ type: string; bytes: Uint8Array } | null> {
  const match = /^([A-Za-z0-9-]+)\.(jpg|png|webp)$/.exec(file);
  if (!match) return null;
  const row = await ctx.db.selectFrom('uploads').select(['type']).where('id', '=', match[1]!).executeTakeFirst();
  if (!row || EXTENSION[row.type] !== match[2]) return null;
  const bytes = await ctx.images.get(file);
  return bytes ? { type: row.type, bytes } : null;
}

export async function getSupport(ctx: Ctx, projectId: string, session: Session | null): Promise<SupportState> {
  const row = await publicRow(ctx, projectId);
  return supportState(ctx, row, session);
}

async function supportState(ctx: Ctx, row: Row, session: Session | null): Promise<SupportState> {
  const mine = session
    ? await ctx.db.selectFrom('supports').select('state').where('project_id', '=', row.id).where('resident_id', '=', session.residentId).executeTakeFirst()
    : undefined;
  return { projectId: row.id, state: (mine?.state as SupportState['state'] | undefined) ?? 'none', count: await supportCount(ctx, row.id, row.base_supports) };
}

/** Supports a project or withdraws the support; repeating either changes nothing. */
export async function setSupport(ctx: Ctx, projectId: string, next: 'supported' | 'withdrawn', session: Session | null): Promise<SupportState> {
  const row = await publicRow(ctx, projectId);
  const campaign = await loadCampaign(ctx, row.campaign_id);
  requirePhase(ctx, campaign, 'support');
  const resident = requireResident(campaign, 'support', session);
  if (row.status !== 'published' && row.status !== 'shortlisted') {
    throw new VecheError('forbidden', 'This project is not open for support', { details: { status: row.status } });
  }
  const now = iso(ctx);
  if (next === 'supported') {
    await ctx.db
      .insertInto('supports')
      .values({ project_id: row.id, campaign_id: campaign.id, resident_id: resident.residentId, state: 'supported', updated_at: now })
      .onConflict((oc) => oc.columns(['project_id', 'resident_id']).doUpdateSet({ state: 'supported', updated_at: now }))
      .execute();
  } else {
    await ctx.db
      .updateTable('supports')
      .set({ state: 'withdrawn', updated_at: now })
      .where('project_id', '=', row.id)
      .where('resident_id', '=', resident.residentId)
      .where('state', '=', 'supported')
      .execute();
  }
  return supportState(ctx, row, session);
}

/** What a live subscriber polls: support counts and turnout (votes per project only when visible). */
export async function liveSnapshot(ctx: Ctx, campaignId: string): Promise<{ turnout: number; supports: Record<string, number> }> {
  await loadCampaign(ctx, campaignId);
  const [counts, base, voters] = await Promise.all([
    supportCounts(ctx, campaignId),
    cached(ctx, `base:${campaignId}`, () =>
      ctx.db.selectFrom('projects').select(['id', 'base_supports']).where('campaign_id', '=', campaignId).where('status', '!=', 'submitted').execute(),
    ),
    turnout(ctx, campaignId),
  ]);
  const supports: Record<string, number> = {};
  for (const p of base) {
    const n = (p.base_supports ?? 0) + (counts.get(p.id) ?? 0);
    if (n > 0 || p.base_supports !== null) supports[p.id] = n;
  }
  return { turnout: voters, supports };
}
