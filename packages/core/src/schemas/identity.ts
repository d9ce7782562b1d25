import * as z from 'zod/mini';
import { SIGN_IN_METHODS } from '../domain/values.ts';
import { Count, Id, IsoDateTime, text } from './common.ts';

export const SUPPORT_STATES = ['none', 'supported', 'withdrawn'] as const;

/** A project's support as one resident sees it. */
export const SupportState = z.object({
  projectId: Id,
  /** The resident's own state: not yet, supported, or supported and then withdrawn. */
  state: z.enum(SUPPORT_STATES),
  /** All supporters, when the campaign shows the count. */
  count: z.optional(Count),
});
export type SupportState = z.infer<typeof SupportState>;

/** What an identity may do in one campaign. */
export const CampaignPermissions = z.object({
  ideas: z.boolean(),
  support: z.boolean(),
  vote: z.boolean(),
  /** The district the resident is registered in, when the proof names one. */
  districtId: z.optional(Id),
});
export type CampaignPermissions = z.infer<typeof CampaignPermissions>;

export const Identity = z.object({
  residentId: Id,
  method: z.enum(SIGN_IN_METHODS),
  displayName: z.optional(text(200)),
  expiresAt: IsoDateTime,
  campaigns: z._default(z.record(z.string(), CampaignPermissions), {}),
});
export type Identity = z.infer<typeof Identity>;

export const SignInRequest = z.discriminatedUnion('method', [
  z.object({ method: z.literal('voting-code'), code: text(64, 4) }),
  z.object({ method: z.literal('one-time-code'), contact: text(254, 3), code: text(12, 4) }),
  z.object({ method: z.literal('host-token'), token: text(4096, 10) }),
]);
export type SignInRequest = z.infer<typeof SignInRequest>;

export const CodeRequestReceipt = z.object({
  /** The contact with most of it hidden, e.g. `+7 *** ***-**-42`. */
  sentTo: text(254),
  expiresAt: IsoDateTime,
});
export type CodeRequestReceipt = z.infer<typeof CodeRequestReceipt>;

export const Session = z.object({ token: text(4096, 1), identity: Identity });
export type Session = z.infer<typeof Session>;

export const Turnout = Count;
