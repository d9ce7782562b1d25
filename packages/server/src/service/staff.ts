import { randomBytes } from 'node:crypto';
import { VecheError, parseWith } from '@veche/core';
import * as z from 'zod/mini';
import { MIN_PASSWORD_LENGTH, checkNothing, checkPassword, hashPassword, oneTimePassword } from '../staff/passwords.ts';
import { type Actor, STAFF_ROLES, type StaffRole } from '../staff/roles.ts';
import { newTotpSecret, otpauthUri, verifyTotp } from '../staff/totp.ts';
import type { StaffTable } from '../staff/migration.ts';
import { recordAudit } from './audit.ts';
import { type Ctx, iso, randomId, recordAttempt, sha256, throttle } from './context.ts';

/** How long staff sessions last: at most `sessionMinutes` from sign-in, and `idleMinutes` without a request. */
export interface StaffPolicy {
  sessionMinutes: number;
  idleMinutes: number;
  /** Failed sign-ins an account may have in 15 minutes before it is braked (5). */
  accountAttempts: number;
  /** Failed sign-ins one address may make in 15 minutes (20). */
  addressAttempts: number;
}

export const DEFAULT_STAFF_POLICY: StaffPolicy = { sessionMinutes: 12 * 60, idleMinutes: 60, accountAttempts: 5, addressAttempts: 20 };

const policies = new WeakMap<Ctx, StaffPolicy>();
export const setStaffPolicy = (ctx: Ctx, policy: Partial<StaffPolicy>): void => void policies.set(ctx, { ...DEFAULT_STAFF_POLICY, ...policy });
const policyOf = (ctx: Ctx): StaffPolicy => policies.get(ctx) ?? DEFAULT_STAFF_POLICY;

/** A staff member as the API shows them: never the hashes or the TOTP secret. */
export interface StaffView {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  totp: boolean;
  mustChangePassword: boolean;
  disabled: boolean;
  lastSignInAt: string | null;
  createdAt: string;
}

const view = (r: StaffTable): StaffView => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role as StaffRole,
  totp: r.totp_secret !== null,
  mustChangePassword: r.must_change_password === 1,
  disabled: r.disabled === 1,
  lastSignInAt: r.last_sign_in_at,
  createdAt: r.created_at,
});

export const actorOf = (r: StaffTable, extra: Partial<Actor> = {}): Actor => ({
  kind: 'staff',
  role: r.role as StaffRole,
  label: `${r.name} <${r.email}>`,
  staffId: r.id,
  email: r.email,
  ...extra,
});

const Email = z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254), z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an e-mail address'));
const Password = z.string().check(z.minLength(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`), z.maxLength(200));

export const NewStaff = z.object({
  email: Email,
  name: z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(200)),
  role: z.enum(STAFF_ROLES),
  /** A password of your own; without it a one-time password is made and must be changed at first sign-in. */
  password: z.optional(Password),
});

export const StaffChange = z.object({
  name: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
  role: z.optional(z.enum(STAFF_ROLES)),
  disabled: z.optional(z.boolean()),
});

export const SignInBody = z.object({
  email: z.string().check(z.trim(), z.toLowerCase(), z.minLength(3), z.maxLength(254)),
  password: z.string().check(z.minLength(1), z.maxLength(200)),
  code: z.optional(z.string().check(z.trim(), z.maxLength(12))),
});

export const PasswordChange = z.object({ current: z.string().check(z.maxLength(200)), next: Password });
export const CodeBody = z.object({ code: z.string().check(z.trim(), z.minLength(6), z.maxLength(12)) });

async function load(ctx: Ctx, id: string): Promise<StaffTable> {
  const row = await ctx.db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new VecheError('not-found', `There is no staff member ${id}`);
  return row;
}

async function activeAdministrators(ctx: Ctx): Promise<number> {
  const row = await ctx.db
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'administrator')
    .where('disabled', '=', 0)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listStaff(ctx: Ctx): Promise<StaffView[]> {
  const rows = await ctx.db.selectFrom('staff').selectAll().orderBy('email').execute();
  return rows.map(view);
}

/** Creates an account; returns the one-time password when none was given (shown once). */
export async function addStaff(ctx: Ctx, input: unknown, actor: Actor): Promise<{ staff: StaffView; password?: string }> {
  const body = parseWith(NewStaff, input, 'staff member');
  const generated = body.password === undefined ? oneTimePassword() : undefined;
  const now = iso(ctx);
  const row: StaffTable = {
    id: randomId('staff'),
    email: body.email,
    name: body.name,
    role: body.role,
    password_hash: await hashPassword(body.password ?? generated!),
    must_change_password: generated === undefined ? 0 : 1,
    totp_secret: null,
    totp_pending: null,
    totp_last_step: null,
    disabled: 0,
    last_sign_in_at: null,
    created_at: now,
    updated_at: now,
  };
  const inserted = await ctx.db
    .insertInto('staff')
    .values(row)
    .onConflict((oc) => oc.column('email').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) throw new VecheError('conflict', `There is already a staff member with the e-mail ${body.email}`);
  const staff = view(row);
  await recordAudit(ctx, actor, { action: 'staff.add', targetType: 'staff', targetId: row.id, after: staff });
  return generated === undefined ? { staff } : { staff, password: generated };
}

/** Changes name, role or the disabled flag; the last active administrator cannot be demoted or disabled. */
export async function updateStaff(ctx: Ctx, id: string, input: unknown, actor: Actor): Promise<StaffView> {
  const change = parseWith(StaffChange, input, 'staff change');
  const before = await load(ctx, id);
  const demotes = before.role === 'administrator' && before.disabled === 0 && ((change.role !== undefined && change.role !== 'administrator') || change.disabled === true);
  if (demotes && (await activeAdministrators(ctx)) <= 1) throw new VecheError('conflict', 'This is the last active administrator: add another one first');
  await ctx.db
    .updateTable('staff')
    .set({
      ...(change.name !== undefined ? { name: change.name } : {}),
      ...(change.role !== undefined ? { role: change.role } : {}),
      ...(change.disabled !== undefined ? { disabled: change.disabled ? 1 : 0 } : {}),
      updated_at: iso(ctx),
    })
    .where('id', '=', id)
    .execute();
  // A changed role or a disabled account takes effect at once: its sessions end.
  if ((change.role !== undefined && change.role !== before.role) || change.disabled === true) {
    await ctx.db.deleteFrom('staff_sessions').where('staff_id', '=', id).execute();
  }
  const after = view(await load(ctx, id));
  await recordAudit(ctx, actor, { action: 'staff.update', targetType: 'staff', targetId: id, before: view(before), after });
  return after;
}

/** A new one-time password (shown once); the second factor stays, every session ends. */
export async function resetPassword(ctx: Ctx, id: string, actor: Actor): Promise<{ password: string }> {
  await load(ctx, id);
  const password = oneTimePassword();
  await ctx.db.updateTable('staff').set({ password_hash: await hashPassword(password), must_change_password: 1, updated_at: iso(ctx) }).where('id', '=', id).execute();
  await ctx.db.deleteFrom('staff_sessions').where('staff_id', '=', id).execute();
  await recordAudit(ctx, actor, { action: 'staff.password-reset', targetType: 'staff', targetId: id });
  return { password };
}

/** Turns a staff member's second factor off (an administrator's help for a lost phone). */
export async function resetTotp(ctx: Ctx, id: string, actor: Actor): Promise<StaffView> {
  await load(ctx, id);
  await ctx.db.updateTable('staff').set({ totp_secret: null, totp_pending: null, updated_at: iso(ctx) }).where('id', '=', id).execute();
  await recordAudit(ctx, actor, { action: 'staff.totp-reset', targetType: 'staff', targetId: id });
  return view(await load(ctx, id));
}

/** Ends every session of a staff member (sign-out everywhere); `keep` spares the caller's own. */
export async function endSessions(ctx: Ctx, id: string, actor: Actor, keep?: string): Promise<{ ended: number }> {
  let query = ctx.db.deleteFrom('staff_sessions').where('staff_id', '=', id);
  if (keep) query = query.where('token_hash', '!=', keep);
  const done = await query.executeTakeFirst();
  const ended = Number(done.numDeletedRows);
  await recordAudit(ctx, actor, { action: 'staff.sign-out-everywhere', targetType: 'staff', targetId: id, details: { ended } });
  return { ended };
}

export interface StaffSignedIn {
  token: string;
  expiresAt: string;
  staff: StaffView;
}

/**
 * Password (and TOTP code when the second factor is on) for a session. Failures are braked per
 * account and per address and recorded in the audit log; the answer never says which part was wrong,
 * except that a code is needed (`details.totp`) once the password was right.
 */
export async function signIn(ctx: Ctx, input: unknown, ip: string, userAgent?: string): Promise<StaffSignedIn> {
  const body = parseWith(SignInBody, input, 'sign-in request');
  const policy = policyOf(ctx);
  const window = 15 * 60_000;
  const accountKey = `staff-sign-in:${sha256(body.email)}`;
  const addressKey = `staff-sign-in-ip:${ip}`;
  const typed: Actor = { kind: 'staff', role: 'viewer', label: body.email.slice(0, 254), ip };
  try {
    await throttle(ctx, accountKey, policy.accountAttempts, window, false);
    await throttle(ctx, addressKey, policy.addressAttempts, window, false);
  } catch (error) {
    await recordAudit(ctx, typed, { action: 'staff.sign-in-blocked', targetType: 'staff', details: { email: body.email } });
    throw error;
  }
  const row = await ctx.db.selectFrom('staff').selectAll().where('email', '=', body.email).executeTakeFirst();
  const fail = async (why: string, extra: Record<string, unknown> = {}) => {
    await recordAttempt(ctx, accountKey, window);
    await recordAttempt(ctx, addressKey, window);
    await recordAudit(ctx, row ? actorOf(row, { ip }) : typed, {
      action: 'staff.sign-in-failed',
      targetType: 'staff',
      ...(row ? { targetId: row.id } : {}),
      details: { email: body.email, why },
    });
    return new VecheError('unauthorized', 'The e-mail or password is wrong', extra);
  };
  const ok = row ? await checkPassword(row.password_hash, body.password) : await checkNothing(body.password);
  if (!row || !ok) throw await fail('password');
  if (row.disabled === 1) throw await fail('disabled');
  if (row.totp_secret !== null) {
    if (!body.code) throw new VecheError('unauthorized', 'Enter the code from your authenticator app', { details: { totp: true } });
    const step = verifyTotp(row.totp_secret, body.code, ctx.now());
    if (step === null || (row.totp_last_step !== null && step <= row.totp_last_step)) {
      const error = await fail('code');
      throw new VecheError('unauthorized', 'The code is wrong or was already used', { details: { totp: true }, cause: error });
    }
    // Claims the step: a code works once, even when two requests race.
    const claimed = await ctx.db
      .updateTable('staff')
      .set({ totp_last_step: step })
      .where('id', '=', row.id)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) throw new VecheError('unauthorized', 'The code is wrong or was already used', { details: { totp: true } });
  }
  const token = randomBytes(32).toString('base64url');
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + policy.sessionMinutes * 60_000).toISOString();
  await ctx.db
    .insertInto('staff_sessions')
    .values({
      token_hash: sha256(token),
      staff_id: row.id,
      ip,
      user_agent: userAgent?.slice(0, 300) ?? null,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt,
    })
    .execute();
  await ctx.db.updateTable('staff').set({ last_sign_in_at: now.toISOString() }).where('id', '=', row.id).execute();
  if (Math.random() < 0.05) await ctx.db.deleteFrom('staff_sessions').where('expires_at', '<', now.toISOString()).execute();
  await recordAudit(ctx, actorOf(row, { ip }), { action: 'staff.sign-in', targetType: 'staff', targetId: row.id, details: { totp: row.totp_secret !== null } });
  return { token, expiresAt, staff: view({ ...row, last_sign_in_at: now.toISOString() }) };
}

export interface StaffSession {
  staff: StaffTable;
  tokenHash: string;
  expiresAt: string;
}

const BEARER = /^Bearer ([A-Za-z0-9_-]{20,200})$/;

/** The staff session a bearer token names: 401 when unknown, expired, idle too long or its account disabled. */
export async function authenticateStaff(ctx: Ctx, header: string | undefined): Promise<StaffSession> {
  const match = BEARER.exec(header?.trim() ?? '');
  if (!match) throw new VecheError('unauthorized', 'Sign in to the administration console first');
  const tokenHash = sha256(match[1]!);
  const row = await ctx.db
    .selectFrom('staff_sessions')
    .innerJoin('staff', 'staff.id', 'staff_sessions.staff_id')
    .selectAll('staff')
    .select(['staff_sessions.expires_at as session_expires', 'staff_sessions.last_seen_at as session_seen'])
    .where('staff_sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
  const now = ctx.now();
  const policy = policyOf(ctx);
  if (!row || row.session_expires <= now.toISOString() || Date.parse(row.session_seen) + policy.idleMinutes * 60_000 <= now.getTime() || row.disabled === 1) {
    if (row) await ctx.db.deleteFrom('staff_sessions').where('token_hash', '=', tokenHash).execute();
    throw new VecheError('unauthorized', 'The session has expired; sign in again', { details: { expired: true } });
  }
  // Idle time is counted from the last request, written at most once a minute.
  if (now.getTime() - Date.parse(row.session_seen) > 60_000) {
    await ctx.db.updateTable('staff_sessions').set({ last_seen_at: now.toISOString() }).where('token_hash', '=', tokenHash).execute();
  }
  const { session_expires: expiresAt, session_seen: _seen, ...staff } = row;
  return { staff, tokenHash, expiresAt };
}

export async function signOut(ctx: Ctx, session: StaffSession, ip: string): Promise<void> {
  await ctx.db.deleteFrom('staff_sessions').where('token_hash', '=', session.tokenHash).execute();
  await recordAudit(ctx, actorOf(session.staff, { ip }), { action: 'staff.sign-out', targetType: 'staff', targetId: session.staff.id });
}

export function me(session: StaffSession): StaffView & { expiresAt: string } {
  return { ...view(session.staff), expiresAt: session.expiresAt };
}

/** A new password of one's own (required after a one-time one); other sessions end. */
export async function changePassword(ctx: Ctx, session: StaffSession, input: unknown, ip: string): Promise<StaffView> {
  const body = parseWith(PasswordChange, input, 'password change');
  const actor = actorOf(session.staff, { ip });
  if (!(await checkPassword(session.staff.password_hash, body.current))) {
    await recordAudit(ctx, actor, { action: 'staff.password-change-failed', targetType: 'staff', targetId: session.staff.id });
    throw new VecheError('forbidden', 'The current password is wrong');
  }
  if (body.next === body.current) throw new VecheError('invalid-input', 'Invalid password: the new password must differ from the current one', { details: { issues: [{ field: 'next', message: 'must differ from the current password' }] } });
  await ctx.db
    .updateTable('staff')
    .set({ password_hash: await hashPassword(body.next), must_change_password: 0, updated_at: iso(ctx) })
    .where('id', '=', session.staff.id)
    .execute();
  await ctx.db.deleteFrom('staff_sessions').where('staff_id', '=', session.staff.id).where('token_hash', '!=', session.tokenHash).execute();
  await recordAudit(ctx, actor, { action: 'staff.password-change', targetType: 'staff', targetId: session.staff.id });
  return view(await load(ctx, session.staff.id));
}

/** Starts setting up the second factor: a fresh secret and its otpauth:// address for the QR code. */
export async function beginTotp(ctx: Ctx, session: StaffSession): Promise<{ secret: string; uri: string }> {
  const secret = newTotpSecret();
  await ctx.db.updateTable('staff').set({ totp_pending: secret, updated_at: iso(ctx) }).where('id', '=', session.staff.id).execute();
  return { secret, uri: otpauthUri(secret, session.staff.email) };
}

/** Turns the second factor on once a code from the app matches the pending secret. */
export async function confirmTotp(ctx: Ctx, session: StaffSession, input: unknown, ip: string): Promise<StaffView> {
  const { code } = parseWith(CodeBody, input, 'code');
  const row = await load(ctx, session.staff.id);
  if (!row.totp_pending) throw new VecheError('conflict', 'Start the setup first');
  const step = verifyTotp(row.totp_pending, code, ctx.now());
  if (step === null) throw new VecheError('invalid-input', 'Invalid code: it does not match; check the time on your phone', { details: { issues: [{ field: 'code', message: 'does not match' }] } });
  await ctx.db
    .updateTable('staff')
    .set({ totp_secret: row.totp_pending, totp_pending: null, totp_last_step: step, updated_at: iso(ctx) })
    .where('id', '=', row.id)
    .execute();
  await recordAudit(ctx, actorOf(row, { ip }), { action: 'staff.totp-on', targetType: 'staff', targetId: row.id });
  return view(await load(ctx, row.id));
}

/** Turns one's own second factor off, with a current code. */
export async function disableTotp(ctx: Ctx, session: StaffSession, input: unknown, ip: string): Promise<StaffView> {
  const { code } = parseWith(CodeBody, input, 'code');
  const row = await load(ctx, session.staff.id);
  if (!row.totp_secret) return view(row);
  if (verifyTotp(row.totp_secret, code, ctx.now()) === null) throw new VecheError('forbidden', 'The code is wrong');
  await ctx.db.updateTable('staff').set({ totp_secret: null, totp_last_step: null, updated_at: iso(ctx) }).where('id', '=', row.id).execute();
  await recordAudit(ctx, actorOf(row, { ip }), { action: 'staff.totp-off', targetType: 'staff', targetId: row.id });
  return view(await load(ctx, row.id));
}
