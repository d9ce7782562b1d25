import { createHash, timingSafeEqual } from 'node:crypto';
import { VecheError } from '@veche/core';
import type { RouteDef } from '../http/route.ts';
import type { Ctx } from '../service/context.ts';
import { type StaffSession, actorOf, authenticateStaff } from '../service/staff.ts';
import { type Actor, type StaffRole, TOKEN_ACTOR } from './roles.ts';

const digest = (text: string) => createHash('sha256').update(text).digest();

const ALL: readonly StaffRole[] = ['administrator', 'moderator', 'viewer'];
const MODERATION: readonly StaffRole[] = ['administrator', 'moderator'];

/**
 * Who may call an admin route: its own `roles`, else by what it touches — moderators handle ideas,
 * comments, polls' answers and updates; every role reads campaigns and reports (results, exports,
 * participation, code counts); the rest is the administrator's.
 */
export function allowedRoles(route: Pick<RouteDef, 'method' | 'url' | 'roles'>): readonly StaffRole[] {
  if (route.roles) return route.roles;
  const { method, url } = route;
  if (method === 'GET' && /^\/api\/admin\/campaigns(\/:campaignId)?$/.test(url)) return ALL;
  if (method === 'GET' && /\/(results|export|participation|codes\/stats)/.test(url)) return ALL;
  if (/\/(ideas|moderation|comments|updates|merge|history)(\/|$)/.test(url)) return MODERATION;
  if (method === 'PUT' && url === '/api/admin/projects/:projectId') return MODERATION;
  return ['administrator'];
}

/**
 * The actor of an admin route: the ADMIN_TOKEN (automation, an administrator) when it is configured
 * and given, else a staff session whose role the route allows. 401 without either; 403 for a role the
 * route does not allow, or a session whose one-time password is still unchanged.
 */
export async function authorizeAdmin(ctx: Ctx, route: Pick<RouteDef, 'method' | 'url' | 'roles'>, header: string | undefined, adminToken: string | undefined, ip: string): Promise<Actor> {
  const given = /^Bearer (.+)$/.exec(header ?? '')?.[1];
  if (given === undefined) throw new VecheError('unauthorized', 'The admin API needs a staff session or the ADMIN_TOKEN as a bearer token');
  if (adminToken !== undefined && timingSafeEqual(digest(given), digest(adminToken))) return { ...TOKEN_ACTOR, ip };
  const session = await authenticateStaff(ctx, header);
  requireReady(session);
  const roles = allowedRoles(route);
  if (!roles.includes(session.staff.role as StaffRole)) {
    throw new VecheError('forbidden', `A ${session.staff.role} may not do this; ask an administrator`, { details: { role: session.staff.role, roles } });
  }
  return actorOf(session.staff, { sessionHash: session.tokenHash, ip });
}

/** A session that still holds a one-time password may only change it. */
export function requireReady(session: StaffSession): void {
  if (session.staff.must_change_password === 1) {
    throw new VecheError('forbidden', 'Change your one-time password first', { details: { mustChangePassword: true } });
  }
}
