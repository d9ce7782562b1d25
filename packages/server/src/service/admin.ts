import {
  Campaign,
  Milestone,
  PROJECT_STATUSES,
  PHASE_IDS,
  Project,
  VecheError,
  movePhases,
  normalizeCode,
  parsePabulib,
  parseWith,
  rulesFromPabulibMeta,
  rulesLocked,
  selectionFromPabulibVote,
  type CampaignInput,
  type PhaseId,
  type ProjectInput,
  type ProjectStatus,
  type Selection,
} from '@veche/core';
import type { MemoryFixture } from '@veche/core/memory';
import * as z from 'zod/mini';
import { type Ctx, campaignFrom, forgetCampaign, iso, loadCampaign, randomCode, sha256 } from './context.ts';
import { HOST_KEY_ALGORITHMS } from './auth.ts';
import { projectRow } from './projects.ts';
import { seedDiscussion } from './comments.ts';
import { putParticipation } from './participation.ts';
import { recordMilestones, recordPhase, seedUpdates } from './updates.ts';

const ORIGIN = /^https?:\/\/(\*\.)?[^/\s*]+$/;
export const Origins = z.array(z.string().check(z.maxLength(300), z.regex(ORIGIN, 'must be an origin such as https://city.example or https://*.city.example'))).check(z.maxLength(100));

/** What the admin API and the CLI take for a campaign: the Campaign plus the origins that may embed it. */
export const CampaignDocument = z.object({ campaign: z.unknown(), embedOrigins: z.optional(Origins) });

export interface CampaignSummary {
  id: string;
  title: string;
  embedOrigins: string[];
  projects: number;
  ballots: number;
}

/** The fields whose change after voting opened would change what ballots mean. */
const ruleFingerprint = (c: Campaign) =>
  JSON.stringify({ rules: c.votingRules, budget: c.budget, districts: c.districts.map((d) => [d.id, d.budget ?? null]) });

/**
 * Creates or replaces a campaign. Once voting has opened (or any ballot was submitted), its rules,
 * budget and district budgets are frozen: 409 `conflict`.
 */
export async function putCampaign(ctx: Ctx, input: CampaignInput | unknown, embedOrigins?: string[]): Promise<Campaign> {
  const campaign = parseWith(Campaign, input, 'campaign');
  const origins = embedOrigins === undefined ? undefined : parseWith(Origins, embedOrigins, 'embedOrigins');
  const now = iso(ctx);
  forgetCampaign(ctx, campaign.id);
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('campaigns').select(['data']).where('id', '=', campaign.id).executeTakeFirst();
    if (existing) {
      const before = campaignFrom(existing.data);
      if (ruleFingerprint(before) !== ruleFingerprint(campaign)) {
        const voted = await trx.selectFrom('ballots').select('resident_id').where('campaign_id', '=', campaign.id).where('status', '=', 'submitted').limit(1).execute();
        if (rulesLocked(before, ctx.now()) || rulesLocked(campaign, ctx.now()) || voted.length > 0) {
          throw new VecheError('conflict', 'The voting rules, budget and district budgets cannot change once voting has opened');
        }
      }
      await trx
        .updateTable('campaigns')
        .set({ data: JSON.stringify(campaign), updated_at: now, ...(origins ? { origins: JSON.stringify(origins) } : {}) })
        .where('id', '=', campaign.id)
        .execute();
    } else {
      await trx
        .insertInto('campaigns')
        .values({ id: campaign.id, data: JSON.stringify(campaign), origins: JSON.stringify(origins ?? []), created_at: now, updated_at: now })
        .execute();
    }
    return campaign;
  });
}

export async function listCampaigns(ctx: Ctx): Promise<CampaignSummary[]> {
  const rows = await ctx.db.selectFrom('campaigns').select(['id', 'data', 'origins']).orderBy('id').execute();
  const count = async (table: 'projects' | 'ballots', id: string) =>
    Number(
      (
        await ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('campaign_id', '=', id)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      title: campaignFrom(r.data).title,
      embedOrigins: JSON.parse(r.origins) as string[],
      projects: await count('projects', r.id),
      ballots: await count('ballots', r.id),
    })),
  );
}

/** Every origin some campaign lets embed it. */
export async function allEmbedOrigins(ctx: Ctx): Promise<string[]> {
  const rows = await ctx.db.selectFrom('campaigns').select('origins').execute();
  return [...new Set(rows.flatMap((r) => JSON.parse(r.origins) as string[]))];
}

/** Moves a campaign to a phase by rewriting its dates around now (`movePhases`). */
export async function movePhase(ctx: Ctx, campaignId: string, phase: string): Promise<Campaign> {
  if (!(PHASE_IDS as readonly string[]).includes(phase)) {
    throw new VecheError('invalid-input', `Invalid phase: must be one of ${PHASE_IDS.join(', ')}`);
  }
  const campaign = await loadCampaign(ctx, campaignId);
  if (!campaign.phases.some((p) => p.id === phase)) throw new VecheError('invalid-input', `The campaign has no ${phase} phase`);
  const moved = { ...campaign, phases: movePhases(campaign.phases, phase as PhaseId, ctx.now()) };
  await ctx.db.updateTable('campaigns').set({ data: JSON.stringify(moved), updated_at: iso(ctx) }).where('id', '=', campaignId).execute();
  forgetCampaign(ctx, campaignId);
  await recordPhase(ctx, moved, phase as PhaseId);
  return moved;
}

/** Thrown by `putProject` when the stored project is no longer the one the change was made from. */
class StaleWrite extends Error {}

/**
 * Creates or replaces a project; its id must not belong to another campaign. With `onlyIfData` (the
 * stored JSON the change was made from) the write happens only if nobody changed the project since.
 */
export async function putProject(ctx: Ctx, input: ProjectInput | unknown, baseSupports: number | null = null, onlyIfData?: string): Promise<Project> {
  const project = parseWith(Project, input, 'project');
  const campaign = await loadCampaign(ctx, project.campaignId);
  const existing = await ctx.db.selectFrom('projects').select(['campaign_id', 'base_supports', 'data']).where('id', '=', project.id).executeTakeFirst();
  if (existing && existing.campaign_id !== project.campaignId) {
    throw new VecheError('conflict', `Project ${project.id} belongs to campaign ${existing.campaign_id}`);
  }
  const base = baseSupports ?? project.supports ?? existing?.base_supports ?? null;
  const row = projectRow(project, iso(ctx), base);
  const written = await ctx.db
    .insertInto('projects')
    .values(row)
    .onConflict((oc) => {
      const update = oc.column('id').doUpdateSet({ ...row, created_at: undefined });
      return onlyIfData === undefined ? update : update.where('projects.data', '=', onlyIfData);
    })
    .executeTakeFirst();
  if (onlyIfData !== undefined && Number(written.numInsertedOrUpdatedRows ?? 0) === 0) throw new StaleWrite();
  forgetCampaign(ctx, project.campaignId);
  await recordMilestones(ctx, campaign, existing && (JSON.parse(existing.data) as Project).milestones, project);
  return project;
}

export const Moderation = z.object({
  status: z.enum(PROJECT_STATUSES),
  statusNote: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
  /** The status the moderator saw: when another moderator changed it since, 409 and nothing changes. */
  from: z.optional(z.enum(PROJECT_STATUSES)),
});

/**
 * Changes a stored project as one compare-and-set: it is written only if it still holds what was read,
 * so two admins at once never lose each other's changes (the one who lost the race reads again).
 * `expect`: 409 when the project is no longer in that status.
 */
async function updateProject(ctx: Ctx, projectId: string, change: (project: Project) => Project, expect?: ProjectStatus): Promise<Project> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const row = await ctx.db.selectFrom('projects').select(['data', 'status']).where('id', '=', projectId).executeTakeFirst();
    if (!row) throw new VecheError('not-found', `There is no project ${projectId}`);
    if (expect !== undefined && row.status !== expect) {
      throw new VecheError('conflict', `Project ${projectId} is ${row.status} now, not ${expect}: someone else changed it`, { details: { status: row.status } });
    }
    try {
      return await putProject(ctx, change(JSON.parse(row.data) as Project), null, row.data);
    } catch (error) {
      if (!(error instanceof StaleWrite)) throw error;
    }
  }
  throw new VecheError('conflict', `Project ${projectId} keeps changing; try again`);
}

/** Publishes, rejects, shortlists … a project, with an optional note for the public. */
export async function moderate(ctx: Ctx, projectId: string, input: unknown): Promise<Project> {
  const { status, statusNote, from } = parseWith(Moderation, input, 'moderation');
  return updateProject(
    ctx,
    projectId,
    (project) => {
      const next: Project = { ...project, status: status as ProjectStatus, updatedAt: iso(ctx) };
      if (statusNote !== undefined) {
        if (statusNote === '') delete next.statusNote;
        else next.statusNote = statusNote;
      }
      return next;
    },
    from as ProjectStatus | undefined,
  );
}

export const MilestoneUpdate = z.object({
  milestones: z.array(Milestone).check(z.maxLength(100)),
  progress: z.optional(z.number().check(z.gte(0), z.lte(100))),
});

export async function setMilestones(ctx: Ctx, projectId: string, input: unknown): Promise<Project> {
  const body = parseWith(MilestoneUpdate, input, 'milestones');
  return updateProject(ctx, projectId, (project) => ({
    ...project,
    milestones: body.milestones,
    ...(body.progress !== undefined ? { progress: body.progress } : {}),
    updatedAt: iso(ctx),
  }));
}

export interface IdeaRecord {
  project: Project;
  author: unknown;
  consents: unknown;
  ip: string | null;
  submittedAt: string;
}

/** The moderation queue with the private records: admin only. */
export async function listIdeas(ctx: Ctx, campaignId: string, status = 'submitted'): Promise<IdeaRecord[]> {
  await loadCampaign(ctx, campaignId);
  const rows = await ctx.db
    .selectFrom('projects')
    .leftJoin('ideas', 'ideas.project_id', 'projects.id')
    .select(['projects.data', 'projects.created_at', 'ideas.author', 'ideas.consents', 'ideas.ip'])
    .where('projects.campaign_id', '=', campaignId)
    .where('projects.status', '=', status)
    .orderBy('projects.created_at')
    .execute();
  return rows.map((r) => ({
    project: JSON.parse(r.data) as Project,
    author: r.author === null ? {} : JSON.parse(r.author),
    consents: r.consents === null ? [] : JSON.parse(r.consents),
    ip: r.ip,
    submittedAt: r.created_at,
  }));
}

/** Makes `count` fresh voting codes (60 random bits each); only their hashes are stored. */
export async function issueCodes(ctx: Ctx, campaignId: string, count: number, districtId?: string): Promise<string[]> {
  const campaign = await loadCampaign(ctx, campaignId);
  if (!Number.isInteger(count) || count < 1 || count > 1_000_000) throw new VecheError('invalid-input', 'Invalid count: must be a whole number from 1 to 1000000');
  if (districtId !== undefined && !campaign.districts.some((d) => d.id === districtId)) {
    throw new VecheError('invalid-input', `Invalid districtId: ${districtId} is not a district of this campaign`);
  }
  const codes = Array.from({ length: count }, () => `${randomCode(4)}-${randomCode(4)}-${randomCode(4)}`);
  await storeCodes(ctx, campaignId, codes, districtId);
  return codes;
}

async function storeCodes(ctx: Ctx, campaignId: string, codes: readonly string[], districtId?: string): Promise<void> {
  const now = iso(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    for (let i = 0; i < codes.length; i += 1000) {
      await trx
        .insertInto('voting_codes')
        .values(codes.slice(i, i + 1000).map((c) => ({ code_hash: sha256(normalizeCode(c)), campaign_id: campaignId, district_id: districtId ?? null, used_at: null, created_at: now })))
        .onConflict((oc) => oc.column('code_hash').doNothing())
        .execute();
    }
  });
}

async function insertBallots(ctx: Ctx, campaignId: string, ballots: readonly { voterId: string; selection: Selection[] }[]): Promise<void> {
  const now = iso(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    for (let i = 0; i < ballots.length; i += 1000) {
      await trx
        .insertInto('ballots')
        .values(
          ballots.slice(i, i + 1000).map((b) => ({
            campaign_id: campaignId,
            resident_id: b.voterId,
            status: 'submitted',
            selection: JSON.stringify(b.selection),
            district_id: null,
            updated_at: now,
            submitted_at: now,
            receipt: null,
          })),
        )
        .execute();
    }
  });
}

/** Loads a MemoryFixture (the demo) into an empty campaign: projects, paper supporters, ballots, codes. */
export async function seedFixture(ctx: Ctx, fixture: MemoryFixture): Promise<boolean> {
  const exists = await ctx.db.selectFrom('campaigns').select('id').where('id', '=', fixture.campaign.id).executeTakeFirst();
  if (exists) return false;
  const campaign = await putCampaign(ctx, fixture.campaign);
  for (const p of fixture.projects) await putProject(ctx, p, fixture.supporters?.[p.id] ?? null);
  await insertBallots(ctx, campaign.id, fixture.ballots ?? []);
  await storeCodes(ctx, campaign.id, fixture.votingCodes ?? []);
  await seedDiscussion(ctx, campaign.id, fixture);
  await seedUpdates(ctx, fixture.updates ?? []);
  for (const [year, entry] of Object.entries(fixture.participation ?? {})) await putParticipation(ctx, campaign.id, Number(year), entry);
  return true;
}

export interface PabulibImport {
  campaignId: string;
  phase?: 'ideas' | 'support' | 'voting' | 'results';
  votes?: boolean;
  /** Put before every project id, for files whose ids another campaign already uses. */
  prefix?: string;
}

const DAY = 86_400_000;

/**
 * A campaign from a Pabulib file: its projects (ids kept, shortlisted), budget, rules from META, and
 * its votes as submitted ballots unless `votes` is false.
 */
export async function importPabulib(ctx: Ctx, text: string, options: PabulibImport): Promise<{ campaignId: string; projects: number; ballots: number }> {
  const data = parsePabulib(text);
  const prefix = options.prefix ?? '';
  const { campaignId } = options;
  if (await ctx.db.selectFrom('campaigns').select('id').where('id', '=', campaignId).executeTakeFirst()) {
    throw new VecheError('conflict', `Campaign ${campaignId} already exists; choose another --campaign id`);
  }
  const ids = data.projects.map((p) => `${prefix}${p.id}`);
  const taken: string[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await ctx.db.selectFrom('projects').select('id').where('id', 'in', ids.slice(i, i + 500)).execute();
    taken.push(...rows.map((r) => r.id));
  }
  if (taken.length > 0) {
    throw new VecheError('conflict', `Project ids ${taken.slice(0, 5).join(', ')}${taken.length > 5 ? ` and ${taken.length - 5} more` : ''} already belong to another campaign; import with --prefix`, {
      details: { ids: taken },
    });
  }

  const meta = data.meta;
  const rules = rulesFromPabulibMeta(meta);
  const budget = Number(meta['budget'] ?? 0) || data.projects.reduce((s, p) => s + p.cost, 0);
  const start = ctx.now().getTime() - 60 * DAY;
  const phases = (['ideas', 'support', 'review', 'voting', 'results', 'implementation'] as const).map((id, i) => ({
    id,
    start: new Date(start + i * 14 * DAY).toISOString(),
    end: new Date(start + (i + 1) * 14 * DAY).toISOString(),
  }));
  const categoryNames = [...new Set(data.projects.flatMap((p) => String(p['category'] ?? '').split(',').map((c) => c.trim()).filter(Boolean)))];
  const categoryId = new Map(categoryNames.map((name, i) => [name, `c${i + 1}`]));
  const campaign = await putCampaign(ctx, {
    id: campaignId,
    title: (meta['description'] || `${meta['unit'] ?? 'Pabulib'} ${meta['instance'] ?? ''}`).slice(0, 300),
    municipality: (meta['unit'] || meta['country'] || 'Pabulib').slice(0, 200),
    ...(meta['country'] ? { region: meta['country'].slice(0, 200) } : {}),
    description: `Imported from a Pabulib file (${Object.entries(meta).filter(([k]) => ['country', 'unit', 'instance', 'currency'].includes(k)).map(([k, v]) => `${k}: ${v}`).join(', ')}).`,
    budget,
    phases: movePhases(phases, options.phase ?? 'results', ctx.now()),
    categories: categoryNames.map((name) => ({ id: categoryId.get(name)!, name: name.slice(0, 200) })),
    votingRules: rules,
    voteVisibility: 'after-close',
  });

  const now = iso(ctx);
  const projects = data.projects.map((p, i): Project => {
    const lat = Number(p['latitude']);
    const lng = Number(p['longitude']);
    const name = typeof p['name'] === 'string' && p['name'].trim() ? p['name'].trim() : p.id;
    return parseWith(
      Project,
      {
        id: ids[i],
        campaignId,
        title: name.slice(0, 300),
        cost: p.cost,
        status: 'shortlisted',
        categoryIds: String(p['category'] ?? '').split(',').map((c) => categoryId.get(c.trim())).filter((c) => c !== undefined),
        ...(p['latitude'] && p['longitude'] && Number.isFinite(lat) && Number.isFinite(lng) ? { location: { lat, lng } } : {}),
        createdAt: now,
      },
      `project ${p.id}`,
    );
  });
  await ctx.db.transaction().execute(async (trx) => {
    for (let i = 0; i < projects.length; i += 200) {
      await trx.insertInto('projects').values(projects.slice(i, i + 200).map((p) => projectRow(p, now, null))).execute();
    }
  });
  const ballots =
    options.votes === false
      ? []
      : data.votes.map((v) => ({
          voterId: `pabulib:${v.voterId}`.slice(0, 200),
          selection: selectionFromPabulibVote(v, meta['vote_type']).map((s) => ({ ...s, projectId: `${prefix}${s.projectId}` })),
        }));
  await insertBallots(ctx, campaign.id, ballots);
  return { campaignId, projects: projects.length, ballots: ballots.length };
}

export const HostKey = z.object({
  issuer: z.string().check(z.minLength(1), z.maxLength(300)),
  algorithm: z.enum(HOST_KEY_ALGORITHMS),
  /** The shared secret (HS*) or the public key in PEM (SPKI). */
  key: z.string().check(z.minLength(32, 'must be at least 32 characters'), z.maxLength(10_000)),
  audience: z.optional(z.string().check(z.maxLength(300))),
});

/** Registers (or replaces) a host site that signs tokens for its own signed-in residents. */
export async function putHostKey(ctx: Ctx, input: unknown): Promise<{ issuer: string; algorithm: string }> {
  const key = parseWith(HostKey, input, 'host key');
  const row = { algorithm: key.algorithm, key: key.key, audience: key.audience ?? null, created_at: iso(ctx) };
  await ctx.db
    .insertInto('host_keys')
    .values({ issuer: key.issuer, ...row })
    .onConflict((oc) => oc.column('issuer').doUpdateSet(row))
    .execute();
  return { issuer: key.issuer, algorithm: key.algorithm };
}
