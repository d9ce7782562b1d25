import type { Identity, SignInMethod } from '@veche/core';
import { dialogMethods } from './sign-in.types.ts';

/**
 * Whether a resident may act now; must sign in first (the dialog can do it); is signed in by a method
 * the action does not take (signing in again helps); can only be signed in by the host site; or may not.
 */
export type Access = 'ok' | 'sign-in' | 'wrong-method' | 'host-only' | 'not-allowed';

/** The access of `identity` to an action that accepts `accepted`, with an adapter that can do `available`. */
export function accessFor(accepted: readonly SignInMethod[], available: readonly SignInMethod[], identity: Identity | null): Access {
  const viaDialog = dialogMethods(accepted, available).length > 0;
  if (!identity) return viaDialog ? 'sign-in' : 'host-only';
  if (!accepted.includes(identity.method)) return viaDialog ? 'wrong-method' : 'not-allowed';
  return 'ok';
}
