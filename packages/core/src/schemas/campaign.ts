import * as z from 'zod/mini';
import {
  CONSENT_KINDS,
  CURRENCY,
  DISTRICT_MODES,
  FUNDING_SOURCES,
  PHASE_IDS,
  SIGN_IN_METHODS,
  VOTE_VISIBILITY,
  VOTING_METHODS,
} from '../domain/values.ts';
import { Count, Id, IsoDateTime, Money, Share, Url, text } from './common.ts';
import { DiscussionPolicy } from './discussion.ts';
import { DistrictGeometry } from './geo.ts';

export const Phase = z
  .object({
    id: z.enum(PHASE_IDS),
    start: IsoDateTime,
    end: IsoDateTime,
  })
  .check(z.refine((p) => Date.parse(p.start) < Date.parse(p.end), { message: 'must end after it starts', path: ['end'] }));
export type Phase = z.infer<typeof Phase>;

export const District = z.object({
  id: Id,
  name: text(200, 1),
  /** A budget of the district's own, in roubles; without it the district shares the campaign budget. */
  budget: z.optional(Money),
  /** Residents aged 16 and over, for shares and turnout. */
  population16: z.optional(Count),
  geometry: DistrictGeometry,
});
export type District = z.infer<typeof District>;

export const Category = z.object({
  id: Id,
  name: text(200, 1),
  /** A CSS colour for map markers and chips, `#rrggbb`. */
  color: z.optional(z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1a7f5a'))),
});
export type Category = z.infer<typeof Category>;

const PositiveCount = z.int().check(z.gte(0, 'must not be negative'));

export const VotingRules = z
  .object({
    method: z.enum(VOTING_METHODS),
    minProjects: z.optional(PositiveCount),
    maxProjects: z.optional(z.int().check(z.gte(1, 'must be at least 1'))),
    budget: z.optional(Money),
    minSpendShare: z.optional(Share),
    points: z.optional(z.int().check(z.gte(1, 'must be at least 1'))),
    maxPointsPerProject: z.optional(z.int().check(z.gte(1, 'must be at least 1'))),
    districtMode: z.optional(z.enum(DISTRICT_MODES)),
  })
  .check(
    z.refine((r) => r.minProjects === undefined || r.maxProjects === undefined || r.minProjects <= r.maxProjects, {
      message: 'must not be more than maxProjects',
      path: ['minProjects'],
    }),
    z.refine((r) => r.method !== 'cumulative' || r.points !== undefined, {
      message: 'is required for the cumulative method',
      path: ['points'],
    }),
  );
export type VotingRules = z.infer<typeof VotingRules>;

export const SupportThreshold = z.discriminatedUnion('type', [
  z.object({ type: z.literal('count'), value: Count }),
  z.object({ type: z.literal('share'), value: Share }),
]);
export type SupportThreshold = z.infer<typeof SupportThreshold>;

const FundingShares = z.partialRecord(z.enum(FUNDING_SOURCES), Share);

export const CoFundingPolicy = z.object({
  /** The least share of a project's cost each source must bring (Krasnoyarsk krai: residents 3 %, business 7 %). */
  minShares: z._default(FundingShares, {}),
  /** The most a source may bring (the region pays up to 85 %). */
  maxShares: z._default(FundingShares, {}),
});
export type CoFundingPolicy = z.infer<typeof CoFundingPolicy>;

export const ConsentText = z.object({
  kind: z.enum(CONSENT_KINDS),
  version: text(40, 1),
  /** Plain text: operator, purpose, data, actions, term, how to withdraw. */
  text: text(20000, 1),
  required: z.boolean(),
});
export type ConsentText = z.infer<typeof ConsentText>;

const SignInList = z.array(z.enum(SIGN_IN_METHODS));

export const SignInPolicy = z.object({
  ideas: z._default(SignInList, []),
  support: z._default(SignInList, ['voting-code', 'one-time-code', 'host-token']),
  voting: z._default(SignInList, ['voting-code', 'one-time-code', 'host-token']),
});
export type SignInPolicy = z.infer<typeof SignInPolicy>;

export const IdeaLimits = z.object({
  title: z._default(z.int().check(z.gte(10), z.lte(300)), 120),
  summary: z._default(z.int().check(z.gte(0), z.lte(1000)), 300),
  description: z._default(z.int().check(z.gte(50), z.lte(20000)), 5000),
  photos: z._default(z.int().check(z.gte(0), z.lte(10)), 5),
  photoBytes: z._default(z.int().check(z.gte(10_000), z.lte(20_000_000)), 5_000_000),
});
export type IdeaLimits = z.infer<typeof IdeaLimits>;

export const Campaign = z
  .object({
    id: Id,
    title: text(300, 1),
    municipality: text(200, 1),
    region: z.optional(text(200)),
    description: z.optional(text(20000)),
    /** The campaign's own page on the city site, for share links. */
    url: z.optional(Url),
    currency: z._default(z.literal(CURRENCY), CURRENCY),
    budget: Money,
    phases: z.array(Phase).check(z.minLength(1, 'needs at least one phase')),
    districts: z._default(z.array(District), []),
    categories: z._default(z.array(Category), []),
    /** All residents of the municipality. */
    population: z.optional(Count),
    /** Residents aged 16 and over: the eligible population that shares and turnout refer to. */
    population16: z.optional(Count),
    supportThreshold: z.optional(SupportThreshold),
    votingRules: VotingRules,
    coFunding: z.optional(CoFundingPolicy),
    /** Whether a resident may withdraw a submitted ballot and vote again while voting is open. */
    allowRevote: z._default(z.boolean(), true),
    voteVisibility: z._default(z.enum(VOTE_VISIBILITY), 'after-close'),
    signIn: z._default(SignInPolicy, { ideas: [], support: [...SIGN_IN_METHODS], voting: [...SIGN_IN_METHODS] }),
    ideaLimits: z._default(IdeaLimits, { title: 120, summary: 300, description: 5000, photos: 5, photoBytes: 5_000_000 }),
    consents: z._default(z.array(ConsentText), []),
    /** Comments and polls: pre-moderation, sign-in, limits (`discussionPolicy` fills the defaults). */
    discussion: z.optional(DiscussionPolicy),
  })
  .check(
    z.refine(
      (c) => c.phases.every((p, i) => i === 0 || Date.parse(c.phases[i - 1]!.end) <= Date.parse(p.start)),
      { message: 'must be in order and must not overlap', path: ['phases'] },
    ),
    z.refine((c) => new Set(c.phases.map((p) => p.id)).size === c.phases.length, {
      message: 'must not repeat a phase',
      path: ['phases'],
    }),
    z.refine((c) => new Set(c.districts.map((d) => d.id)).size === c.districts.length, {
      message: 'must not repeat a district id',
      path: ['districts'],
    }),
  );
export type Campaign = z.infer<typeof Campaign>;
export type CampaignInput = z.input<typeof Campaign>;
