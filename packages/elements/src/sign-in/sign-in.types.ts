import type { SignInMethod } from '@veche/core';

/** What a resident signs in for: each campaign accepts its own sign-in methods per action (`campaign.signIn`). */
export const SIGN_IN_ACTIONS = ['ideas', 'support', 'voting'] as const;
export type SignInAction = (typeof SIGN_IN_ACTIONS)[number];

/**
 * The methods a resident can use in the dialog. `host-token` is the host site vouching for its own
 * logged-in user: the host calls `adapter.signIn` itself, so the dialog never offers it.
 */
export const DIALOG_METHODS = ['voting-code', 'one-time-code'] as const satisfies readonly SignInMethod[];
export type DialogMethod = (typeof DIALOG_METHODS)[number];

/** The fields of the dialog, each with its own error. */
export type SignInField = 'voting-code' | 'contact' | 'one-time-code';

/** The methods the dialog can offer: those `accepted` for the action that the adapter can do too. */
export function dialogMethods(accepted: readonly SignInMethod[], available: readonly SignInMethod[]): DialogMethod[] {
  return DIALOG_METHODS.filter((m) => accepted.includes(m) && available.includes(m));
}
