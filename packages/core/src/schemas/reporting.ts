import * as z from 'zod/mini';
import { PHASE_IDS } from '../domain/values.ts';
import { PARTICIPATION_ACTIONS, UPDATE_KINDS } from '../reporting/values.ts';
import { Count, Id, Image, IsoDateTime, Url, page, text } from './common.ts';

/**
 * Informing and reporting: news items of a campaign or a project (`veche-updates`, the Atom feed) and
 * the participation report a municipality is rated on (`veche-participation`).
 */

/** One news item from the administration: a decision, a phase change, a finished milestone, photos. */
export const UpdateItem = z.object({
  id: Id,
  campaignId: Id,
  /** The project it is about; none for news of the whole campaign. */
  projectId: z.optional(Id),
  /** `news` from the administration; `phase` and `milestone` items are made by the backend itself. */
  kind: z.enum(UPDATE_KINDS),
  title: text(300, 1),
  /** Plain text (line breaks kept); never HTML. */
  text: z.optional(text(10_000)),
  /** When it happened or was published. */
  date: IsoDateTime,
  photos: z._default(z.array(Image).check(z.maxLength(20)), []),
  /** Where to read more: the project or campaign page, a document, a news page of the city site. */
  link: z.optional(Url),
  /** A `phase` item: the phase that began. */
  phase: z.optional(z.enum(PHASE_IDS)),
  /** A `milestone` item: the milestone that was completed. */
  milestoneId: z.optional(Id),
});
export type UpdateItem = z.infer<typeof UpdateItem>;
export type UpdateItemInput = z.input<typeof UpdateItem>;

export const UpdatePage = page(UpdateItem);
export type UpdatePage = z.infer<typeof UpdatePage>;

/** A page of a campaign's news, newest first. */
export const UpdateQuery = z.object({
  /** Only the items of this project. */
  project: z.optional(Id),
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z.optional(z.int().check(z.gte(1, 'must be at least 1'), z.lte(50, 'must be at most 50'))),
});
export type UpdateQuery = z.infer<typeof UpdateQuery>;

/** What the administration sends to publish a news item (admin API). */
export const UpdateInput = z.object({
  projectId: z.optional(Id),
  title: text(300, 1),
  text: z.optional(text(10_000)),
  /** When it happened; now when absent. */
  date: z.optional(IsoDateTime),
  photos: z._default(z.array(Image).check(z.maxLength(20)), []),
  link: z.optional(Url),
});
export type UpdateInput = z.input<typeof UpdateInput>;

/** Residents who took part in one way, by channel: on the site, or offline (meetings, paper). */
export const ChannelCounts = z.object({ online: Count, offline: Count });
export type ChannelCounts = z.infer<typeof ChannelCounts>;

const ActionCounts = z.partialRecord(z.enum(PARTICIPATION_ACTIONS), ChannelCounts);

/** A share, 0–1 (more than 1 only when the counts themselves disagree). */
const ShareOf = z.number().check(z.gte(0, 'must not be negative'));

/** Shares rounded half up from the counts, to 0.01 % (`roundShare`); absent when a total is unknown or 0. */
export const ParticipationShares = z.object({
  /** Participants among residents aged 16+. */
  participants16: z.optional(ShareOf),
  /** Participants who used digital tools, among all participants. */
  digitalOfParticipants: z.optional(ShareOf),
  /** Participants who used digital tools, among residents aged 16+. */
  digital16: z.optional(ShareOf),
});
export type ParticipationShares = z.infer<typeof ParticipationShares>;

/** The participation of one year: a campaign's live figures, or figures the administration entered. */
export const ParticipationYear = z.object({
  year: z.int().check(z.gte(1990, 'must be 1990 or later'), z.lte(2200, 'must be 2200 or earlier')),
  /** The campaign the figures are of, when there is one. */
  campaignId: z.optional(Id),
  /** Whose figures: the municipality, or the programme they come from (e.g. ППМИ of the krai). */
  municipality: z.optional(text(200)),
  /** All residents. */
  population: z.optional(Count),
  /** Residents aged 16 and over. */
  population16: z.optional(Count),
  /** Residents who took part in anything, by channel; `online` is the digital tools. */
  participants: ChannelCounts,
  /** Residents who took part in each way (ideas, support, votes, comments), by channel. */
  actions: z._default(ActionCounts, {}),
  shares: z._default(ParticipationShares, {}),
  /** `live`: counted from the backend's records now (plus offline counts); `entered`: by the administration. */
  source: z.enum(['live', 'entered']),
  updatedAt: z.optional(IsoDateTime),
});
export type ParticipationYear = z.infer<typeof ParticipationYear>;
export type ParticipationYearInput = z.input<typeof ParticipationYear>;

/** A campaign's participation and its municipality's, year over year (oldest first). */
export const ParticipationReport = z.object({
  campaignId: Id,
  municipality: text(200, 1),
  /** The campaign's own year (its row in `years`). */
  year: z.int(),
  years: z.array(ParticipationYear),
});
export type ParticipationReport = z.infer<typeof ParticipationReport>;

const OptionalCount = z.optional(Count);
const EnteredCounts = z.object({
  ideas: OptionalCount,
  support: OptionalCount,
  votes: OptionalCount,
  comments: OptionalCount,
  /** Residents who took part in anything (when known; otherwise the largest of the actions). */
  total: OptionalCount,
});
export type EnteredCounts = z.infer<typeof EnteredCounts>;

/**
 * What the administration enters for one year (admin API, CLI). For the campaign's own year: offline
 * counts of residents who are not in the backend's records (meetings, paper signature sheets, paper
 * ballots that were not loaded); the online figures are counted live. For other years (the history before
 * Veche): both channels, as reported then.
 */
export const ParticipationEntry = z.object({
  municipality: z.optional(text(200)),
  population: OptionalCount,
  population16: OptionalCount,
  offline: z._default(EnteredCounts, {}),
  online: z._default(EnteredCounts, {}),
});
export type ParticipationEntry = z.infer<typeof ParticipationEntry>;
export type ParticipationEntryInput = z.input<typeof ParticipationEntry>;
