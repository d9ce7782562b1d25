import type { FastifyReply, FastifyRequest } from 'fastify';
import type * as z from 'zod/mini';
import type { Session } from '../service/context.ts';

export interface Req {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  /** The resident named by the bearer token (routes with `auth: 'resident'`), or null. */
  session: Session | null;
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
  tag: 'campaigns' | 'ideas' | 'support' | 'ballot' | 'results' | 'auth' | 'admin' | 'meta' | 'discussion';
  /** `resident`: reads the bearer token (the service decides whether one is needed); `admin`: ADMIN_TOKEN. */
  auth?: 'resident' | 'admin';
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
