import { VecheError } from '@veche/core';

/*
 * Checks of what a host's own adapter sends (it may skip the core schemas): the fields a view reads are
 * checked where the data comes in, so a broken answer is an `invalid-response` with a retry, never a throw
 * inside render().
 */

export type Data = Record<string, unknown>;

export const isData = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A count: a whole number, not negative. */
export const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

export function check(ok: unknown, what: string): asserts ok {
  if (!ok) throw new VecheError('invalid-response', `The adapter sent ${what}`);
}

/** An address an `href` or `src` may hold: http(s), a path on this site, or a `blob:` of this page. */
export const safeUrl = (v: unknown): v is string => typeof v === 'string' && /^(https?:\/\/|\/(?!\/)|blob:)/i.test(v);
