import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import {
  SIGN_IN_METHODS,
  VecheError,
  maskContact,
  normalizeCode,
  normalizeContact,
  phaseState,
  type CodeRequestReceipt,
  type Identity,
  type SignInMethod,
} from '@veche/core';
import { type JWTPayload, decodeJwt, importSPKI, jwtVerify } from 'jose';
import { sql } from 'kysely';
import { addressKey } from '../http/address.ts';
import { type Ctx, type Session, campaignFrom, iso, recordAttempt, sha256, throttle } from './context.ts';

const BEARER = /^Bearer ([A-Za-z0-9_-]{20,200})$/;

/** The session a bearer token names; null without a token; 401 for an unknown or expired one. */
export async function authenticate(ctx: Ctx, header: string | undefined): Promise<Session | null> {
  if (header === undefined || header === '') return null;
  const match = BEARER.exec(header.trim());
  if (!match) throw new VecheError('unauthorized', 'The Authorization header must be "Bearer <token>"');
  const tokenHash = sha256(match[1]!);
  const row = await ctx.db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  if (!row || row.expires_at <= iso(ctx)) {
    if (row) await ctx.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    throw new VecheError('unauthorized', 'The session has expired; sign in again');
  }
  return {
    tokenHash,
    residentId: row.resident_id,
    method: row.method as SignInMethod,
    campaignId: row.campaign_id ?? undefined,
    districtId: row.district_id ?? undefined,
    displayName: row.display_name ?? undefined,
    expiresAt: row.expires_at,
  };
}

/** The resident and what they may do in each campaign (or in the one asked about). */
export async function identityOf(ctx: Ctx, session: Session, only?: string): Promise<Identity> {
  let query = ctx.db.selectFrom('campaigns').select(['id', 'data']);
  if (only !== undefined) query = query.where('id', '=', only);
  const now = ctx.now();
  const campaigns: Identity['campaigns'] = {};
  for (const row of await query.execute()) {
    const c = campaignFrom(row.data);
    const mine = session.campaignId === undefined || session.campaignId === c.id;
    campaigns[c.id] = {
      ideas: mine && phaseState(c, 'ideas', now) === 'open' && (c.signIn.ideas.length === 0 || c.signIn.ideas.includes(session.method)),
      support: mine && phaseState(c, 'support', now) === 'open' && c.signIn.support.includes(session.method),
      vote: mine && phaseState(c, 'voting', now) === 'open' && c.signIn.voting.includes(session.method),
      ...(session.districtId !== undefined && mine ? { districtId: session.districtId } : {}),
    };
  }
  return {
    residentId: session.residentId,
    method: session.method,
    expiresAt: session.expiresAt,
    campaigns,
    ...(session.displayName !== undefined ? { displayName: session.displayName } : {}),
  };
}

export interface SignedIn {
  token: string;
  identity: Identity;
}

async function startSession(
  ctx: Ctx,
  residentId: string,
  method: SignInMethod,
  extra: { campaignId?: string | null; districtId?: string | null; displayName?: string | null } = {},
): Promise<SignedIn> {
  const token = randomBytes(32).toString('base64url');
  const now = ctx.now();
  const session: Session = {
    tokenHash: sha256(token),
    residentId,
    method,
    campaignId: extra.campaignId ?? undefined,
    districtId: extra.districtId ?? undefined,
    displayName: extra.displayName ?? undefined,
    expiresAt: new Date(now.getTime() + ctx.sessionMinutes * 60_000).toISOString(),
  };
  await ctx.db
    .insertInto('sessions')
    .values({
      token_hash: session.tokenHash,
      resident_id: residentId,
      method,
      campaign_id: session.campaignId ?? null,
      district_id: session.districtId ?? null,
      display_name: session.displayName ?? null,
      expires_at: session.expiresAt,
      created_at: now.toISOString(),
    })
    .execute();
  if (Math.random() < 0.01) await ctx.db.deleteFrom('sessions').where('expires_at', '<', now.toISOString()).execute();
  return { token, identity: await identityOf(ctx, session) };
}

/** Starts a session for a resident without a proof (the benchmark and tests use it). */
export const sessionFor = startSession;

/** A printed voting code: single use, guessing is braked per address (per /64 for IPv6). */
export async function signInWithVotingCode(ctx: Ctx, code: string, ip: string): Promise<SignedIn> {
  const brake = `voting-code:${addressKey(ip)}`;
  const hash = sha256(normalizeCode(code));
  // Checking the brake, trying the code and counting a failure are one step per address: parallel
  // guesses from one address wait for each other, so a burst cannot slip past the count.
  const used = await ctx.db.transaction().execute(async (trx) => {
    if (ctx.engine === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${brake}))`.execute(trx);
    const inside = { ...ctx, db: trx };
    await throttle(inside, brake, 20, 600_000, false);
    const row = await trx
      .updateTable('voting_codes')
      .set({ used_at: iso(ctx) })
      .where('code_hash', '=', hash)
      .where('used_at', 'is', null)
      .returning(['campaign_id', 'district_id'])
      .executeTakeFirst();
    if (!row) await recordAttempt(inside, brake);
    return row;
  });
  if (!used) {
    const known = await ctx.db.selectFrom('voting_codes').select('used_at').where('code_hash', '=', hash).executeTakeFirst();
    throw new VecheError('unauthorized', known ? 'This voting code has already been used' : 'This voting code is not valid');
  }
  return startSession(ctx, `code-${hash.slice(0, 24)}`, 'voting-code', { campaignId: used.campaign_id, districtId: used.district_id });
}

const contactKey = (contact: string) => sha256(`contact:${contact}`);

/** Sends a one-time code; at most 3 a contact in 10 minutes. */
export async function requestCode(ctx: Ctx, rawContact: string, ip: string): Promise<CodeRequestReceipt> {
  const contact = normalizeContact(rawContact);
  if (!contact) throw new VecheError('invalid-input', 'Invalid contact: contact must be an e-mail address or a phone number');
  const key = contactKey(contact);
  await throttle(ctx, `code-request:${key}`, 3);
  await throttle(ctx, `code-request-ip:${addressKey(ip)}`, 30);
  const code = String(randomInt(100_000, 1_000_000));
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + 10 * 60_000).toISOString();
  const row = { code_hash: sha256(`${key}:${code}`), expires_at: expiresAt, attempts: 0, created_at: now.toISOString() };
  await ctx.db
    .insertInto('one_time_codes')
    .values({ contact_hash: key, ...row })
    .onConflict((oc) => oc.column('contact_hash').doUpdateSet(row))
    .execute();
  await ctx.sender.send({ contact, code, expiresAt });
  return { sentTo: maskContact(contact), expiresAt };
}

/** Checks a one-time code: at most 5 tries, then a new code is needed. */
export async function signInWithCode(ctx: Ctx, rawContact: string, code: string): Promise<SignedIn> {
  const contact = normalizeContact(rawContact);
  const key = contact ? contactKey(contact) : '';
  const pending = contact
    ? await ctx.db
        .updateTable('one_time_codes')
        .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
        .where('contact_hash', '=', key)
        .where('expires_at', '>', iso(ctx))
        .returning(['attempts', 'code_hash'])
        .executeTakeFirst()
    : undefined;
  if (!contact || !pending) throw new VecheError('unauthorized', 'Request a new code: this one has expired or was never sent');
  if (pending.attempts > 5) {
    await ctx.db.deleteFrom('one_time_codes').where('contact_hash', '=', key).execute();
    throw new VecheError('rate-limited', 'Too many wrong codes; request a new one', { retryAfter: 60 });
  }
  const given = Buffer.from(sha256(`${key}:${code.trim()}`));
  if (!timingSafeEqual(given, Buffer.from(pending.code_hash))) throw new VecheError('unauthorized', 'The code is wrong');
  // Deleting by the code's hash makes the code single use even when two requests race.
  const taken = await ctx.db.deleteFrom('one_time_codes').where('contact_hash', '=', key).where('code_hash', '=', pending.code_hash).executeTakeFirst();
  if (Number(taken.numDeletedRows) === 0) throw new VecheError('unauthorized', 'Request a new code: this one has expired or was never sent');
  return startSession(ctx, `contact-${key.slice(0, 24)}`, 'one-time-code');
}

const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'];
export const HOST_KEY_ALGORITHMS = ['HS256', 'HS384', 'HS512', ...ASYMMETRIC] as const;

/**
 * A token the host site signed for its own signed-in user (a city portal with a Госуслуги login).
 * It must come from a registered issuer, name the user in `sub`, and expire within an hour; `name`
 * and `district` claims are optional.
 */
export async function signInWithHostToken(ctx: Ctx, token: string): Promise<SignedIn> {
  const invalid = (why: string) => new VecheError('unauthorized', `The host token is not valid: ${why}`);
  let claims: JWTPayload;
  try {
    claims = decodeJwt(token);
  } catch {
    throw invalid('it is not a JWT');
  }
  if (typeof claims.iss !== 'string') throw invalid('it has no issuer');
  const issuer = await ctx.db.selectFrom('host_keys').selectAll().where('issuer', '=', claims.iss).executeTakeFirst();
  if (!issuer) throw invalid('its issuer is not registered');
  const key = ASYMMETRIC.includes(issuer.algorithm) ? await importSPKI(issuer.key, issuer.algorithm) : new TextEncoder().encode(issuer.key);
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, key, {
      issuer: issuer.issuer,
      algorithms: [issuer.algorithm],
      currentDate: ctx.now(),
      requiredClaims: ['exp', 'sub'],
      ...(issuer.audience ? { audience: issuer.audience } : {}),
    }));
  } catch (error) {
    throw invalid(error instanceof Error ? error.message : 'the signature does not match');
  }
  if (payload.exp! * 1000 - ctx.now().getTime() > 3_600_000) throw invalid('it must expire within an hour');
  const name = typeof payload['name'] === 'string' ? payload['name'].slice(0, 200) : null;
  const district = typeof payload['district'] === 'string' ? payload['district'].slice(0, 64) : null;
  return startSession(ctx, `host-${sha256(`${issuer.issuer}\n${payload.sub}`).slice(0, 24)}`, 'host-token', {
    displayName: name,
    districtId: district,
  });
}

export async function signOut(ctx: Ctx, session: Session | null): Promise<void> {
  if (session) await ctx.db.deleteFrom('sessions').where('token_hash', '=', session.tokenHash).execute();
}

export const isSignInMethod = (value: string): value is SignInMethod => (SIGN_IN_METHODS as readonly string[]).includes(value);
