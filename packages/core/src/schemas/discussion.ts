import * as z from 'zod/mini';
import {
  COMMENT_MAX_LENGTH,
  COMMENT_SORTS,
  COMMENT_STATUSES,
  POLL_AUDIENCES,
  POLL_KINDS,
  POLL_OTHER_MAX_LENGTH,
  POLL_RESULT_VISIBILITY,
  POLL_STATES,
  REPORT_REASONS,
  STANCES,
} from '../domain/discussion.ts';
import { SIGN_IN_METHODS } from '../domain/values.ts';
import { Count, Id, IsoDateTime, page, text } from './common.ts';
import { Consent } from './idea.ts';

/** The consent text for showing a commenter's name (152-ФЗ: its own text and version, never pre-ticked). */
export const NameConsentText = z.object({
  version: text(40, 1),
  text: text(2000, 1),
});
export type NameConsentText = z.infer<typeof NameConsentText>;

/**
 * How a campaign runs its discussion (`campaign.discussion`; every field has a default, see
 * `discussionPolicy`).
 */
export const DiscussionPolicy = z.object({
  /** Whether residents may comment now; comments already there stay visible either way. */
  open: z._default(z.boolean(), true),
  /** New and edited comments wait for a moderator before anyone else sees them. */
  premoderation: z._default(z.boolean(), false),
  /** Sign-in methods accepted for commenting, marks, reports and residents' polls. */
  signIn: z._default(z.array(z.enum(SIGN_IN_METHODS)), [...SIGN_IN_METHODS]),
  /** The longest comment, in characters. */
  maxLength: z._default(z.int().check(z.gte(100, 'must be at least 100'), z.lte(COMMENT_MAX_LENGTH, `must be at most ${COMMENT_MAX_LENGTH}`)), 2000),
  /** Comments one resident may post in an hour. */
  perHour: z._default(z.int().check(z.gte(1, 'must be at least 1'), z.lte(1000, 'must be at most 1000')), 10),
  /** Reports from different residents that take a comment off the page until a moderator looks. */
  hideAfterReports: z._default(z.int().check(z.gte(1, 'must be at least 1'), z.lte(100, 'must be at most 100')), 3),
  /** The campaign's own text of consent to show the commenter's name; a built-in sentence when absent. */
  nameConsent: z.optional(NameConsentText),
});
export type DiscussionPolicy = z.infer<typeof DiscussionPolicy>;
export type DiscussionPolicyInput = z.input<typeof DiscussionPolicy>;

const CommentFields = {
  id: Id,
  projectId: Id,
  /** The top-level comment this one answers (one level of threading). */
  parentId: z.optional(Id),
  body: text(COMMENT_MAX_LENGTH, 1),
  /** For, against or neutral: top-level comments only. */
  stance: z.optional(z.enum(STANCES)),
  /** The author's display name, present only when the author agreed to show it (or an official's title). */
  authorName: z.optional(text(200)),
  /** An answer from the administration: marked as such and pinned. */
  official: z._default(z.boolean(), false),
  /** The public sees `published` only; the author also sees their own `pending` comments. */
  status: z.enum(COMMENT_STATUSES),
  /** Residents who marked it useful. */
  useful: Count,
  createdAt: IsoDateTime,
  editedAt: z.optional(IsoDateTime),
  /** For the signed-in resident: they wrote it. */
  mine: z.optional(z.boolean()),
  /** For its author: until when it may be edited. */
  editableUntil: z.optional(IsoDateTime),
  /** For the signed-in resident: they marked it useful. */
  marked: z.optional(z.boolean()),
  /** For the signed-in resident: they reported it. */
  reported: z.optional(z.boolean()),
};

/** A reply: a comment under a top-level comment. */
export const Reply = z.object(CommentFields);
export type Reply = z.infer<typeof Reply>;

/** A top-level comment with its replies (oldest first, official answers first). */
export const Comment = z.object({ ...CommentFields, replies: z._default(z.array(Reply), []) });
export type Comment = z.infer<typeof Comment>;

export const StanceCounts = z.object({ for: Count, against: Count, neutral: Count });
export type StanceCounts = z.infer<typeof StanceCounts>;

/** What a discussion's page tells the element of the campaign's policy: enough to show the right form. */
export const CommentPolicy = z.object({
  open: z.boolean(),
  premoderation: z.boolean(),
  signIn: z.array(z.enum(SIGN_IN_METHODS)),
  maxLength: z.int().check(z.gte(1), z.lte(COMMENT_MAX_LENGTH)),
  nameConsent: z.optional(NameConsentText),
});
export type CommentPolicy = z.infer<typeof CommentPolicy>;

/** One page of threads: official ones pinned first, then by the sort asked for. */
export const CommentPage = z.object({
  ...page(Comment).shape,
  /** The campaign's discussion policy, as the element needs it. */
  policy: CommentPolicy,
  /** Published comments and replies of the project. */
  total: Count,
  /** Stances of the published top-level comments. */
  stances: StanceCounts,
});
export type CommentPage = z.infer<typeof CommentPage>;

export const CommentQuery = z.object({
  sort: z.optional(z.enum(COMMENT_SORTS)),
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z.optional(z.int().check(z.gte(1, 'must be at least 1'), z.lte(50, 'must be at most 50'))),
});
export type CommentQuery = z.infer<typeof CommentQuery>;

/** A comment as a resident writes it; the campaign's own length limit is checked by `checkComment`. */
export const CommentInput = z.object({
  body: text(COMMENT_MAX_LENGTH, 1),
  stance: z.optional(z.enum(STANCES)),
  parentId: z.optional(Id),
  /** The name to show, with the `publish-name` consent only. */
  authorName: z.optional(text(200)),
  consents: z._default(z.array(Consent).check(z.maxLength(10)), []),
});
export type CommentInput = z.infer<typeof CommentInput>;
export type CommentInputDraft = z.input<typeof CommentInput>;

/** An edit within the edit window: the text and (top-level) the stance. */
export const CommentEdit = z.object({
  body: text(COMMENT_MAX_LENGTH, 1),
  stance: z.optional(z.enum(STANCES)),
});
export type CommentEdit = z.infer<typeof CommentEdit>;

/** A comment's useful count and whether the resident marked it. */
export const CommentMark = z.object({ commentId: Id, useful: Count, marked: z.boolean() });
export type CommentMark = z.infer<typeof CommentMark>;

export const CommentReport = z.object({
  reason: z.enum(REPORT_REASONS),
  note: z.optional(text(500)),
});
export type CommentReport = z.infer<typeof CommentReport>;

/** A moderator's decision. */
export const CommentModeration = z.object({
  status: z.enum(['published', 'hidden'] as const),
  note: z.optional(text(500)),
});
export type CommentModeration = z.infer<typeof CommentModeration>;

/** An answer from the administration, posted through the admin API. */
export const OfficialAnswer = z.object({
  body: text(COMMENT_MAX_LENGTH, 1),
  parentId: z.optional(Id),
  /** Who answers: «Администрация города», «Отдел благоустройства». */
  authorName: z._default(text(200, 1), 'Администрация'),
});
export type OfficialAnswer = z.infer<typeof OfficialAnswer>;

export const PollOption = z.object({ id: Id, label: text(200, 1) });
export type PollOption = z.infer<typeof PollOption>;

export const Poll = z
  .object({
    id: Id,
    campaignId: Id,
    /** The project the poll is about, if any. */
    projectId: z.optional(Id),
    question: text(300, 1),
    description: z.optional(text(2000)),
    kind: z.enum(POLL_KINDS),
    options: z.array(PollOption).check(z.minLength(2, 'needs at least 2 options'), z.maxLength(20, 'may hold at most 20 options')),
    /** Multiple choice: the most options one answer may pick (all of them by default). */
    maxChoices: z.optional(z.int().check(z.gte(1, 'must be at least 1'))),
    /** Whether residents may write their own answer («Другое»). */
    other: z._default(z.boolean(), false),
    audience: z._default(z.enum(POLL_AUDIENCES), 'resident'),
    results: z._default(z.enum(POLL_RESULT_VISIBILITY), 'after-answer'),
    opensAt: IsoDateTime,
    closesAt: z.optional(IsoDateTime),
  })
  .check(
    z.refine((p) => new Set(p.options.map((o) => o.id)).size === p.options.length, { message: 'must not repeat an option id', path: ['options'] }),
    z.refine((p) => p.closesAt === undefined || Date.parse(p.opensAt) < Date.parse(p.closesAt), { message: 'must be after opensAt', path: ['closesAt'] }),
    z.refine((p) => p.results !== 'after-close' || p.closesAt !== undefined, { message: 'is required when results are shown after closing', path: ['closesAt'] }),
    z.refine((p) => p.maxChoices === undefined || (p.kind === 'multiple' && p.maxChoices <= p.options.length + (p.other ? 1 : 0)), {
      message: 'is only for multiple choice, and at most the number of options',
      path: ['maxChoices'],
    }),
  );
export type Poll = z.infer<typeof Poll>;
export type PollInput = z.input<typeof Poll>;

/**
 * What a low-stakes (`device`) poll knows of the device: a random id the adapter keeps, and hints that
 * survive clearing storage (screen, time zone, languages …), hashed on the server with the address.
 */
export const DeviceProof = z.object({
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/, 'must be 16 to 64 letters, digits, - or _')),
  hints: z.optional(z.string().check(z.maxLength(500))),
});
export type DeviceProof = z.infer<typeof DeviceProof>;

export const PollAnswerInput = z.object({
  /** The ids of the options chosen. */
  choices: z._default(z.array(Id).check(z.maxLength(20, 'may hold at most 20 choices')), []),
  /** The resident's own answer, where the poll takes one. */
  other: z.optional(text(POLL_OTHER_MAX_LENGTH)),
  /** Filled in by the adapter for `device` polls. */
  device: z.optional(DeviceProof),
});
export type PollAnswerInput = z.infer<typeof PollAnswerInput>;
export type PollAnswerDraft = z.input<typeof PollAnswerInput>;

/** An answer as its author sees it again. */
export const PollAnswer = z.object({
  choices: z.array(Id),
  other: z.optional(text(POLL_OTHER_MAX_LENGTH)),
  answeredAt: IsoDateTime,
});
export type PollAnswer = z.infer<typeof PollAnswer>;

export const PollResults = z.object({
  /** Everyone who answered. */
  total: Count,
  /** Answers naming each option, in the poll's order. */
  options: z.array(z.object({ id: Id, count: Count })),
  /** Answers with an «other» text (the texts themselves go to the administration only). */
  other: Count,
});
export type PollResults = z.infer<typeof PollResults>;

/** A poll as the resident (or device) sees it. */
export const PollView = z.object({
  poll: Poll,
  state: z.enum(POLL_STATES),
  /** Their own answer, or null. */
  answer: z.nullable(PollAnswer),
  /** The results, when they may be shown (after answering or closing, as the poll says). */
  results: z.optional(PollResults),
  /** A residents' poll: the sign-in methods it accepts (its campaign's discussion policy); empty for a device poll. */
  signIn: z._default(z.array(z.enum(SIGN_IN_METHODS)), []),
});
export type PollView = z.infer<typeof PollView>;
