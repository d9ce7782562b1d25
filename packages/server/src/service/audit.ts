import { VecheError } from '@veche/core';
import * as z from 'zod/mini';
import type { Actor } from '../staff/roles.ts';
import { type Ctx, iso, randomId } from './context.ts';

/** One line of the audit log as the API shows it; `before`/`after` are the stored JSON, parsed. */
export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  actorId: string | null;
  role: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  campaignId: string | null;
  before: unknown;
  after: unknown;
  details: unknown;
  ip: string | null;
}

export interface AuditRecord {
  action: string;
  targetType?: string | undefined;
  targetId?: string | undefined;
  campaignId?: string | undefined;
  before?: unknown;
  after?: unknown;
  details?: unknown;
  ip?: string | undefined;
}

const MAX_JSON = 200_000;
const json = (value: unknown): string | null => {
  if (value === undefined || value === null) return null;
  const text = JSON.stringify(value);
  return text.length > MAX_JSON ? JSON.stringify({ truncated: true, length: text.length }) : text;
};

let sequence = 0;

/** Writes one entry; ids sort by time (and by order of writing within one millisecond of one instance), so the log reads in order on both engines. */
export async function recordAudit(ctx: Ctx, actor: Actor | null, record: AuditRecord): Promise<string> {
  const at = iso(ctx);
  const id = `${at.replace(/\D/g, '')}-${String(sequence++ % 1e9).padStart(9, '0')}-${randomId('a').slice(2)}`;
  await ctx.db
    .insertInto('audit_log')
    .values({
      id,
      at,
      actor_id: actor?.staffId ?? null,
      actor: (actor?.label ?? 'anonymous').slice(0, 400),
      role: actor && (actor.kind !== 'staff' || actor.staffId) ? actor.role : null,
      action: record.action.slice(0, 100),
      target_type: record.targetType ?? null,
      target_id: record.targetId?.slice(0, 200) ?? null,
      campaign_id: record.campaignId ?? null,
      before: json(record.before),
      after: json(record.after),
      details: json(record.details),
      ip: record.ip ?? actor?.ip ?? null,
    })
    .execute();
  return id;
}

export const AuditQuery = z.object({
  campaign: z.optional(z.string().check(z.maxLength(64))),
  actor: z.optional(z.string().check(z.maxLength(200))),
  action: z.optional(z.string().check(z.maxLength(100))),
  targetType: z.optional(z.string().check(z.maxLength(40))),
  target: z.optional(z.string().check(z.maxLength(200))),
  since: z.optional(z.string().check(z.maxLength(40))),
  until: z.optional(z.string().check(z.maxLength(40))),
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(1000))),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

type Row = {
  id: string;
  at: string;
  actor: string;
  actor_id: string | null;
  role: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  campaign_id: string | null;
  before: string | null;
  after: string | null;
  details: string | null;
  ip: string | null;
};

const entry = (r: Row): AuditEntry => ({
  id: r.id,
  at: r.at,
  actor: r.actor,
  actorId: r.actor_id,
  role: r.role,
  action: r.action,
  targetType: r.target_type,
  targetId: r.target_id,
  campaignId: r.campaign_id,
  before: parse(r.before),
  after: parse(r.after),
  details: parse(r.details),
  ip: r.ip,
});

/** The log, newest first, filtered, a page at a time (`nextCursor` is the last id). */
export async function listAudit(ctx: Ctx, input: unknown): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  const result = AuditQuery.safeParse(input);
  if (!result.success) throw new VecheError('invalid-input', 'Invalid audit query');
  const q = result.data;
  const limit = q.limit ?? 100;
  let query = ctx.db.selectFrom('audit_log').selectAll();
  if (q.campaign) query = query.where('campaign_id', '=', q.campaign);
  if (q.actor) query = query.where((eb) => eb.or([eb('actor_id', '=', q.actor!), eb('actor', 'like', `%${q.actor!.replace(/[%_]/g, '')}%`)]));
  if (q.action) query = query.where('action', 'like', `${q.action.replace(/[%_]/g, '')}%`);
  if (q.targetType) query = query.where('target_type', '=', q.targetType);
  if (q.target) query = query.where('target_id', '=', q.target);
  if (q.since) query = query.where('at', '>=', q.since);
  if (q.until) query = query.where('at', '<', q.until);
  if (q.cursor) query = query.where('id', '<', q.cursor);
  const rows = (await query.orderBy('id', 'desc').limit(limit + 1).execute()) as Row[];
  const items = rows.slice(0, limit).map(entry);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}

/** A CSV cell (comma-separated, RFC 4180 quoting); a leading = + - @ would run as a spreadsheet formula. */
function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The log as CSV (oldest first), every entry the filters select. */
export async function auditCsv(ctx: Ctx, input: Record<string, unknown>): Promise<string> {
  const lines = ['at,actor,role,action,target_type,target_id,campaign_id,ip,before,after,details'];
  const all: AuditEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await listAudit(ctx, { ...input, limit: 1000, ...(cursor ? { cursor } : {}) });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && all.length < 200_000);
  for (const e of all.reverse()) {
    const cell = (v: unknown) => csvCell(v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));
    lines.push([e.at, e.actor, e.role, e.action, e.targetType, e.targetId, e.campaignId, e.ip, e.before, e.after, e.details].map(cell).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** What a route's address names, as stored now: the campaign, project, comment or poll. For before/after. */
export async function snapshot(ctx: Ctx, params: Record<string, string>): Promise<{ type: string; id: string; campaignId?: string; state: unknown } | null> {
  if (params['projectId']) {
    const row = await ctx.db.selectFrom('projects').select(['data', 'campaign_id']).where('id', '=', params['projectId']).executeTakeFirst();
    return { type: 'project', id: params['projectId'], campaignId: row?.campaign_id ?? params['campaignId'], state: row ? JSON.parse(row.data) : null };
  }
  if (params['commentId']) {
    const row = await ctx.db.selectFrom('comments').selectAll().where('id', '=', params['commentId']).executeTakeFirst().catch(() => undefined);
    return { type: 'comment', id: params['commentId'], campaignId: (row as { campaign_id?: string } | undefined)?.campaign_id, state: row ?? null };
  }
  if (params['pollId']) {
    const row = await ctx.db.selectFrom('polls').selectAll().where('id', '=', params['pollId']).executeTakeFirst().catch(() => undefined);
    return { type: 'poll', id: params['pollId'], campaignId: (row as { campaign_id?: string } | undefined)?.campaign_id, state: row ?? null };
  }
  if (params['campaignId'] && params['year']) {
    // A year of the participation report: what the administration entered for it.
    const row = /^\d{4}$/.test(params['year'])
      ? await ctx.db.selectFrom('participation_entries').select('data').where('campaign_id', '=', params['campaignId']).where('year', '=', Number(params['year'])).executeTakeFirst()
      : undefined;
    return { type: 'participation', id: `${params['campaignId']}/${params['year']}`, campaignId: params['campaignId'], state: row ? JSON.parse(row.data) : null };
  }
  if (params['campaignId']) {
    const row = await ctx.db.selectFrom('campaigns').select(['data', 'origins']).where('id', '=', params['campaignId']).executeTakeFirst();
    return { type: 'campaign', id: params['campaignId'], campaignId: params['campaignId'], state: row ? { campaign: JSON.parse(row.data), embedOrigins: JSON.parse(row.origins) } : null };
  }
  return null;
}

/** Names of the actions of admin routes in the audit log; others are named from their method and address. */
const ACTIONS: Record<string, string> = {
  'PUT /api/admin/campaigns/:campaignId': 'campaign.save',
  'POST /api/admin/campaigns/:campaignId/phase': 'campaign.phase',
  'POST /api/admin/campaigns/:campaignId/codes': 'codes.issue',
  'POST /api/admin/campaigns/:campaignId/import-pabulib': 'campaign.import-pabulib',
  'GET /api/admin/campaigns/:campaignId/export': 'results.export',
  'PUT /api/admin/projects/:projectId': 'project.save',
  'POST /api/admin/projects/:projectId/moderation': 'project.moderate',
  'PUT /api/admin/projects/:projectId/milestones': 'project.milestones',
  'PUT /api/admin/host-keys': 'host-key.save',
  'POST /api/admin/comments/:commentId/moderation': 'comment.moderate',
  'POST /api/admin/projects/:projectId/comments': 'comment.official-answer',
  'PUT /api/admin/polls/:pollId': 'poll.save',
  'PUT /api/admin/campaigns/:campaignId/participation/:year': 'participation.save',
  'DELETE /api/admin/campaigns/:campaignId/participation/:year': 'participation.delete',
  'POST /api/admin/campaigns/:campaignId/updates': 'update.publish',
  'DELETE /api/admin/campaigns/:campaignId/updates/:updateId': 'update.delete',
};

interface AuditedRoute {
  method: string;
  url: string;
  audit?: string | false;
}

export function actionName(route: AuditedRoute): string {
  if (typeof route.audit === 'string') return route.audit;
  const known = ACTIONS[`${route.method} ${route.url}`];
  if (known) return known;
  const words = route.url.replace(/^\/api\/(admin\/)?/, '').split('/').filter((w) => w && !w.startsWith(':'));
  return `${words.join('.')}.${route.method.toLowerCase()}`;
}

const SECRET_FIELDS = /^(key|password|secret|token|current|next|code)$/i;

/** What of a request body goes into the log: secrets replaced, a text file by its size. */
function bodyForLog(body: unknown): unknown {
  if (typeof body === 'string') return { textBytes: Buffer.byteLength(body) };
  if (body === null || typeof body !== 'object') return body ?? null;
  return JSON.parse(JSON.stringify(body, (k, v: unknown) => (SECRET_FIELDS.test(k) && typeof v === 'string' ? '(hidden)' : v)));
}

/**
 * Runs an admin route and records it: every change (and exports of data), with the state of what its
 * address names before and after. Reads are not recorded; routes with `audit: false` record themselves.
 */
export async function runAudited<T>(
  ctx: Ctx,
  route: AuditedRoute,
  request: { params: Record<string, string>; query: Record<string, unknown>; body: unknown; actor?: Actor | undefined },
  run: () => Promise<T>,
): Promise<T> {
  const read = route.method === 'GET' && typeof route.audit !== 'string' && !ACTIONS[`${route.method} ${route.url}`];
  if (route.audit === false || read) return run();
  const changes = route.method !== 'GET';
  const before = changes ? await snapshot(ctx, request.params) : null;
  const result = await run();
  const after = changes ? await snapshot(ctx, request.params) : null;
  const same = JSON.stringify(before?.state) === JSON.stringify(after?.state);
  const subject = after ?? before;
  await recordAudit(ctx, request.actor ?? null, {
    action: actionName(route),
    targetType: subject?.type,
    targetId: subject?.id,
    campaignId: subject?.campaignId ?? request.params['campaignId'],
    ...(same ? {} : { before: before?.state, after: after?.state }),
    details: {
      ...(Object.keys(request.query).length > 0 ? { query: request.query } : {}),
      ...(changes && route.method !== 'DELETE' && (same || !subject) ? { body: bodyForLog(request.body) } : {}),
    },
  });
  return result;
}
