import {
  Comment,
  CommentEdit,
  CommentInput,
  CommentMark,
  CommentModeration,
  CommentPage,
  CommentReport,
  OfficialAnswer,
  Poll,
  PollAnswerInput,
  PollResults,
  PollView,
  VecheError,
  parseWith,
} from '@veche/core';
import * as z from 'zod/mini';
import * as comments from '../service/comments.ts';
import type { Ctx } from '../service/context.ts';
import * as polls from '../service/polls.ts';
import type { QueryParam, Req, RouteDef } from './route.ts';

const COMMENT_QUERY: QueryParam[] = [
  { name: 'sort', description: 'newest (default) or useful; official answers are pinned first either way', schema: { type: 'string', enum: ['newest', 'useful'] } },
  { name: 'cursor', description: 'The nextCursor of the previous page', schema: { type: 'string' } },
  { name: 'limit', description: 'Threads a page (20)', schema: { type: 'integer', minimum: 1, maximum: 50 } },
];

/** The comment query from a query string: `limit` as a number. */
function commentQuery(query: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...query };
  if (typeof query['limit'] === 'string' && /^\d{1,4}$/.test(query['limit'])) out['limit'] = Number(query['limit']);
  return out;
}

const one = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** What a poll request says of its device: the adapter's id and hints (query or body), the address, the browser. */
function pollCaller(r: Req, device?: { id?: string; hints?: string }): polls.PollCaller {
  const headers = r.raw.headers;
  return {
    session: r.session,
    ip: r.ip,
    userAgent: one(headers['user-agent'])?.slice(0, 500),
    language: one(headers['accept-language'])?.slice(0, 200),
    device: device ?? { id: one(r.query['device']), hints: one(r.query['hints']) },
    idempotencyKey: r.idempotencyKey,
  };
}

const Queue = z.array(z.object({ comment: Comment, campaignId: z.string(), residentId: z.string(), reports: z.array(z.unknown()) }));
const PollReport = z.object({ poll: Poll, state: z.string(), results: PollResults, other: z.array(z.object({ text: z.string(), at: z.string() })) });

/**
 * Comments and polls: the public routes, and with `admin` the moderation queue, moderators' decisions,
 * official answers and polls. Registered by app.ts beside the other routes.
 */
export function discussionRoutes(ctx: Ctx, admin: boolean): RouteDef[] {
  const publicRoutes: RouteDef[] = [
    {
      method: 'GET', url: '/api/projects/:projectId/comments', tag: 'discussion', auth: 'resident',
      summary: "A project's discussion: threads one level deep, official answers pinned; with a token, the resident's own comments waiting for moderation too",
      query: COMMENT_QUERY, response: CommentPage, errors: ['not-found', 'unauthorized'],
      handler: (r) => comments.listComments(ctx, r.params['projectId']!, commentQuery(r.query), r.session),
    },
    {
      method: 'POST', url: '/api/projects/:projectId/comments', tag: 'discussion', auth: 'resident',
      summary: 'Post a comment or a reply (201; `status: pending` under pre-moderation); the name is shown only with the publish-name consent',
      body: CommentInput, response: Comment, status: 201, idempotent: true, perMinute: 20,
      errors: ['not-found', 'unauthorized', 'forbidden', 'phase-closed'],
      handler: (r) => comments.postComment(ctx, r.params['projectId']!, r.body, r),
    },
    {
      method: 'PUT', url: '/api/comments/:commentId', tag: 'discussion', auth: 'resident',
      summary: 'Edit your own comment within 10 minutes of posting it (403 after, with details.editableUntil)',
      body: CommentEdit, response: Comment, perMinute: 30, errors: ['not-found', 'unauthorized', 'forbidden'],
      handler: (r) => comments.editComment(ctx, r.params['commentId']!, r.body, r.session),
    },
    {
      method: 'PUT', url: '/api/comments/:commentId/useful', tag: 'discussion', auth: 'resident',
      summary: 'Mark a comment useful (once per resident; repeating changes nothing)', response: CommentMark, idempotent: true,
      errors: ['not-found', 'unauthorized', 'forbidden'],
      handler: (r) => comments.markComment(ctx, r.params['commentId']!, true, r.session),
    },
    {
      method: 'DELETE', url: '/api/comments/:commentId/useful', tag: 'discussion', auth: 'resident',
      summary: 'Take the useful mark back', response: CommentMark, idempotent: true, errors: ['not-found', 'unauthorized', 'forbidden'],
      handler: (r) => comments.markComment(ctx, r.params['commentId']!, false, r.session),
    },
    {
      method: 'POST', url: '/api/comments/:commentId/reports', tag: 'discussion', auth: 'resident',
      summary: 'Report a comment to the moderators (once per resident; enough reports take it off the page until a moderator looks)',
      body: CommentReport, response: 'none', status: 204, idempotent: true, perMinute: 20, errors: ['not-found', 'unauthorized', 'forbidden'],
      handler: async (r) => comments.reportComment(ctx, r.params['commentId']!, r.body, r.session),
    },
    {
      method: 'GET', url: '/api/polls/:pollId', tag: 'discussion', auth: 'resident',
      summary: "A quick poll with the resident's (or the device's) answer and, after answering or closing, the results",
      query: [
        { name: 'device', description: "Device polls: the adapter's device id", schema: { type: 'string', maxLength: 64 } },
        { name: 'hints', description: 'Device polls: what the browser says of the device (screen, time zone …)', schema: { type: 'string', maxLength: 500 } },
      ],
      response: PollView, errors: ['not-found', 'unauthorized'],
      handler: (r) => polls.getPoll(ctx, r.params['pollId']!, pollCaller(r)),
    },
    {
      method: 'POST', url: '/api/polls/:pollId/answers', tag: 'discussion', auth: 'resident',
      summary: 'Answer a poll once: per resident, or per device for low-stakes polls (409 for a second answer)',
      body: PollAnswerInput, response: PollView, idempotent: true, perMinute: 30,
      errors: ['not-found', 'unauthorized', 'forbidden', 'phase-closed', 'conflict'],
      handler: (r) => {
        const device = (r.body as { device?: { id?: string; hints?: string } } | null)?.device;
        return polls.answerPoll(ctx, r.params['pollId']!, r.body, pollCaller(r, typeof device === 'object' && device !== null ? device : {}));
      },
    },
  ];
  if (!admin) return publicRoutes;
  const base = { tag: 'admin' as const, auth: 'admin' as const };
  return [
    ...publicRoutes,
    {
      ...base, method: 'GET', url: '/api/admin/campaigns/:campaignId/comments',
      summary: 'The comment moderation queue with authors, addresses, consents and reports',
      query: [{ name: 'status', description: 'pending (default), reported, hidden or published', schema: { type: 'string', enum: [...comments.QUEUES] } }],
      response: Queue, errors: ['not-found'],
      handler: (r) => comments.listCommentQueue(ctx, r.params['campaignId']!, one(r.query['status']) ?? 'pending'),
    },
    {
      ...base, method: 'POST', url: '/api/admin/comments/:commentId/moderation', summary: 'Publish or hide a comment, with an optional note',
      body: CommentModeration, response: Comment, errors: ['not-found'],
      handler: (r) => comments.moderateComment(ctx, r.params['commentId']!, r.body),
    },
    {
      ...base, method: 'POST', url: '/api/admin/projects/:projectId/comments', summary: 'Post an official answer (marked as such and pinned), on the project or to a comment',
      body: OfficialAnswer, response: Comment, status: 201, errors: ['not-found'],
      handler: (r) => comments.postOfficialAnswer(ctx, r.params['projectId']!, r.body),
    },
    {
      ...base, method: 'PUT', url: '/api/admin/polls/:pollId', summary: 'Create or replace a poll (its kind, audience and options freeze once answered: 409)',
      body: Poll, response: Poll, errors: ['not-found', 'conflict'],
      handler: (r) => {
        const poll = parseWith(Poll, r.body, 'poll');
        if (poll.id !== r.params['pollId']) throw new VecheError('invalid-input', `Invalid body: its id ${poll.id} differs from the address (${r.params['pollId']!})`);
        return polls.putPoll(ctx, poll);
      },
    },
    {
      ...base, method: 'GET', url: '/api/admin/polls/:pollId', summary: 'A poll with its results at any time and the «other» answers',
      response: PollReport, errors: ['not-found'],
      handler: (r) => polls.pollReport(ctx, r.params['pollId']!),
    },
  ];
}
