import type { Ballot, Selection, Violation } from '@veche/core';

/** Where the resident is: choosing projects, checking the ballot before it goes, or done (a receipt). */
export const STEPS = ['choose', 'review', 'done'] as const;
export type Step = (typeof STEPS)[number];

/** What the ballot is doing in the background or on the resident's request. */
export const ACTIONS = ['submit', 'withdraw'] as const;
export type BallotAction = (typeof ACTIONS)[number];

/** `veche-ballot-change`: the basket changed (also a native `change` event). */
export interface VecheBallotChangeDetail {
  campaignId: string;
  selection: Selection[];
  districtId?: string | undefined;
  /** What the chosen projects cost together. */
  total: number;
  /** Every rule the basket breaks now (`checkBallot`). */
  violations: Violation[];
}

/** `veche-ballot-submit-request` (cancelable) before the ballot is sent. */
export interface VecheBallotSubmitRequestDetail {
  campaignId: string;
  selection: Selection[];
  districtId?: string | undefined;
}

/** `veche-ballot-submit`: the ballot counts; `veche-ballot-withdraw`: it was withdrawn to vote again. */
export interface VecheBallotSubmitDetail {
  campaignId: string;
  ballot: Ballot;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'veche-ballot-change': CustomEvent<VecheBallotChangeDetail>;
    'veche-ballot-submit-request': CustomEvent<VecheBallotSubmitRequestDetail>;
    'veche-ballot-submit': CustomEvent<VecheBallotSubmitDetail>;
    'veche-ballot-withdraw': CustomEvent<VecheBallotSubmitDetail>;
  }
}
