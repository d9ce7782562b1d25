import {
  CommentEdit,
  CommentInput,
  CommentModeration,
  CommentQuery,
  CommentReport,
  OfficialAnswer,
  VecheError,
  arrangeComments,
  checkComment,
  commentPolicy,
  discussionPolicy,
  editableUntil,
  invalidComment,
  COMMENT_EDIT_MINUTES,
  nameConsentVersion,
  parseWith,
  presentComment,
  publicName,
  requireDiscussant,
  requireEditable,
  type Campaign,
  type Comment,
  type CommentMark,
  type CommentPage,
  type CommentStatus,
  type Stance,
  type StoredComment,
  type Viewer,
} from '@veche/core';
import type { Kysely } from 'kysely';
import type { CommentsTable } from '../db/discussion-schema.ts';
import type { Tables } from '../db/schema.ts';
import { type Ctx, type Session, cached, iso, loadCampaign, once, randomId } from './context.ts';
import type { Caller } from './projects.ts';
import { seedPolls } from './polls.ts';
import type { DiscussionFixture } from '@veche/core/memory';

const COLUMNS = ['id', 'project_id', 'campaign_id', 'parent_id', 'resident_id', 'body', 'stance', 'author_name', 'official', 'status', 'useful', 'created_at', 'edited_at'] as const;
type Row = Pick<CommentsTable, (typeof COLUMNS)[number]>;

/** The resident id of official answers posted through the admin API. */
const ADMIN = 'admin';
const HOUR = 3_600_000;

/** A row as the core rules see a stored comment. */
export function storedComment(row: Row): StoredComment {
  return {
    id: row.id,
    projectId: row.project_id,
    body: row.body,
    official: row.official === 1,
    status: row.status as CommentStatus,
    useful: Number(row.useful),
    createdAt: row.created_at,
    authorId: row.resident_id,
    ...(row.parent_id !== null ? { parentId: row.parent_id } : {}),
    ...(row.stance !== null ? { stance: row.stance as Stance } : {}),
    ...(row.author_name !== null ? { authorName: row.author_name } : {}),
    ...(row.edited_at !== null ? { editedAt: row.edited_at } : {}),
  };
}

/** A public project's campaign, or `not-found` (ideas waiting for moderation have no discussion). */
async function projectCampaign(ctx: Ctx, projectId: string): Promise<Campaign> {
  const row = await ctx.db.selectFrom('projects').select(['campaign_id', 'status']).where('id', '=', projectId).executeTakeFirst();
  if (!row || row.status === 'submitted') throw new VecheError('not-found', `There is no project ${projectId}`);
  return loadCampaign(ctx, row.campaign_id);
}

async function commentRow(ctx: Ctx, commentId: string, db: Kysely<Tables> = ctx.db): Promise<Row> {
  const row = await db.selectFrom('comments').select(COLUMNS).where('id', '=', commentId).executeTakeFirst();
  if (!row) throw new VecheError('not-found', `There is no comment ${commentId}`);
  return row;
}

/** The signed-in resident's marks and reports on a project's comments. */
async function viewerOf(ctx: Ctx, projectId: string, session: Session | null): Promise<Viewer> {
  if (!session) return {};
  const of = (table: 'comment_marks' | 'comment_reports') =>
    ctx.db
      .selectFrom(table)
      .innerJoin('comments', 'comments.id', `${table}.comment_id`)
      .select(`${table}.comment_id as id`)
      .where('comments.project_id', '=', projectId)
      .where(`${table}.resident_id`, '=', session.residentId)
      .execute();
  const [marked, reported] = await Promise.all([of('comment_marks'), of('comment_reports')]);
  return { residentId: session.residentId, marked: new Set(marked.map((r) => r.id)), reported: new Set(reported.map((r) => r.id)) };
}

/**
 * A project's discussion as the caller sees it: the published comments (shared by every visitor for
 * `liveCacheMs`) with the caller's own comments read fresh, so what they just posted or edited is there.
 */
export async function listComments(ctx: Ctx, projectId: string, input: unknown, session: Session | null): Promise<CommentPage> {
  const q = parseWith(CommentQuery, input, 'comment query');
  const offset = q.cursor === undefined ? 0 : Number.parseInt(q.cursor, 36);
  if (!/^[0-9a-z]{1,8}$/.test(q.cursor ?? '0') || !Number.isInteger(offset)) {
    throw new VecheError('invalid-input', 'Invalid comment query: cursor is not one this server gave');
  }
  const campaign = await projectCampaign(ctx, projectId);
  const published = await cached(ctx, `comments:${projectId}`, () =>
    ctx.db.selectFrom('comments').select(COLUMNS).where('project_id', '=', projectId).where('status', '=', 'published').execute(),
  );
  const rows = new Map(published.map((r) => [r.id, r]));
  if (session) {
    const own = await ctx.db.selectFrom('comments').select(COLUMNS).where('project_id', '=', projectId).where('resident_id', '=', session.residentId).execute();
    for (const r of own) rows.set(r.id, r);
  }
  const viewer = await viewerOf(ctx, projectId, session);
  const { threads, total, stances } = arrangeComments([...rows.values()].map(storedComment), q.sort ?? 'newest', viewer, ctx.now());
  const next = offset + (q.limit ?? 20);
  return { items: threads.slice(offset, next), nextCursor: next < threads.length ? next.toString(36) : null, total, stances, policy: commentPolicy(discussionPolicy(campaign)) };
}

/** A comment (with its replies, when top-level) as `session` sees it. */
async function thread(ctx: Ctx, commentId: string, session: Session | null, db: Kysely<Tables> = ctx.db): Promise<Comment> {
  const row = await commentRow(ctx, commentId, db);
  const viewer: Viewer = session ? { residentId: session.residentId } : {};
  const now = ctx.now();
  const replies = row.parent_id === null ? await db.selectFrom('comments').select(COLUMNS).where('parent_id', '=', row.id).orderBy('created_at').execute() : [];
  const visible = replies.filter((r) => r.status === 'published' || (r.status === 'pending' && r.resident_id === viewer.residentId));
  return { ...presentComment(storedComment(row), viewer, now), replies: visible.map((r) => presentComment(storedComment(r), viewer, now)) };
}

/**
 * Takes a comment or a reply: the campaign's discussion sign-in, open discussion, the length limit, one
 * level of threading, the hourly limit per resident; published at once or held for pre-moderation.
 * The name is kept only with the name consent (its version, time and address recorded).
 */
export async function postComment(ctx: Ctx, projectId: string, body: unknown, caller: Caller): Promise<Comment> {
  const campaign = await projectCampaign(ctx, projectId);
  const input = parseWith(CommentInput, body, 'comment');
  const policy = discussionPolicy(campaign);
  const session = requireDiscussant(policy, campaign.id, caller.session);
  if (!policy.open) throw new VecheError('phase-closed', 'The discussion of this campaign is closed', { details: { phase: 'discussion', state: 'closed' } });
  let parent: { parentId?: string } | undefined;
  if (input.parentId !== undefined) {
    const row = await ctx.db.selectFrom('comments').select(['project_id', 'parent_id', 'status']).where('id', '=', input.parentId).executeTakeFirst();
    if (!row || row.project_id !== projectId || row.status !== 'published') {
      throw invalidComment([{ field: 'parentId', message: 'is not a published comment of this project' }]);
    }
    parent = row.parent_id === null ? {} : { parentId: row.parent_id };
  }
  const issues = checkComment(policy, input, parent);
  if (issues.length > 0) throw invalidComment(issues);
  const name = publicName(input, session.displayName);
  return once(ctx, `comment:${projectId}:${session.residentId}`, caller.idempotencyKey, async (trx) => {
    const now = ctx.now();
    const since = new Date(now.getTime() - HOUR).toISOString();
    const recent = await trx
      .selectFrom('comments')
      .select('created_at')
      .where('resident_id', '=', session.residentId)
      .where('created_at', '>', since)
      .orderBy('created_at')
      .limit(policy.perHour)
      .execute();
    if (recent.length >= policy.perHour) {
      const retryAfter = Math.max(1, Math.ceil((Date.parse(recent[0]!.created_at) + HOUR - now.getTime()) / 1000));
      throw new VecheError('rate-limited', `At most ${policy.perHour} comments an hour`, { retryAfter });
    }
    const consent = name ? input.consents.find((c) => c.kind === 'publish-name' && c.accepted) : undefined;
    const row: CommentsTable = {
      id: randomId('c'),
      project_id: projectId,
      campaign_id: campaign.id,
      parent_id: input.parentId ?? null,
      resident_id: session.residentId,
      body: input.body,
      stance: input.parentId === undefined ? (input.stance ?? null) : null,
      author_name: name ?? null,
      official: 0,
      status: policy.premoderation ? 'pending' : 'published',
      useful: 0,
      reports: 0,
      consents: consent
        ? JSON.stringify([{ ...consent, version: nameConsentVersion(policy), at: now.toISOString(), ip: caller.ip, text: policy.nameConsent?.text ?? null }])
        : null,
      ip: caller.ip,
      created_at: now.toISOString(),
      edited_at: null,
      moderated_at: null,
      note: null,
    };
    await trx.insertInto('comments').values(row).execute();
    return thread(ctx, row.id, session, trx);
  });
}

/** Changes the text (and a top-level comment's stance) of the resident's own comment within 10 minutes. */
export async function editComment(ctx: Ctx, commentId: string, body: unknown, session: Session | null): Promise<Comment> {
  const row = await commentRow(ctx, commentId);
  const campaign = await loadCampaign(ctx, row.campaign_id);
  const policy = discussionPolicy(campaign);
  const resident = requireDiscussant(policy, campaign.id, session);
  const edit = parseWith(CommentEdit, body, 'comment edit');
  if (row.resident_id !== resident.residentId) throw new VecheError('forbidden', 'Only its author can edit a comment');
  if (row.status === 'hidden') throw new VecheError('forbidden', 'A moderator hid this comment');
  requireEditable(row.created_at, ctx.now());
  const issues = checkComment(policy, { body: edit.body, consents: [] });
  if (issues.length > 0) throw invalidComment(issues);
  const until = editableUntil(row.created_at);
  const done = await ctx.db
    .updateTable('comments')
    .set({
      body: edit.body,
      ...(row.parent_id === null ? { stance: edit.stance ?? null } : {}),
      edited_at: iso(ctx),
      ...(policy.premoderation ? { status: 'pending' } : {}),
    })
    .where('id', '=', commentId)
    .where('resident_id', '=', resident.residentId)
    .where('status', '!=', 'hidden')
    .where('created_at', '>', new Date(ctx.now().getTime() - COMMENT_EDIT_MINUTES * 60_000).toISOString())
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) === 0) {
    throw new VecheError('forbidden', `A comment can be edited for ${COMMENT_EDIT_MINUTES} minutes after it is posted`, { details: { reason: 'edit-window', editableUntil: until } });
  }
  return thread(ctx, commentId, session);
}

/** A published comment of someone else, and the resident who acts on it. */
async function othersComment(ctx: Ctx, commentId: string, session: Session | null, what: string): Promise<{ row: Row; residentId: string; campaign: Campaign }> {
  const row = await commentRow(ctx, commentId);
  const campaign = await loadCampaign(ctx, row.campaign_id);
  const resident = requireDiscussant(discussionPolicy(campaign), campaign.id, session);
  if (row.status !== 'published') throw new VecheError('not-found', `There is no comment ${commentId}`);
  if (row.resident_id === resident.residentId) throw new VecheError('forbidden', `You cannot ${what} your own comment`);
  return { row, residentId: resident.residentId, campaign };
}

/** Marks a comment useful, or takes the mark back; repeating either changes nothing. */
export async function markComment(ctx: Ctx, commentId: string, useful: boolean, session: Session | null): Promise<CommentMark> {
  const { residentId } = await othersComment(ctx, commentId, session, 'mark');
  return ctx.db.transaction().execute(async (trx) => {
    if (useful) {
      const added = await trx
        .insertInto('comment_marks')
        .values({ comment_id: commentId, resident_id: residentId, created_at: iso(ctx) })
        .onConflict((oc) => oc.columns(['comment_id', 'resident_id']).doNothing())
        .executeTakeFirst();
      if (Number(added.numInsertedOrUpdatedRows ?? 0) > 0) {
        await trx.updateTable('comments').set((eb) => ({ useful: eb('useful', '+', 1) })).where('id', '=', commentId).execute();
      }
    } else {
      const removed = await trx.deleteFrom('comment_marks').where('comment_id', '=', commentId).where('resident_id', '=', residentId).executeTakeFirst();
      if (Number(removed.numDeletedRows) > 0) {
        await trx.updateTable('comments').set((eb) => ({ useful: eb('useful', '-', 1) })).where('id', '=', commentId).execute();
      }
    }
    const row = await trx.selectFrom('comments').select('useful').where('id', '=', commentId).executeTakeFirstOrThrow();
    return { commentId, useful: Number(row.useful), marked: useful };
  });
}

/**
 * Reports a comment to the moderators, once per resident. Enough reports since the last moderation
 * (`hideAfterReports`) take it off the page until a moderator decides; official answers stay.
 */
export async function reportComment(ctx: Ctx, commentId: string, body: unknown, session: Session | null): Promise<void> {
  const report = parseWith(CommentReport, body, 'report');
  const { residentId, campaign } = await othersComment(ctx, commentId, session, 'report');
  const limit = discussionPolicy(campaign).hideAfterReports;
  await ctx.db.transaction().execute(async (trx) => {
    const added = await trx
      .insertInto('comment_reports')
      .values({ comment_id: commentId, resident_id: residentId, reason: report.reason, note: report.note ?? null, created_at: iso(ctx) })
      .onConflict((oc) => oc.columns(['comment_id', 'resident_id']).doNothing())
      .executeTakeFirst();
    if (Number(added.numInsertedOrUpdatedRows ?? 0) === 0) return;
    await trx.updateTable('comments').set((eb) => ({ reports: eb('reports', '+', 1) })).where('id', '=', commentId).execute();
    await trx
      .updateTable('comments')
      .set({ status: 'pending' })
      .where('id', '=', commentId)
      .where('status', '=', 'published')
      .where('official', '=', 0)
      .where('reports', '>=', limit)
      .execute();
  });
}

/** A comment in the moderation queue, with what the public never sees. */
export interface CommentRecord {
  comment: Comment;
  campaignId: string;
  residentId: string;
  ip: string | null;
  consents: unknown;
  reports: { reason: string; note: string | null; at: string }[];
  note: string | null;
}

export const QUEUES = ['pending', 'reported', 'hidden', 'published'] as const;

/**
 * The moderation queue of a campaign, oldest first: `pending` (pre-moderation, edits, reported too
 * often), `reported` (published with reports), `hidden` or `published`.
 */
export async function listCommentQueue(ctx: Ctx, campaignId: string, queue: string = 'pending'): Promise<CommentRecord[]> {
  await loadCampaign(ctx, campaignId);
  if (!(QUEUES as readonly string[]).includes(queue)) throw new VecheError('invalid-input', `Invalid status: must be one of ${QUEUES.join(', ')}`);
  let query = ctx.db.selectFrom('comments').select([...COLUMNS, 'ip', 'consents', 'note']).where('campaign_id', '=', campaignId);
  query = queue === 'reported' ? query.where('status', '=', 'published').where('reports', '>', 0) : query.where('status', '=', queue);
  const rows = await query.orderBy('created_at').limit(1000).execute();
  const reports = rows.length
    ? await ctx.db.selectFrom('comment_reports').select(['comment_id', 'reason', 'note', 'created_at']).where('comment_id', 'in', rows.map((r) => r.id)).orderBy('created_at').execute()
    : [];
  const now = ctx.now();
  return rows.map((r) => ({
    comment: { ...presentComment(storedComment(r), {}, now), replies: [] },
    campaignId: r.campaign_id,
    residentId: r.resident_id,
    ip: r.ip,
    consents: r.consents === null ? [] : JSON.parse(r.consents),
    reports: reports.filter((x) => x.comment_id === r.id).map((x) => ({ reason: x.reason, note: x.note, at: x.created_at })),
    note: r.note,
  }));
}

/** Publishes or hides a comment; publishing clears the count of reports (each resident still reports once). */
export async function moderateComment(ctx: Ctx, commentId: string, body: unknown): Promise<Comment> {
  const decision = parseWith(CommentModeration, body, 'moderation');
  const row = await commentRow(ctx, commentId);
  await ctx.db
    .updateTable('comments')
    .set({ status: decision.status, note: decision.note ?? null, moderated_at: iso(ctx), ...(decision.status === 'published' ? { reports: 0 } : {}) })
    .where('id', '=', row.id)
    .execute();
  ctx.cache.delete(`comments:${row.project_id}`);
  return thread(ctx, commentId, null);
}

/** An answer from the administration: published at once, marked official, pinned. */
export async function postOfficialAnswer(ctx: Ctx, projectId: string, body: unknown): Promise<Comment> {
  const answer = parseWith(OfficialAnswer, body, 'official answer');
  const campaign = await projectCampaign(ctx, projectId);
  if (answer.parentId !== undefined) {
    const parent = await ctx.db.selectFrom('comments').select(['project_id', 'parent_id']).where('id', '=', answer.parentId).executeTakeFirst();
    if (!parent || parent.project_id !== projectId || parent.parent_id !== null) {
      throw invalidComment([{ field: 'parentId', message: 'must be a top-level comment of this project' }], 'official answer');
    }
  }
  const id = randomId('c');
  await ctx.db
    .insertInto('comments')
    .values({
      id,
      project_id: projectId,
      campaign_id: campaign.id,
      parent_id: answer.parentId ?? null,
      resident_id: ADMIN,
      body: answer.body,
      stance: null,
      author_name: answer.authorName,
      official: 1,
      status: 'published',
      useful: 0,
      reports: 0,
      consents: null,
      ip: null,
      created_at: iso(ctx),
      edited_at: null,
      moderated_at: null,
      note: null,
    })
    .execute();
  ctx.cache.delete(`comments:${projectId}`);
  return thread(ctx, id, null);
}

/** Comments of a fixture (the demo), by their own ids, authors `seed-<id>`. */
export async function seedComments(ctx: Ctx, campaignId: string, seeds: NonNullable<DiscussionFixture['comments']>): Promise<void> {
  const tops = [...seeds].sort((a, b) => Number(a.parentId !== undefined) - Number(b.parentId !== undefined));
  for (const s of tops) {
    await ctx.db
      .insertInto('comments')
      .values({
        id: s.id,
        project_id: s.projectId,
        campaign_id: campaignId,
        parent_id: s.parentId ?? null,
        resident_id: s.official ? ADMIN : `seed-${s.id}`,
        body: s.body,
        stance: s.parentId === undefined ? (s.stance ?? null) : null,
        author_name: s.authorName ?? null,
        official: s.official ? 1 : 0,
        status: s.status ?? 'published',
        useful: s.useful ?? 0,
        reports: 0,
        consents: null,
        ip: null,
        created_at: s.createdAt,
        edited_at: null,
        moderated_at: null,
        note: null,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
}

/** The discussion of a fixture (the demo): its comments, polls and other residents' answers. */
export async function seedDiscussion(ctx: Ctx, campaignId: string, fixture: DiscussionFixture): Promise<void> {
  await seedComments(ctx, campaignId, fixture.comments ?? []);
  await seedPolls(ctx, fixture.polls ?? [], fixture.pollAnswers);
}
