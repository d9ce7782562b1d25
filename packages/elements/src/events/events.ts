import type { Identity, SupportState, VecheError, VecheErrorCode } from '@veche/core';

/** `veche-error`: something failed; the element shows it too. */
export interface VecheErrorDetail {
  code: VecheErrorCode;
  message: string;
  error: VecheError;
}

export type VoteAction = 'support' | 'withdraw-support' | 'vote' | 'withdraw-vote';

/** `veche-vote-request` (cancelable) and `veche-vote`: a resident supports or votes for a project. */
export interface VecheVoteRequestDetail {
  campaignId: string;
  projectId: string;
  action: VoteAction;
}

export interface VecheVoteDetail extends VecheVoteRequestDetail {
  /** The new support state (support phase), or the receipt of the ballot (voting). */
  support?: SupportState;
  receipt?: string;
}

/** `veche-idea-submit`: an idea went to moderation. */
export interface VecheIdeaSubmitDetail {
  campaignId: string;
  id: string;
  status: 'submitted';
}

/**
 * `veche-location`: a map in pick mode (or any control) chose a place: the idea form takes the point and
 * the district, the ballot takes the district.
 */
export interface VecheLocationDetail {
  lat: number;
  lng: number;
  address?: string;
  /** The campaign's district the point lies in, when it lies in one. */
  districtId?: string;
}

/** `veche-sign-in`: a resident signed in through an element's dialog. */
export interface VecheSignInDetail {
  identity: Identity;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'veche-error': CustomEvent<VecheErrorDetail>;
    'veche-vote-request': CustomEvent<VecheVoteRequestDetail>;
    'veche-vote': CustomEvent<VecheVoteDetail>;
    'veche-idea-submit': CustomEvent<VecheIdeaSubmitDetail>;
    'veche-sign-in': CustomEvent<VecheSignInDetail>;
    'veche-location': CustomEvent<VecheLocationDetail>;
  }
}
