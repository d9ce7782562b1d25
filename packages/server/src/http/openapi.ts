import { ERROR_CODES, ERROR_STATUS } from '@veche/core';
import * as z from 'zod/mini';
import type { RouteDef } from './route.ts';

type Json = Record<string, unknown>;

const schemaOf = (schema: z.ZodMiniType, io: 'input' | 'output'): Json => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  return rest;
};

const ERROR_BODY: Json = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: [...ERROR_CODES] },
        message: { type: 'string' },
        details: {
          type: 'object',
          description:
            'unauthorized/forbidden: `methods` (the sign-in methods the campaign accepts); rule-violation: `violations` (every broken rule); ' +
            'invalid-input: `issues` ({field, message}); phase-closed: `phase`, `state`, `start`, `end`',
        },
      },
    },
  },
};

/** The OpenAPI 3.1 document of the routes, with schemas generated from the core zod schemas. */
export function openApiDocument(routes: readonly RouteDef[], version: string): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const route of routes) {
    const path = route.url.replace(/:(\w+)/g, '{$1}');
    const parameters: Json[] = [...route.url.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    for (const q of route.query ?? []) parameters.push({ name: q.name, in: 'query', required: false, description: q.description, schema: q.schema });
    if (route.idempotent) {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description: 'Applies the request once: a repeat with the same key answers what the first request answered',
        schema: { type: 'string', maxLength: 200 },
      });
    }
    const status = String(route.status ?? 200);
    const responses: Record<string, Json> = {};
    if (route.response === 'none') responses[status] = { description: 'Done' };
    else if (route.response === 'text') responses[status] = { description: 'A text file', content: { 'text/plain': { schema: { type: 'string' } } } };
    else if (route.response === 'image') responses[status] = { description: 'The image', content: { 'image/*': { schema: { type: 'string', format: 'binary' } } } };
    else responses[status] = { description: 'OK', content: { 'application/json': { schema: route.response ? schemaOf(route.response, 'output') : { type: 'object' } } } };
    for (const code of new Set(['invalid-input', 'rate-limited', ...(route.errors ?? [])])) {
      const http = String(ERROR_STATUS[code as keyof typeof ERROR_STATUS]);
      const existing = responses[http];
      responses[http] = {
        description: existing ? `${String(existing['description'])}, ${code}` : code,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    }
    const operation: Json = { summary: route.summary, tags: [route.tag], parameters, responses };
    if (route.body === 'multipart') {
      operation['requestBody'] = {
        required: true,
        content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } } },
      };
    } else if (route.body === 'pabulib') {
      operation['requestBody'] = { required: true, content: { 'text/plain': { schema: { type: 'string', description: 'A Pabulib .pb file' } } } };
    } else if (route.body) {
      operation['requestBody'] = { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } };
    }
    if (route.auth === 'admin') operation['security'] = [{ admin: [] }];
    if (route.auth === 'resident') operation['security'] = [{ resident: [] }, {}];
    (paths[path] ??= {})[route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Veche API',
      version,
      description:
        'The HTTP API of the Veche reference server. Errors are always {"error": {"code", "message", "details"?}}. ' +
        'Residents sign in with a voting code, a one-time code or a host-signed token and send the session token as a bearer token.',
    },
    paths,
    components: {
      schemas: { Error: ERROR_BODY },
      securitySchemes: {
        resident: { type: 'http', scheme: 'bearer', description: 'The token of POST /api/auth/*' },
        admin: { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN' },
      },
    },
  };
}
