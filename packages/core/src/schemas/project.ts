import * as z from 'zod/mini';
import { FUNDING_SOURCES, PROJECT_SORTS, PROJECT_STATUSES } from '../domain/values.ts';
import { Count, Id, Image, IsoDate, IsoDateTime, Location, Money, page, text } from './common.ts';

export const CoFunding = z.object({
  source: z.enum(FUNDING_SOURCES),
  amount: Money,
  /** Who brings it, e.g. "ООО «Стройсервис»". */
  note: z.optional(text(300)),
});
export type CoFunding = z.infer<typeof CoFunding>;

export const Milestone = z.object({
  id: Id,
  title: text(300, 1),
  description: z.optional(text(5000)),
  /** The planned or actual date. */
  date: z.optional(IsoDate),
  done: z.boolean(),
  photos: z._default(z.array(Image), []),
});
export type Milestone = z.infer<typeof Milestone>;

export const Project = z.object({
  id: Id,
  campaignId: Id,
  title: text(300, 1),
  summary: z.optional(text(1000)),
  description: z.optional(text(20000)),
  cost: Money,
  status: z.enum(PROJECT_STATUSES),
  /** Why a project was rejected, or any other note from the administration on its status. */
  statusNote: z.optional(text(2000)),
  districtId: z.optional(Id),
  categoryIds: z._default(z.array(Id), []),
  location: z.optional(Location),
  images: z._default(z.array(Image), []),
  /** The author's display name, present only when the author agreed to publish it. */
  authorName: z.optional(text(200)),
  /** Residents who supported the project (support phase). */
  supports: z.optional(Count),
  /** Ballots that name the project, when the campaign shows them. */
  votes: z.optional(Count),
  coFunding: z._default(z.array(CoFunding), []),
  milestones: z._default(z.array(Milestone), []),
  /** Implementation progress, 0–100. */
  progress: z.optional(z.number().check(z.gte(0, 'must be at least 0'), z.lte(100, 'must be at most 100'))),
  createdAt: IsoDateTime,
  updatedAt: z.optional(IsoDateTime),
});
export type Project = z.infer<typeof Project>;
export type ProjectInput = z.input<typeof Project>;

export const ProjectPage = page(Project);
export type ProjectPage = z.infer<typeof ProjectPage>;

const Multi = <T extends z.ZodMiniType>(item: T) => z.optional(z.union([item, z.array(item)]));

/** A project-list query; every filter is optional. */
export const ProjectQuery = z.object({
  status: Multi(z.enum(PROJECT_STATUSES)),
  category: Multi(Id),
  district: Multi(Id),
  q: z.optional(text(200)),
  sort: z.optional(z.enum(PROJECT_SORTS)),
  /** Seed of the `random` sort, so that paging and a shared link keep one order. */
  seed: z.optional(z.int().check(z.nonnegative())),
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z.optional(z.int().check(z.gte(1, 'must be at least 1'), z.lte(100, 'must be at most 100'))),
});
export type ProjectQuery = z.infer<typeof ProjectQuery>;
