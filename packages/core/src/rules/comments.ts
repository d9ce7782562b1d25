import { VecheError } from '../adapter/errors.ts';
import { COMMENT_EDIT_MINUTES, DEFAULT_NAME_CONSENT_VERSION, type CommentSort, type Stance } from '../domain/discussion.ts';
import type { SignInMethod } from '../domain/values.ts';
import type { Comment, CommentInput, DiscussionPolicy, Reply, StanceCounts } from '../schemas/discussion.ts';
import type { FieldIssue } from '../schemas/validate.ts';

export { commentPolicy, discussionPolicy, nameConsentVersion } from './discussion-policy.ts';

export type CommentIssueCode = 'required' | 'too-long' | 'not-a-thread' | 'consent-outdated' | 'name-required';

export interface CommentIssue extends FieldIssue {
  code: CommentIssueCode;
  limit?: number;
}


/** The comment's parent as the checker needs it: does it exist, and is it itself a reply? */
export interface ParentInfo {
  parentId?: string | undefined;
}

/**
 * Checks a comment against the campaign's policy: its length, the one level of threading (a reply
 * answers a top-level comment), and the name consent in its current version when a name is given.
 * The comment form shows these by the fields; the server refuses a comment that has any.
 */
export function checkComment(
  policy: Pick<DiscussionPolicy, 'maxLength' | 'nameConsent'>,
  input: Pick<CommentInput, 'body' | 'authorName' | 'consents'>,
  parent?: ParentInfo | null,
): CommentIssue[] {
  const issues: CommentIssue[] = [];
  const body = input.body.trim();
  if (body.length === 0) issues.push({ field: 'body', code: 'required', message: 'is required' });
  else if (body.length > policy.maxLength) {
    issues.push({ field: 'body', code: 'too-long', limit: policy.maxLength, message: `must be at most ${policy.maxLength} characters` });
  }
  if (parent && parent.parentId !== undefined) {
    issues.push({ field: 'parentId', code: 'not-a-thread', message: 'must be a top-level comment: replies are one level deep' });
  }
  const consent = input.consents.find((c) => c.kind === 'publish-name' && c.accepted);
  if (consent) {
    const version = policy.nameConsent?.version ?? DEFAULT_NAME_CONSENT_VERSION;
    if (consent.version !== version) {
      issues.push({ field: 'consents.publish-name', code: 'consent-outdated', message: `was given to version ${consent.version}, the current one is ${version}` });
    }
  }
  return issues;
}

/** The `invalid-input` error for a comment's (or a poll answer's) issues: every field in the message and in `details.issues`. */
export function invalidComment(issues: readonly { field: string; message: string }[], what = 'comment'): VecheError {
  return new VecheError('invalid-input', `Invalid ${what}: ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}`, { details: { issues } });
}

/**
 * The name shown with a comment: the name typed (or the one the host site vouched for) only when the
 * resident gave the `publish-name` consent; otherwise none.
 */
export function publicName(input: Pick<CommentInput, 'authorName' | 'consents'>, vouched?: string): string | undefined {
  if (!input.consents.some((c) => c.kind === 'publish-name' && c.accepted)) return undefined;
  const name = input.authorName?.trim() || vouched?.trim();
  return name ? name.slice(0, 200) : undefined;
}

/** Until when a comment posted at `createdAt` may be edited by its author. */
export const editableUntil = (createdAt: string): string => new Date(Date.parse(createdAt) + COMMENT_EDIT_MINUTES * 60_000).toISOString();

/** Throws `forbidden` (with `details.editableUntil`) once the edit window of a comment has passed. */
export function requireEditable(createdAt: string, now: Date): void {
  const until = editableUntil(createdAt);
  if (now.getTime() >= Date.parse(until)) {
    throw new VecheError('forbidden', `A comment can be edited for ${COMMENT_EDIT_MINUTES} minutes after it is posted`, {
      details: { reason: 'edit-window', editableUntil: until },
    });
  }
}

/** Throws `unauthorized`/`forbidden` (with `details.methods`) unless the session may take part in the discussion. */
export function requireDiscussant<S extends { method: SignInMethod; campaignId?: string | undefined }>(
  policy: Pick<DiscussionPolicy, 'signIn'>,
  campaignId: string,
  session: S | null,
): S {
  const methods = policy.signIn;
  if (!session) throw new VecheError('unauthorized', 'Sign in first', { details: { methods } });
  if (!methods.includes(session.method)) {
    throw new VecheError('forbidden', `This campaign does not accept ${session.method} sign-in for the discussion`, { details: { methods } });
  }
  if (session.campaignId !== undefined && session.campaignId !== campaignId) {
    throw new VecheError('forbidden', 'This voting code belongs to another campaign', { details: { methods } });
  }
  return session;
}

/** A stored comment as the service keeps it, before it is shown to someone. */
export interface StoredComment extends Omit<Reply, 'mine' | 'editableUntil' | 'marked' | 'reported'> {
  authorId: string;
}

export interface Viewer {
  residentId?: string | undefined;
  /** Comments the viewer marked useful, and reported. */
  marked?: ReadonlySet<string>;
  reported?: ReadonlySet<string>;
}

/** A stored comment as `viewer` sees it: never the author's id, their own marks and edit window. */
export function presentComment(c: StoredComment, viewer: Viewer, now: Date): Reply {
  // Field by field: whatever else a store keeps beside a comment (campaign, author, address) stays there.
  const reply: Reply = { id: c.id, projectId: c.projectId, body: c.body, official: c.official, status: c.status, useful: c.useful, createdAt: c.createdAt };
  if (c.parentId !== undefined) reply.parentId = c.parentId;
  if (c.stance !== undefined) reply.stance = c.stance;
  if (c.authorName !== undefined) reply.authorName = c.authorName;
  if (c.editedAt !== undefined) reply.editedAt = c.editedAt;
  if (viewer.residentId === undefined) return reply;
  if (c.authorId === viewer.residentId) {
    reply.mine = true;
    const until = editableUntil(c.createdAt);
    if (!c.official && now.getTime() < Date.parse(until)) reply.editableUntil = until;
  }
  if (viewer.marked?.has(c.id)) reply.marked = true;
  if (viewer.reported?.has(c.id)) reply.reported = true;
  return reply;
}

/** Whether `viewer` may see a stored comment: published ones, and their own that wait for moderation. */
export const visibleTo = (c: Pick<StoredComment, 'status' | 'authorId'>, viewer: Viewer): boolean =>
  c.status === 'published' || (c.status === 'pending' && viewer.residentId !== undefined && c.authorId === viewer.residentId);

const newestFirst = (a: { createdAt: string; id: string }, b: { createdAt: string; id: string }) =>
  a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1;

/**
 * The threads `viewer` sees, in order: official comments pinned first, then by `sort` (newest, or most
 * useful then newest); replies oldest first with official answers first. A thread whose top comment
 * the viewer cannot see is not shown at all. Also the published total and the stances.
 */
export function arrangeComments(
  stored: readonly StoredComment[],
  sort: CommentSort,
  viewer: Viewer,
  now: Date,
): { threads: Comment[]; total: number; stances: StanceCounts } {
  const replies = new Map<string, StoredComment[]>();
  const tops: StoredComment[] = [];
  for (const c of stored) {
    if (c.parentId === undefined) tops.push(c);
    else {
      const list = replies.get(c.parentId);
      if (list) list.push(c);
      else replies.set(c.parentId, [c]);
    }
  }
  const stances: StanceCounts = { for: 0, against: 0, neutral: 0 };
  let total = 0;
  const threads: Comment[] = [];
  const byUseful = (a: StoredComment, b: StoredComment) => b.useful - a.useful || newestFirst(a, b);
  const order = (a: StoredComment, b: StoredComment) =>
    Number(b.official) - Number(a.official) || (sort === 'useful' ? byUseful(a, b) : newestFirst(a, b));
  for (const top of tops.sort(order)) {
    if (!visibleTo(top, viewer)) continue;
    const published = top.status === 'published';
    if (published) {
      total++;
      if (top.stance) stances[top.stance as Stance]++;
    }
    const answers = (replies.get(top.id) ?? [])
      .filter((r) => visibleTo(r, viewer))
      .sort((a, b) => Number(b.official) - Number(a.official) || -newestFirst(a, b));
    if (published) total += answers.filter((r) => r.status === 'published').length;
    threads.push({ ...presentComment(top, viewer, now), replies: answers.map((r) => presentComment(r, viewer, now)) });
  }
  return { threads, total, stances };
}
