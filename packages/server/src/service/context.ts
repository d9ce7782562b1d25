import { createHash, randomBytes, randomInt } from 'node:crypto';
import {
  type Campaign,
  VecheError,
  type PhaseId,
  requirePhase as requireCorePhase,
  type SignInMethod,
} from '@veche/core';
import type { Kysely } from 'kysely';
import type { Database, Engine } from '../db/open.ts';
import type { Tables } from '../db/schema.ts';
import { type ImageStore, MemoryImageStore } from '../uploads.ts';

/** Sends a one-time code to an e-mail address or a phone number (SMTP, an SMS gateway, …). */
export interface CodeSender {
  send(message: { contact: string; code: string; expiresAt: string }): Promise<void>;
  /** Tells a resident something else (a moderator's decision on their idea and its reason); optional. */
  notify?(message: { contact: string; subject: string; text: string }): Promise<void>;
}

/** The development sender: writes the code to the server's log. */
export const logSender: CodeSender = {
  async send({ contact, code, expiresAt }) {
    console.info(`[veche] one-time code for ${contact}: ${code} (valid until ${expiresAt})`);
  },
  async notify({ contact, subject, text }) {
    console.info(`[veche] notice for ${contact}: ${subject}: ${text.replace(/\n/g, ' ')}`);
  },
};

/** A signed-in resident, as the bearer token names them. */
export interface Session {
  tokenHash: string;
  residentId: string;
  method: SignInMethod;
  /** Voting codes sign a resident into one campaign only. */
  campaignId: string | undefined;
  /** The district the proof names (a district's voting code, a host token's `district` claim). */
  districtId: string | undefined;
  displayName: string | undefined;
  expiresAt: string;
}

/** What every request handler of the service gets. */
export interface Ctx {
  db: Kysely<Tables>;
  engine: Engine;
  now(): Date;
  sender: CodeSender;
  images: ImageStore;
  sessionMinutes: number;
  /** How long live counts (supports, votes, turnout, results) may be reused, in ms; 0 in tests. */
  liveCacheMs: number;
  cache: Map<string, { at: number; value: unknown }>;
}

/** A context over an open database; the rest from `options` or defaults (the CLI's and scripts' use). */
export function createContext(database: Database, options: Partial<Omit<Ctx, 'db' | 'engine' | 'cache'>> = {}): Ctx {
  return {
    db: database.db,
    engine: database.engine,
    now: options.now ?? (() => new Date()),
    sender: options.sender ?? logSender,
    images: options.images ?? new MemoryImageStore(),
    sessionMinutes: options.sessionMinutes ?? 120,
    liveCacheMs: options.liveCacheMs ?? 0,
    cache: new Map(),
  };
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A random string from an alphabet without look-alike characters (no 0/O, 1/I/L). */
export function randomCode(length: number, alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

export const randomId = (prefix: string): string => `${prefix}-${randomBytes(9).toString('base64url').replace(/[-_]/g, 'x')}`;

export const iso = (ctx: Ctx): string => ctx.now().toISOString();

/** Reuses a value computed within the last `liveCacheMs`. */
export async function cached<T>(ctx: Ctx, key: string, make: () => Promise<T>): Promise<T> {
  if (ctx.liveCacheMs <= 0) return make();
  const hit = ctx.cache.get(key);
  const now = performance.now();
  if (hit && now - hit.at < ctx.liveCacheMs) return hit.value as T;
  const value = await make();
  ctx.cache.set(key, { at: now, value });
  if (ctx.cache.size > 1000) ctx.cache.delete(ctx.cache.keys().next().value!);
  return value;
}

/**
 * The campaign (reused for `liveCacheMs`: phases open and close by the clock at each request, and
 * rules cannot change once voting has opened). Callers must not change the object.
 */
export function loadCampaign(ctx: Ctx, id: string): Promise<Campaign> {
  return cached(ctx, `campaign:${id}`, async () => {
    const row = await ctx.db.selectFrom('campaigns').select('data').where('id', '=', id).executeTakeFirst();
    if (!row) throw new VecheError('not-found', `There is no campaign ${id}`);
    return JSON.parse(row.data) as Campaign;
  });
}

/** Forgets what this instance cached of a campaign after the admin changed it. */
export function forgetCampaign(ctx: Ctx, id: string): void {
  ctx.cache.delete('origins');
  for (const key of ctx.cache.keys()) if (key.endsWith(`:${id}`) || key.includes(`:${id}:`)) ctx.cache.delete(key);
}

export function requirePhase(ctx: Ctx, campaign: Campaign, phase: PhaseId): void {
  requireCorePhase(campaign, phase, ctx.now());
}

/**
 * The session, when it may act in this campaign: 401 without one, 403 when the campaign does not
 * accept its kind of proof. Both carry `details.methods`, the proofs the campaign accepts.
 */
export function requireResident(campaign: Campaign, action: 'ideas' | 'support' | 'voting', session: Session | null): Session {
  const methods = campaign.signIn[action];
  if (!session) throw new VecheError('unauthorized', 'Sign in first', { details: { methods } });
  if (!methods.includes(session.method)) {
    throw new VecheError('forbidden', `This campaign does not accept ${session.method} sign-in for ${action}`, { details: { methods } });
  }
  if (session.campaignId !== undefined && session.campaignId !== campaign.id) {
    throw new VecheError('forbidden', 'This voting code belongs to another campaign', { details: { methods } });
  }
  return session;
}

class Replay extends Error {}

/**
 * Runs `run` in a transaction, once per (scope, key): a repeated key returns the stored answer of the
 * first call, even while the first call is still running elsewhere (the claim row waits for it).
 * A failed call stores nothing, so the key can be used again.
 */
export async function once<T>(ctx: Ctx, scope: string, key: string | undefined, run: (trx: Kysely<Tables>) => Promise<T>): Promise<T> {
  if (key === undefined) return ctx.db.transaction().execute(run);
  const stored = () =>
    ctx.db.selectFrom('idempotency').select('body').where('scope', '=', scope).where('key', '=', key).where('status', '=', 200).executeTakeFirst();
  const hit = await stored();
  if (hit) return JSON.parse(hit.body) as T;
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const claim = await trx
        .insertInto('idempotency')
        .values({ scope, key, status: 0, body: 'null', created_at: iso(ctx) })
        .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
        .executeTakeFirst();
      if (Number(claim.numInsertedOrUpdatedRows ?? 0) === 0) throw new Replay();
      const result = await run(trx);
      await trx.updateTable('idempotency').set({ status: 200, body: JSON.stringify(result) }).where('scope', '=', scope).where('key', '=', key).execute();
      return result;
    });
  } catch (error) {
    if (!(error instanceof Replay)) throw error;
    const again = await stored();
    if (!again) throw new VecheError('conflict', 'A request with this Idempotency-Key is still being processed; try again');
    return JSON.parse(again.body) as T;
  }
}

/**
 * Counts an attempt under `key` and refuses it when `limit` attempts were made in the last
 * `windowMs`: a brute-force brake kept in the database, so every instance sees it.
 */
export async function throttle(ctx: Ctx, key: string, limit: number, windowMs = 600_000, count = true): Promise<void> {
  const now = ctx.now().getTime();
  const since = new Date(now - windowMs).toISOString();
  const recent = await ctx.db
    .selectFrom('attempts')
    .select(['at'])
    .where('key', '=', key)
    .where('at', '>', since)
    .orderBy('at')
    .limit(limit)
    .execute();
  if (recent.length >= limit) {
    const retryAfter = Math.max(1, Math.ceil((Date.parse(recent[0]!.at) + windowMs - now) / 1000));
    throw new VecheError('rate-limited', 'Too many attempts; try again later', { retryAfter });
  }
  if (count) await recordAttempt(ctx, key, windowMs);
}

export async function recordAttempt(ctx: Ctx, key: string, windowMs = 600_000): Promise<void> {
  const now = ctx.now();
  await ctx.db.insertInto('attempts').values({ key, at: now.toISOString() }).execute();
  if (Math.random() < 0.02) {
    await ctx.db.deleteFrom('attempts').where('at', '<', new Date(now.getTime() - windowMs * 6).toISOString()).execute();
  }
}

/** Parses `Campaign` text from the database (it was validated when written). */
export const campaignFrom = (data: string): Campaign => JSON.parse(data) as Campaign;
