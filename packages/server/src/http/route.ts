import type { FastifyReply, FastifyRequest } from 'fastify';
import type * as z from 'zod/mini';
import type { Session } from '../service/context.ts';
import type { StaffSession } from '../service/staff.ts';
import type { Actor, StaffRole } from '../staff/roles.ts';

export interface Req {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  /** The resident named by the bearer token (routes with `auth: 'resident'`), or null. */
  session: Session | null;
  /** Who acts on an admin or staff route: a staff member, the ADMIN_TOKEN, … (for the audit log). */
  actor?: Actor;
  /** The staff session of a route with `auth: 'staff'`. */
  staff?: StaffSession;
  ip: string;
  idempotencyKey: string | undefined;
  /** This server's own origin, for absolute URLs. */
  origin: string;
  raw: FastifyRequest;
  reply: FastifyReply;
}

export interface QueryParam {
  name: string;
  description: string;
  schema: Record<string, unknown>;
}

/** One API route: how it is served and how the OpenAPI document describes it. */
export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  summary: string;
  tag: 'campaigns' | 'ideas' | 'support' | 'ballot' | 'results' | 'auth' | 'admin' | 'meta' | 'discussion' | 'staff';
  /**
   * `resident`: reads the bearer token (the service decides whether one is needed); `admin`: the
   * ADMIN_TOKEN or a staff session whose role may (see `roles`); `staff`: any signed-in staff member.
   */
  auth?: 'resident' | 'admin' | 'staff';
  /** Staff roles that may call an admin route; by default `allowedRoles` (src/staff/access.ts) decides. */
  roles?: readonly StaffRole[];
  /** The audit log's name of the action, or false when the handler writes its own entries. */
  audit?: string | false;
  body?: z.ZodMiniType | 'pabulib' | 'multipart';
  query?: QueryParam[];
  response?: z.ZodMiniType | 'text' | 'image' | 'none';
  status?: number;
  idempotent?: boolean;
  /** Requests a minute from one address, when stricter than the global limit. */
  perMinute?: number;
  bodyLimit?: number;
  /** Error codes the route can answer with, besides invalid-input and rate-limited. */
  errors?: string[];
  handler(req: Req): Promise<unknown>;
}
