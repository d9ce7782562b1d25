import type { CallOptions, MutationOptions } from '../adapter/adapter.ts';
import { VecheError } from '../adapter/errors.ts';
import type { CommentStatus, Stance } from '../domain/discussion.ts';
import type { SignInMethod } from '../domain/values.ts';
import {
  arrangeComments,
  checkComment,
  commentPolicy,
  discussionPolicy,
  invalidComment,
  presentComment,
  publicName,
  requireDiscussant,
  requireEditable,
  type StoredComment,
  type Viewer,
} from '../rules/comments.ts';
import { checkPollAnswer, pollResultsVisible, pollState, requirePollOpen, tallyPoll } from '../rules/polls.ts';
import type { Campaign } from '../schemas/campaign.ts';
import {
  type Comment,
  CommentEdit,
  CommentInput,
  type CommentInputDraft,
  type CommentMark,
  type CommentPage,
  CommentQuery,
  CommentReport,
  Poll,
  type PollAnswer,
  PollAnswerInput,
  type PollAnswerDraft,
  type PollInput,
  type PollView,
  type Reply,
} from '../schemas/discussion.ts';
import type { Project } from '../schemas/project.ts';
import { parseWith } from '../schemas/validate.ts';

/** A comment of the fixture: written by other residents (or the administration) before the adapter started. */
export interface CommentSeed {
  id: string;
  projectId: string;
  parentId?: string;
  body: string;
  stance?: Stance;
  authorName?: string;
  official?: boolean;
  status?: CommentStatus;
  /** Useful marks from other residents. */
  useful?: number;
  createdAt: string;
}

/** The discussion part of a MemoryFixture. */
export interface DiscussionFixture {
  comments?: CommentSeed[];
  polls?: PollInput[];
  /** Answers other residents gave, per poll. */
  pollAnswers?: Record<string, { choices: string[]; other?: string }[]>;
}

/** What the MemoryAdapter keeps of the discussion between reloads. */
export interface DiscussionState {
  /** Residents' own comments (fixture comments are not stored, only what happened to them). */
  comments: (StoredComment & { campaignId: string })[];
  /** Residents who marked each comment useful. */
  marks: Record<string, string[]>;
  /** Reports per comment: resident → reason. */
  reports: Record<string, Record<string, string>>;
  /** Answers per poll, by voter (`r:<resident>` or `d:<device>`). */
  answers: Record<string, Record<string, PollAnswer>>;
  /** This browser's device id for low-stakes polls. */
  device: string;
}

export const emptyDiscussion = (): DiscussionState => ({ comments: [], marks: {}, reports: {}, answers: {}, device: randomId() });

const randomId = (): string => Array.from(globalThis.crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');

/** What the discussion needs of its MemoryAdapter. */
export interface DiscussionHost {
  now(): Date;
  enter(options?: CallOptions): Promise<void>;
  campaign(id: string): Campaign;
  /** A public project, or `not-found`. */
  project(id: string): Project;
  session(): { residentId: string; method: SignInMethod } | null;
  state(): DiscussionState;
  save(): void;
  remember<T>(key: string | undefined, scope: string, make: () => T): T;
}

const clone = <T>(value: T): T => structuredClone(value);
const HOUR = 3_600_000;

/**
 * Comments and polls of the MemoryAdapter, with the rules of the reference server: sign-in by the
 * campaign's discussion policy, one level of threading, pre-moderation, the 10-minute edit window,
 * rate and length limits, one mark and one report per resident, reports hiding a comment, and one poll
 * answer per resident (or per device).
 */
export class MemoryDiscussion {
  readonly #host: DiscussionHost;
  readonly #seeds = new Map<string, StoredComment & { campaignId: string }>();
  readonly #polls = new Map<string, Poll>();
  readonly #seedAnswers = new Map<string, { choices: string[]; other?: string }[]>();

  constructor(host: DiscussionHost) {
    this.#host = host;
  }

  /** Residents who commented in a campaign (not the administration), for the participation report. */
  commenters(campaignId: string): string[] {
    return [...this.#seeds.values(), ...this.#host.state().comments]
      .filter((c) => c.campaignId === campaignId && !c.official && c.status !== 'hidden')
      .map((c) => c.authorId);
  }

  /** Takes in a fixture's comments and polls (after its campaign and projects). */
  load(fixture: DiscussionFixture, campaignId: string): void {
    for (const seed of fixture.comments ?? []) {
      this.#seeds.set(seed.id, {
        id: seed.id,
        projectId: seed.projectId,
        campaignId,
        body: seed.body,
        official: seed.official ?? false,
        status: seed.status ?? 'published',
        useful: seed.useful ?? 0,
        createdAt: seed.createdAt,
        authorId: `seed-${seed.id}`,
        ...(seed.parentId ? { parentId: seed.parentId } : {}),
        ...(seed.stance ? { stance: seed.stance } : {}),
        ...(seed.authorName ? { authorName: seed.authorName } : {}),
      });
    }
    for (const input of fixture.polls ?? []) {
      const poll = parseWith(Poll, input, `poll ${input.id}`);
      if (poll.campaignId !== campaignId) throw new VecheError('invalid-input', `Poll ${poll.id} belongs to another campaign`);
      this.#polls.set(poll.id, poll);
    }
    for (const [id, answers] of Object.entries(fixture.pollAnswers ?? {})) this.#seedAnswers.set(id, answers);
  }

  get #state(): DiscussionState {
    return this.#host.state();
  }

  /** Every comment with the marks and reports residents added. */
  #all(): (StoredComment & { campaignId: string })[] {
    const state = this.#state;
    const out: (StoredComment & { campaignId: string })[] = [];
    for (const c of [...this.#seeds.values(), ...state.comments]) out.push(this.#current(c));
    return out;
  }

  #current(c: StoredComment & { campaignId: string }): StoredComment & { campaignId: string } {
    const state = this.#state;
    const marks = state.marks[c.id]?.length ?? 0;
    const reports = Object.keys(state.reports[c.id] ?? {}).length;
    const limit = discussionPolicy(this.#host.campaign(c.campaignId)).hideAfterReports;
    const status: CommentStatus = c.status === 'published' && !c.official && reports >= limit ? 'pending' : c.status;
    return { ...c, useful: c.useful + marks, status };
  }

  #find(id: string): StoredComment & { campaignId: string } {
    const stored = this.#seeds.get(id) ?? this.#state.comments.find((c) => c.id === id);
    if (!stored) throw new VecheError('not-found', `There is no comment ${id}`);
    return this.#current(stored);
  }

  #viewer(): Viewer {
    const session = this.#host.session();
    if (!session) return {};
    const state = this.#state;
    const marked = new Set(Object.entries(state.marks).filter(([, who]) => who.includes(session.residentId)).map(([id]) => id));
    const reported = new Set(Object.entries(state.reports).filter(([, who]) => session.residentId in who).map(([id]) => id));
    return { residentId: session.residentId, marked, reported };
  }

  async listComments(projectId: string, query: CommentQuery = {}, options?: CallOptions): Promise<CommentPage> {
    await this.#host.enter(options);
    const campaign = this.#host.campaign(this.#host.project(projectId).campaignId);
    const q = parseWith(CommentQuery, query, 'comment query');
    const offset = q.cursor === undefined ? 0 : Number.parseInt(q.cursor, 36);
    if (!/^[0-9a-z]{1,8}$/.test(q.cursor ?? '0') || !Number.isInteger(offset)) {
      throw new VecheError('invalid-input', 'Invalid comment query: cursor is not one this adapter gave');
    }
    const mine = this.#all().filter((c) => c.projectId === projectId);
    const { threads, total, stances } = arrangeComments(mine, q.sort ?? 'newest', this.#viewer(), this.#host.now());
    const next = offset + (q.limit ?? 20);
    return { items: clone(threads.slice(offset, next)), nextCursor: next < threads.length ? next.toString(36) : null, total, stances, policy: commentPolicy(discussionPolicy(campaign)) };
  }

  /** The session, when it may take part in the campaign's discussion. */
  #discussant(campaign: Campaign): { residentId: string; method: SignInMethod } {
    return requireDiscussant(discussionPolicy(campaign), campaign.id, this.#host.session());
  }

  async postComment(projectId: string, draft: CommentInputDraft, options?: MutationOptions): Promise<Comment> {
    await this.#host.enter(options);
    const project = this.#host.project(projectId);
    const campaign = this.#host.campaign(project.campaignId);
    const input = parseWith(CommentInput, draft, 'comment');
    const policy = discussionPolicy(campaign);
    const session = this.#discussant(campaign);
    if (!policy.open) throw new VecheError('phase-closed', 'The discussion of this campaign is closed', { details: { phase: 'discussion', state: 'closed' } });
    let parent: StoredComment | undefined;
    if (input.parentId !== undefined) {
      parent = this.#all().find((c) => c.id === input.parentId && c.projectId === projectId && c.status === 'published');
      if (!parent) throw invalidComment([{ field: 'parentId', message: 'is not a published comment of this project' }]);
    }
    const issues = checkComment(policy, input, parent);
    if (issues.length > 0) throw invalidComment(issues);
    return this.#host.remember(options?.idempotencyKey, `comment:${session.residentId}`, () => {
      const now = this.#host.now();
      const recent = this.#state.comments.filter((c) => c.authorId === session.residentId && now.getTime() - Date.parse(c.createdAt) < HOUR);
      if (recent.length >= policy.perHour) {
        const retryAfter = Math.ceil((Date.parse(recent[0]!.createdAt) + HOUR - now.getTime()) / 1000);
        throw new VecheError('rate-limited', `At most ${policy.perHour} comments an hour`, { retryAfter });
      }
      const name = publicName(input);
      const stored: StoredComment & { campaignId: string } = {
        id: `comment-${randomId().slice(0, 12)}`,
        projectId,
        campaignId: campaign.id,
        body: input.body,
        official: false,
        status: policy.premoderation ? 'pending' : 'published',
        useful: 0,
        createdAt: now.toISOString(),
        authorId: session.residentId,
        ...(input.parentId ? { parentId: input.parentId } : input.stance ? { stance: input.stance } : {}),
        ...(name ? { authorName: name } : {}),
      };
      this.#state.comments.push(stored);
      this.#host.save();
      return { ...presentComment(stored, this.#viewer(), now), replies: [] };
    });
  }

  async editComment(commentId: string, draft: CommentEdit, options?: MutationOptions): Promise<Comment> {
    await this.#host.enter(options);
    const edit = parseWith(CommentEdit, draft, 'comment edit');
    const stored = this.#state.comments.find((c) => c.id === commentId);
    const current = this.#find(commentId);
    const campaign = this.#host.campaign(current.campaignId);
    const session = this.#discussant(campaign);
    if (!stored || stored.authorId !== session.residentId) throw new VecheError('forbidden', 'Only its author can edit a comment');
    if (current.status === 'hidden') throw new VecheError('forbidden', 'A moderator hid this comment');
    const now = this.#host.now();
    requireEditable(stored.createdAt, now);
    const policy = discussionPolicy(campaign);
    const issues = checkComment(policy, { body: edit.body, consents: [] });
    if (issues.length > 0) throw invalidComment(issues);
    stored.body = edit.body;
    if (stored.parentId === undefined) {
      if (edit.stance) stored.stance = edit.stance;
      else delete stored.stance;
    }
    stored.editedAt = now.toISOString();
    if (policy.premoderation) stored.status = 'pending';
    this.#host.save();
    return this.#thread(stored.id);
  }

  /** A comment with its replies as the viewer sees it. */
  #thread(id: string): Comment {
    const viewer = this.#viewer();
    const now = this.#host.now();
    const comment = this.#find(id);
    const replies: Reply[] = this.#all()
      .filter((c) => c.parentId === id && (c.status === 'published' || c.authorId === viewer.residentId))
      .map((c) => presentComment(c, viewer, now));
    return clone({ ...presentComment(comment, viewer, now), replies });
  }

  /** A published comment others may mark or report (never one's own). */
  #othersComment(commentId: string, what: string): { comment: StoredComment; residentId: string } {
    const comment = this.#find(commentId);
    const session = this.#discussant(this.#host.campaign(comment.campaignId));
    if (comment.status !== 'published') throw new VecheError('not-found', `There is no comment ${commentId}`);
    if (comment.authorId === session.residentId) throw new VecheError('forbidden', `You cannot ${what} your own comment`);
    return { comment, residentId: session.residentId };
  }

  async markComment(commentId: string, useful: boolean, options?: MutationOptions): Promise<CommentMark> {
    await this.#host.enter(options);
    const { residentId } = this.#othersComment(commentId, 'mark');
    const marks = (this.#state.marks[commentId] ??= []);
    const at = marks.indexOf(residentId);
    if (useful && at < 0) marks.push(residentId);
    if (!useful && at >= 0) marks.splice(at, 1);
    this.#host.save();
    return { commentId, useful: this.#find(commentId).useful, marked: useful };
  }

  async reportComment(commentId: string, draft: CommentReport, options?: MutationOptions): Promise<void> {
    await this.#host.enter(options);
    const report = parseWith(CommentReport, draft, 'report');
    const { residentId } = this.#othersComment(commentId, 'report');
    const reports = (this.#state.reports[commentId] ??= {});
    reports[residentId] ??= report.reason;
    this.#host.save();
  }

  #poll(id: string): Poll {
    const poll = this.#polls.get(id);
    if (!poll) throw new VecheError('not-found', `There is no poll ${id}`);
    this.#host.campaign(poll.campaignId);
    return poll;
  }

  /** Who answers: the signed-in resident, or this browser for a device poll. */
  #voter(poll: Poll, required: boolean): string | undefined {
    if (poll.audience === 'device') return `d:${this.#state.device}`;
    const campaign = this.#host.campaign(poll.campaignId);
    const session = this.#host.session();
    if (!required && !session) return undefined;
    return `r:${requireDiscussant(discussionPolicy(campaign), campaign.id, session).residentId}`;
  }

  #view(poll: Poll, voter: string | undefined): PollView {
    const now = this.#host.now();
    const answers = this.#state.answers[poll.id] ?? {};
    const answer = voter === undefined ? null : (answers[voter] ?? null);
    const signIn = poll.audience === 'resident' ? discussionPolicy(this.#host.campaign(poll.campaignId)).signIn : [];
    const view: PollView = { poll: clone(poll), state: pollState(poll, now), answer: clone(answer), signIn: [...signIn] };
    if (pollResultsVisible(poll, now, answer !== null)) {
      view.results = tallyPoll(poll, [...(this.#seedAnswers.get(poll.id) ?? []), ...Object.values(answers)]);
    }
    return view;
  }

  async getPoll(pollId: string, options?: CallOptions): Promise<PollView> {
    await this.#host.enter(options);
    const poll = this.#poll(pollId);
    let voter: string | undefined;
    try {
      voter = this.#voter(poll, false);
    } catch {
      voter = undefined;
    }
    return this.#view(poll, voter);
  }

  async answerPoll(pollId: string, draft: PollAnswerDraft, options?: MutationOptions): Promise<PollView> {
    await this.#host.enter(options);
    const poll = this.#poll(pollId);
    const input = parseWith(PollAnswerInput, draft, 'poll answer');
    requirePollOpen(poll, this.#host.now());
    const voter = this.#voter(poll, true)!;
    const issues = checkPollAnswer(poll, input);
    if (issues.length > 0) throw invalidComment(issues, 'poll answer');
    return this.#host.remember(options?.idempotencyKey, `poll:${pollId}:${voter}`, () => {
      const answers = (this.#state.answers[pollId] ??= {});
      if (answers[voter]) throw new VecheError('conflict', 'This poll is already answered', { details: { answered: true } });
      const other = input.other?.trim();
      answers[voter] = { choices: input.choices, answeredAt: this.#host.now().toISOString(), ...(other ? { other } : {}) };
      this.#host.save();
      return this.#view(poll, voter);
    });
  }
}
