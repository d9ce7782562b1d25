import { DEFAULT_NAME_CONSENT_VERSION } from '../domain/discussion.ts';
import { SIGN_IN_METHODS } from '../domain/values.ts';
import type { Campaign } from '../schemas/campaign.ts';
import type { CommentPolicy, DiscussionPolicy } from '../schemas/discussion.ts';

// On its own, so that an element that needs only the policy does not carry the rest of the rules.

/** A campaign's discussion policy with every default filled in. */
export function discussionPolicy(campaign: Pick<Campaign, 'discussion'>): DiscussionPolicy {
  const p = campaign.discussion;
  return {
    open: p?.open ?? true,
    premoderation: p?.premoderation ?? false,
    signIn: p?.signIn ?? [...SIGN_IN_METHODS],
    maxLength: p?.maxLength ?? 2000,
    perHour: p?.perHour ?? 10,
    hideAfterReports: p?.hideAfterReports ?? 3,
    ...(p?.nameConsent ? { nameConsent: p.nameConsent } : {}),
  };
}

/** The version of the name consent a resident must give now. */
export const nameConsentVersion = (policy: Pick<DiscussionPolicy, 'nameConsent'>): string => policy.nameConsent?.version ?? DEFAULT_NAME_CONSENT_VERSION;

/** The part of the policy a discussion's page carries. */
export function commentPolicy(policy: DiscussionPolicy): CommentPolicy {
  const { open, premoderation, signIn, maxLength, nameConsent } = policy;
  return { open, premoderation, signIn, maxLength, ...(nameConsent ? { nameConsent } : {}) };
}
