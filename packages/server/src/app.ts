import { join } from 'node:path';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { VecheError } from '@veche/core';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { type ServerConfig, loadConfig } from './config.ts';
import { type Database, openDatabase } from './db/open.ts';
import { adminRoutes } from './http/admin-routes.ts';
import { discussionRoutes } from './http/discussion-routes.ts';
import { embedRoutes } from './http/embed-routes.ts';
import { asVecheError } from './http/errors.ts';
import { openApiDocument } from './http/openapi.ts';
import { originAllowed } from './http/origins.ts';
import type { Req, RouteDef } from './http/route.ts';
import { publicRoutes } from './http/routes.ts';
import { staffRoutes } from './http/staff-routes.ts';
import { reportingRoutes } from './http/reporting-routes.ts';
import { allEmbedOrigins } from './service/admin.ts';
import { authenticate } from './service/auth.ts';
import { runAudited } from './service/audit.ts';
import { type StaffPolicy, actorOf, authenticateStaff, setStaffPolicy } from './service/staff.ts';
import { authorizeAdmin } from './staff/access.ts';
import { type CodeSender, type Ctx, cached, createContext } from './service/context.ts';
import { DiskImageStore, type ImageStore, MemoryImageStore } from './uploads.ts';

export interface ServerOptions {
  /** Configuration; `loadConfig()` of the environment when absent. */
  config?: ServerConfig;
  /** An open database; otherwise opened from the configuration (and closed with the server). */
  database?: Database;
  now?: () => Date;
  sender?: CodeSender;
  images?: ImageStore;
  /** How long a session lasts, in minutes (120). */
  sessionMinutes?: number;
  /** How long live counts may be reused, in ms (2000); 0 makes every read exact. */
  liveCacheMs?: number;
  /** Requests a minute from one address (1200), and for sign-in routes their own lower limits; false switches limits off. */
  rateLimit?: { perMinute: number } | false;
  /** Folders served beside the API: the element bundle (`/veche/`, open to every origin) and pages. */
  static?: { prefix: string; root: string; anyOrigin?: boolean }[];
  logger?: boolean;
  /** Trust X-Forwarded-* from a reverse proxy (for the client address and https). */
  trustProxy?: boolean | string;
  /** Staff sessions: length (12 h), idle limit (60 min) and the sign-in brakes. */
  staff?: Partial<StaffPolicy>;
}

export interface VecheServer {
  app: FastifyInstance;
  ctx: Ctx;
  database: Database;
  close(): Promise<void>;
}

const VERSION = '0.1.0';
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
/** The administration console: its own scripts and the API only; never inside another site's frame. */
const ADMIN_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https: http:; connect-src 'self'; " +
  "frame-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

/** The Veche HTTP API on Fastify: routes, errors, CORS, rate limits, security headers, OpenAPI. */
export async function createServer(options: ServerOptions = {}): Promise<VecheServer> {
  const config = options.config ?? loadConfig();
  const database = options.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  const ctx = createContext(database, {
    ...(options.now ? { now: options.now } : {}),
    ...(options.sender ? { sender: options.sender } : {}),
    images: options.images ?? (config.dataDir === ':memory:' ? new MemoryImageStore() : new DiskImageStore(join(config.dataDir, 'uploads'))),
    sessionMinutes: options.sessionMinutes ?? 120,
    liveCacheMs: options.liveCacheMs ?? 2000,
  });
  setStaffPolicy(ctx, options.staff ?? {});

  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1_048_576,
    routerOptions: { maxParamLength: 2000 },
    trustProxy: options.trustProxy ?? config.trustProxy,
    forceCloseConnections: true,
    return503OnClosing: true,
    // Malformed addresses (bad percent-encoding) get our error body too.
    frameworkErrors: (error, _request, reply) => {
      const { error: e } = asVecheError(error);
      void (reply as FastifyReply).code(e.status).type('application/json; charset=utf-8').send(e.toJSON());
    },
  });

  app.setErrorHandler((error, request, reply) => {
    const { error: e, internal } = asVecheError(error);
    if (internal) request.log.error(error);
    if (e.retryAfter !== undefined) void reply.header('retry-after', String(e.retryAfter));
    void reply.code(e.status).type('application/json; charset=utf-8').send(e.toJSON());
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send(new VecheError('not-found', `There is no ${request.method} ${request.url.split('?')[0]}`).toJSON());
  });

  // CORS: the widgets run on the city's pages. The bundle is open to all; the API to the allow-list
  // (CORS_ORIGINS and each campaign's embed origins). A page on another origin may read nothing and
  // change nothing. Security headers go on every answer, errors included.
  const allowList = () => cached(ctx, 'origins', async () => [...config.corsOrigins, ...(await allEmbedOrigins(ctx))]);
  const ownOrigin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;
  app.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-content-type-options', 'nosniff').header('referrer-policy', 'strict-origin-when-cross-origin').header('cross-origin-resource-policy', 'cross-origin');
    if (request.protocol === 'https') void reply.header('strict-transport-security', 'max-age=31536000');
    const api = request.url.startsWith('/api/');
    if (request.url === '/admin' || request.url.startsWith('/admin/')) {
      void reply.header('content-security-policy', ADMIN_CSP).header('x-frame-options', 'DENY').header('cache-control', 'no-cache');
    }
    if (api) {
      void reply.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'").header('x-frame-options', 'DENY').header('cache-control', 'no-store');
    }
    const origin = request.headers.origin;
    if (origin === undefined) return done();
    if (!api) {
      void reply.header('access-control-allow-origin', '*');
      return done();
    }
    void reply.header('vary', 'Origin');
    const finish = (ok: boolean) => {
      const preflight = request.method === 'OPTIONS';
      if (ok) {
        void reply.header('access-control-allow-origin', origin).header('access-control-expose-headers', 'Retry-After, Content-Disposition');
        if (preflight) {
          void reply
            .header('access-control-allow-methods', 'GET, HEAD, POST, PUT, DELETE')
            .header('access-control-allow-headers', 'Authorization, Content-Type, Idempotency-Key')
            .header('access-control-max-age', '600');
        }
        return done();
      }
      if (request.method === 'GET' || request.method === 'HEAD') return done();
      done(new VecheError('forbidden', `The origin ${origin.slice(0, 200)} may not use this API; ask the administrator to add it`));
    };
    if (origin === ownOrigin(request)) return finish(true);
    allowList().then((list) => finish(originAllowed(origin, list)), done);
  });
  app.options('/api/*', (_request, reply) => reply.code(204).send());

  if (options.rateLimit !== false) {
    await app.register(rateLimit, {
      global: true,
      max: options.rateLimit?.perMinute ?? 1200,
      timeWindow: 60_000,
      keyGenerator: (request) => request.ip,
      errorResponseBuilder: (_request, context) =>
        new VecheError('rate-limited', 'Too many requests; try again later', { retryAfter: Math.max(1, Math.ceil(context.ttl / 1000)) }),
    });
  }
  await app.register(multipart, { limits: { fileSize: 20_000_001, files: 1, fields: 5, parts: 6 } });

  const adminToken = config.adminToken;
  // The admin API answers staff sessions always, and the ADMIN_TOKEN (automation) when it is set.
  const routes = [...publicRoutes(ctx), ...adminRoutes(ctx), ...reportingRoutes(ctx, true), ...staffRoutes(ctx)];
  routes.push(...discussionRoutes(ctx, true));
  let document: unknown;
  routes.push(
    { method: 'GET', url: '/api/openapi.json', tag: 'meta', summary: 'This document', handler: async () => (document ??= openApiDocument(routes, VERSION)) },
    { method: 'GET', url: '/api/health', tag: 'meta', summary: 'Whether the server and its database answer', handler: async () => health(ctx) },
  );

  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.url,
      ...(route.bodyLimit ? { bodyLimit: route.bodyLimit } : {}),
      ...(route.perMinute && options.rateLimit !== false ? { config: { rateLimit: { max: route.perMinute, timeWindow: 60_000 } } } : {}),
      handler: (request, reply) => handle(route, request, reply),
    });
  }

  async function handle(route: RouteDef, request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
    const key = request.headers['idempotency-key'];
    if (key !== undefined && (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))) {
      throw new VecheError('invalid-input', 'Invalid Idempotency-Key: 1 to 200 visible ASCII characters');
    }
    const authorization = request.headers.authorization;
    const staff = route.auth === 'staff' ? await authenticateStaff(ctx, authorization) : undefined;
    const actor =
      route.auth === 'admin'
        ? await authorizeAdmin(ctx, route, authorization, adminToken, request.ip)
        : staff && actorOf(staff.staff, { sessionHash: staff.tokenHash, ip: request.ip });
    const req: Req = {
      params: request.params as Record<string, string>,
      query: (request.query ?? {}) as Record<string, unknown>,
      body: request.body,
      session: route.auth === 'resident' ? await authenticate(ctx, authorization) : null,
      ...(actor ? { actor } : {}),
      ...(staff ? { staff } : {}),
      ip: request.ip,
      idempotencyKey: key,
      origin: ownOrigin(request),
      raw: request,
      reply,
    };
    const result = route.auth === 'admin' ? await runAudited(ctx, route, req, () => route.handler(req)) : await route.handler(req);
    void reply.code(route.status ?? 200);
    if (route.response === 'none') return reply.send();
    if (result === null) return reply.type('application/json; charset=utf-8').send('null');
    return result;
  }

  embedRoutes(app, ctx, config);

  for (const mount of options.static ?? []) {
    await app.register(fastifyStatic, {
      root: mount.root,
      prefix: mount.prefix,
      decorateReply: false,
      index: ['index.html'],
      ...(mount.anyOrigin ? { setHeaders: (res: { setHeader(name: string, value: string): void }) => res.setHeader('access-control-allow-origin', '*') } : {}),
    });
  }

  if ((options.static ?? []).some((m) => m.prefix === '/admin/')) app.get('/admin', (_request, reply) => reply.redirect('/admin/'));

  return {
    app,
    ctx,
    database,
    close: async () => {
      await app.close();
      if (!options.database) await database.close();
    },
  };
}

async function health(ctx: Ctx): Promise<{ ok: true; engine: string }> {
  await ctx.db.selectFrom('campaigns').select('id').limit(1).execute();
  return { ok: true, engine: ctx.engine };
}
