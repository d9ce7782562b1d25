import * as z from 'zod/mini';
import { Count, Id, IsoDateTime, Money } from './common.ts';

export const ProjectResult = z.object({
  id: Id,
  /** Ballots that name the project. */
  votes: Count,
  /** The sum of its points (1 per ballot where the method has no points). */
  points: Count,
  selected: z.boolean(),
});
export type ProjectResult = z.infer<typeof ProjectResult>;

export const DistrictResult = z.object({
  districtId: Id,
  budget: z.optional(Money),
  budgetUsed: Money,
  /** Ballots cast in the district (districtMode `one`) or naming one of its projects. */
  turnout: Count,
  population16: z.optional(Count),
});
export type DistrictResult = z.infer<typeof DistrictResult>;

export const Results = z.object({
  campaignId: Id,
  /** `final` once published; `preliminary` while the administration reviews them. */
  status: z.enum(['preliminary', 'final']),
  publishedAt: z.optional(IsoDateTime),
  budget: Money,
  budgetUsed: Money,
  /** Residents who cast a ballot. */
  turnout: Count,
  population16: z.optional(Count),
  projects: z.array(ProjectResult),
  districts: z._default(z.array(DistrictResult), []),
});
export type Results = z.infer<typeof Results>;
