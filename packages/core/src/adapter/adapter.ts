import type { SignInMethod } from '../domain/values.ts';
import type { Ballot, BallotInput } from '../schemas/ballot.ts';
import type { Campaign } from '../schemas/campaign.ts';
import type { IdeaInputDraft, IdeaReceipt, UploadedImage } from '../schemas/idea.ts';
import type { CodeRequestReceipt, Identity, SignInRequest, SupportState } from '../schemas/identity.ts';
import type { Project, ProjectPage, ProjectQuery } from '../schemas/project.ts';
import type { Results } from '../schemas/results.ts';
import type { Comment, CommentEdit, CommentInputDraft, CommentMark, CommentPage, CommentQuery, CommentReport, PollAnswerDraft, PollView } from '../schemas/discussion.ts';
import type { ParticipationReport, UpdatePage, UpdateQuery } from '../schemas/reporting.ts';

export interface CallOptions {
  /** Cancels the call; the promise then rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
}

export interface MutationOptions extends CallOptions {
  /** Applies the call once however often it is repeated with the same key. */
  idempotencyKey?: string | undefined;
}

/** What a backend can do; elements hide actions it cannot. */
export interface AdapterCapabilities {
  readonly ideas: boolean;
  readonly uploads: boolean;
  readonly support: boolean;
  readonly ballot: boolean;
  readonly results: boolean;
  /** Ways a resident can sign in; empty for a read-only backend. */
  readonly signIn: readonly SignInMethod[];
  /** Whether `subscribe` pushes or polls live changes. */
  readonly live: boolean;
  /** Comments on projects: posting, editing, marks and reports (`listComments` alone is read-only). */
  readonly comments?: boolean;
  /** Answering quick polls (`getPoll` alone shows them read-only). */
  readonly polls?: boolean;
  /** News of campaigns and projects (`listUpdates`). */
  readonly updates?: boolean;
  /** The participation report (`getParticipation`). */
  readonly participation?: boolean;
}

/** What a backend that implements the whole HTTP contract can do. */
export const FULL_CAPABILITIES: AdapterCapabilities = Object.freeze({
  ideas: true,
  uploads: true,
  support: true,
  ballot: true,
  results: true,
  signIn: Object.freeze(['voting-code', 'one-time-code', 'host-token'] as const),
  live: true,
  comments: true,
  polls: true,
  updates: true,
  participation: true,
});

/** A change an adapter reports to subscribers. */
export type LiveEvent =
  | { type: 'support'; projectId: string; count: number }
  | { type: 'turnout'; campaignId: string; turnout: number }
  | { type: 'project'; project: Project };

/**
 * The one interface every element talks to. Every call is async, takes an AbortSignal, returns data
 * that passed the core schemas, and fails with a VecheError.
 */
export interface VecheAdapter {
  readonly capabilities: AdapterCapabilities;

  getCampaign(campaignId: string, options?: CallOptions): Promise<Campaign>;
  listProjects(campaignId: string, query?: ProjectQuery, options?: CallOptions): Promise<ProjectPage>;
  getProject(projectId: string, options?: CallOptions): Promise<Project>;

  /** Sends an idea to moderation. */
  submitIdea(campaignId: string, idea: IdeaInputDraft, options?: MutationOptions): Promise<IdeaReceipt>;
  /** Stores a photo for an idea; the adapter checks its type and size. */
  uploadImage(campaignId: string, file: Blob, options?: CallOptions): Promise<UploadedImage>;

  /** The signed-in resident's support of a project, and the count when visible. */
  getSupport(projectId: string, options?: CallOptions): Promise<SupportState>;
  support(projectId: string, options?: MutationOptions): Promise<SupportState>;
  withdrawSupport(projectId: string, options?: MutationOptions): Promise<SupportState>;

  /** The resident's ballot, draft or submitted; null when there is none. */
  getBallot(campaignId: string, options?: CallOptions): Promise<Ballot | null>;
  saveBallot(campaignId: string, ballot: BallotInput, options?: CallOptions): Promise<Ballot>;
  submitBallot(campaignId: string, ballot: BallotInput, options?: MutationOptions): Promise<Ballot>;
  /** Withdraws a submitted ballot while voting is open (where the campaign allows a new vote). */
  withdrawBallot(campaignId: string, options?: MutationOptions): Promise<void>;

  getResults(campaignId: string, options?: CallOptions): Promise<Results>;
  /** The anonymous ballots and results as a Pabulib file, once results are published. */
  exportPabulib(campaignId: string, options?: CallOptions): Promise<string>;

  /** The signed-in resident, or null. */
  getIdentity(options?: CallOptions): Promise<Identity | null>;
  /** Sends a one-time code to an e-mail address or phone number. */
  requestCode(contact: string, options?: CallOptions): Promise<CodeRequestReceipt>;
  signIn(request: SignInRequest, options?: CallOptions): Promise<Identity>;
  signOut(options?: CallOptions): Promise<void>;

  /** News of a campaign (or of one project, `query.project`), newest first, a page at a time. */
  listUpdates?(campaignId: string, query?: UpdateQuery, options?: CallOptions): Promise<UpdatePage>;
  /** The campaign's participation figures and its municipality's year over year (no personal data). */
  getParticipation?(campaignId: string, options?: CallOptions): Promise<ParticipationReport>;

  /** A project's discussion: threads one level deep, official answers pinned, a page at a time. */
  listComments?(projectId: string, query?: CommentQuery, options?: CallOptions): Promise<CommentPage>;
  /** Posts a comment or a reply (it may wait for moderation: `status: 'pending'`). */
  postComment?(projectId: string, comment: CommentInputDraft, options?: MutationOptions): Promise<Comment>;
  /** Edits the resident's own comment within its edit window (10 minutes). */
  editComment?(commentId: string, edit: CommentEdit, options?: MutationOptions): Promise<Comment>;
  /** Marks a comment useful (or takes the mark back): once per resident. */
  markComment?(commentId: string, useful: boolean, options?: MutationOptions): Promise<CommentMark>;
  /** Reports abuse to the moderators: once per resident. */
  reportComment?(commentId: string, report: CommentReport, options?: MutationOptions): Promise<void>;
  /** A quick poll with the resident's (or device's) answer, and the results once they may be shown. */
  getPoll?(pollId: string, options?: CallOptions): Promise<PollView>;
  /** Answers a poll once (per resident, or per device for low-stakes polls). */
  answerPoll?(pollId: string, answer: PollAnswerDraft, options?: MutationOptions): Promise<PollView>;

  /** Live changes of a campaign; returns the unsubscribe function. */
  subscribe?(campaignId: string, listener: (event: LiveEvent) => void): () => void;
}
