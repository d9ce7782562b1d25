import * as z from 'zod/mini';
import { Id, IsoDateTime, text } from './common.ts';

export const Selection = z.object({
  projectId: Id,
  /** Points given to the project (cumulative voting); a whole number, at least 1. */
  points: z.optional(z.int().check(z.gte(1, 'must be at least 1'), z.lte(1_000_000, 'is too large'))),
});
export type Selection = z.infer<typeof Selection>;

/** What a resident sends: a draft or a final ballot. */
export const BallotInput = z.object({
  selection: z.array(Selection).check(z.maxLength(1000, 'must name at most 1000 projects')),
  districtId: z.optional(Id),
});
export type BallotInput = z.infer<typeof BallotInput>;

export const BALLOT_STATUSES = ['draft', 'submitted'] as const;

export const Ballot = z.object({
  campaignId: Id,
  status: z.enum(BALLOT_STATUSES),
  selection: z.array(Selection),
  districtId: z.optional(Id),
  updatedAt: IsoDateTime,
  submittedAt: z.optional(IsoDateTime),
  /** A short code the resident can keep to show the ballot was counted. */
  receipt: z.optional(text(64)),
});
export type Ballot = z.infer<typeof Ballot>;
