import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** argon2id with the OWASP minimum (19 MiB, 2 passes, 1 lane). */
const OPTIONS = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 10;

export const hashPassword = (password: string): Promise<string> => hash(password.normalize('NFC'), OPTIONS);

/** Whether `password` matches the stored hash; a malformed hash is a mismatch, not an error. */
export async function checkPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password.normalize('NFC'));
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Spends the time of a real check when there is no such account, so timing does not tell who exists. */
export async function checkNothing(password: string): Promise<false> {
  dummy ??= hashPassword('veche-no-such-account');
  await checkPassword(await dummy, password);
  return false;
}

/** A one-time password to hand over: 4 groups of 4 characters without look-alikes (about 80 bits). */
export function oneTimePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  const group = () => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}
