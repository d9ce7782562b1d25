// Every operation of the OpenAPI document the server serves, fuzzed with fast-check from its own
// schemas (path parameters, query, JSON, text and multipart bodies, tokens, Idempotency-Keys, the
// campaign's phase), on SQLite and PostgreSQL: never a 5xx, every error in our shape
// {"error": {code, message}}. VECHE_FUZZ_RUNS sets the runs per operation (25).
import { ERROR_CODES } from '@veche/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './support/databases.ts';
import { type Answer, call } from './support/http.ts';
import { type Schema, nearlyValid } from './support/json-schema-arbitrary.ts';
import { ADMIN_TOKEN, NOW, type TestServer, startServer, testClock } from './support/server.ts';
import { PNG_1X1 } from './support/values.ts';

const RUNS = Number(process.env['VECHE_FUZZ_RUNS'] ?? 25) || 25;

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema?: Schema;
}

interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  security: unknown;
  parameters: Parameter[];
  body: { type: string; schema: Schema } | undefined;
}

interface Request {
  url: string;
  body: string | Buffer | undefined;
  headers: Record<string, string>;
  moment: number;
}

const ODD_SEGMENTS = ['..', '%2e%2e%2f', 'x'.repeat(400), '😀', ' ', '%00', 'null', '0', '-1', '__proto__', 'demo%2F..', '<svg>'];
const BAD_JSON = ['{', '[1,', '"unterminated', '{"a":1}}', 'nul', '\u0000', '{"__proto__": {"x": 1}}', '{"constructor": {"prototype": {"x": 1}}}'];

const isErrorBody = (answer: Answer): boolean => {
  const error = (answer.body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  return typeof error?.code === 'string' && (ERROR_CODES as readonly string[]).includes(error.code) && typeof error.message === 'string' && error.message.length > 0;
};

describe.each(ENGINES)('every operation fuzzed from the OpenAPI document, on %s', (engine) => {
  let s: TestServer;
  const clock = testClock();
  let doc: Schema;
  let operations: Operation[];
  let moments: Date[];
  const ids = new Map<string, string[]>();
  let residentToken = '';
  const codes: string[] = [];

  const signIn = async () => {
    const code = codes.shift();
    if (!code) return;
    const answer = await call(s.server, 'POST', '/api/auth/voting-code', { code });
    residentToken = (answer.body as { token?: string }).token ?? residentToken;
  };

  beforeAll(async () => {
    s = await startServer(engine, { now: clock.now });
    doc = (await call(s.server, 'GET', '/api/openapi.json')).body as Schema;
    operations = Object.entries(doc['paths'] as Record<string, Record<string, { security?: unknown; parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } }>>).flatMap(
      ([path, ops]) =>
        Object.entries(ops).map(([method, op]) => {
          const [type, content] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
          return { method: method.toUpperCase() as Operation['method'], path, security: op.security, parameters: op.parameters ?? [], body: type ? { type, schema: content!.schema } : undefined };
        }),
    );
    const campaign = (await call(s.server, 'GET', '/api/campaigns/demo')).body as { phases: { start: string; end: string }[] };
    moments = campaign.phases.map((p) => new Date((Date.parse(p.start) + Date.parse(p.end)) / 2));
    codes.push(...((await call(s.server, 'POST', '/api/admin/campaigns/demo/codes', { count: 200 }, { authorization: `Bearer ${ADMIN_TOKEN}` })).body as { codes: string[] }).codes);
    await signIn();
    const db = s.server.ctx.db;
    ids.set('campaignId', (await db.selectFrom('campaigns').select('id').execute()).map((r) => r.id));
    ids.set('projectId', (await db.selectFrom('projects').select('id').limit(20).execute()).map((r) => r.id));
  });
  afterAll(async () => {
    clock.set(NOW);
    await s.close();
  });

  function requestFor(op: Operation): fc.Arbitrary<Request> {
    const pathParams = op.parameters.filter((p) => p.in === 'path');
    const segment = (name: string) =>
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...(ids.get(name) ?? ['demo', 'demo-1', 'x'])).map(encodeURIComponent) },
        { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map(encodeURIComponent) },
        { weight: 1, arbitrary: fc.constantFrom(...ODD_SEGMENTS) },
      );
    const path = fc.tuple(...pathParams.map((p) => segment(p.name))).map((values) => pathParams.reduce((url, p, i) => url.replace(`{${p.name}}`, values[i]!), op.path));
    const queryParams = op.parameters.filter((p) => p.in === 'query');
    const query = fc
      .tuple(
        fc.record(Object.fromEntries(queryParams.map((p) => [p.name, nearlyValid(p.schema ?? { type: 'string' }, doc)])), { requiredKeys: [] }),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 20 }), { maxKeys: 2 }),
      )
      .map(([declared, extra]) => {
        const params = new URLSearchParams();
        for (const [k, v] of Object.entries({ ...extra, ...declared })) {
          for (const item of Array.isArray(v) ? v : [v]) params.append(k, typeof item === 'string' ? item : JSON.stringify(item));
        }
        const text = params.toString();
        return text ? `?${text}` : '';
      });
    let body: fc.Arbitrary<{ body: string | Buffer | undefined; type: string | undefined }> = fc.constant({ body: undefined, type: undefined });
    if (op.body?.type === 'application/json') {
      body = fc.oneof(
        { weight: 8, arbitrary: nearlyValid(op.body.schema, doc).map((v) => ({ body: JSON.stringify(v) ?? 'null', type: 'application/json' })) },
        { weight: 1, arbitrary: fc.constantFrom(...BAD_JSON).map((text) => ({ body: text, type: 'application/json' })) },
        { weight: 1, arbitrary: fc.string().map((text) => ({ body: text, type: fc.sample(fc.constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded'), 1)[0] })) },
      );
    } else if (op.body?.type === 'text/plain') {
      body = fc.oneof(
        fc.string({ maxLength: 400 }),
        fc.constantFrom('META\nkey;value\nnum_projects;1\nPROJECTS\nproject_id;cost\n1;x\nVOTES\nvoter_id;vote\n1;2\n', 'PROJECTS\n', ''),
      ).map((text) => ({ body: text, type: 'text/plain' }));
    } else if (op.body?.type === 'multipart/form-data') {
      const boundary = 'fuzz-boundary';
      body = fc
        .tuple(fc.constantFrom('file', 'photo', ''), fc.constantFrom('image/png', 'image/jpeg', 'image/svg+xml', 'application/octet-stream', 'text/html', ''), fc.oneof(fc.constant(PNG_1X1), fc.uint8Array({ maxLength: 300 })))
        .map(([field, type, bytes]) => ({
          body: Buffer.concat([
            Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="f.png"\r\n${type ? `Content-Type: ${type}\r\n` : ''}\r\n`),
            Buffer.from(bytes),
            Buffer.from(`\r\n--${boundary}--\r\n`),
          ]),
          type: `multipart/form-data; boundary=${boundary}`,
        }));
    }
    // Mostly the credentials the operation wants, so the fuzz gets past sign-in to the code behind it.
    const wants = JSON.stringify(op.security ?? null).includes('"admin"') ? 'admin' : JSON.stringify(op.security ?? null).includes('"resident"') ? 'resident' : 'none';
    const auth = fc.oneof({ weight: 6, arbitrary: fc.constant(wants) }, { weight: 1, arbitrary: fc.constantFrom('none', 'resident', 'admin', 'forged', 'basic') });
    const key = fc.option(fc.oneof(fc.uuid(), fc.string({ maxLength: 220 })), { nil: undefined });
    return fc.record({ path, query, body, auth, key, moment: fc.nat({ max: moments.length - 1 }) }).map((r) => {
      const headers: Record<string, string> = {};
      if (r.body.type) headers['content-type'] = r.body.type;
      if (r.auth === 'resident') headers['authorization'] = `Bearer ${residentToken}`;
      if (r.auth === 'admin') headers['authorization'] = `Bearer ${ADMIN_TOKEN}`;
      if (r.auth === 'forged') headers['authorization'] = 'Bearer forged-forged-forged-forged-forged';
      if (r.auth === 'basic') headers['authorization'] = 'Basic YWRtaW46YWRtaW4=';
      if (r.key !== undefined && /^[\x20-\x7e]*$/.test(r.key)) headers['idempotency-key'] = r.key;
      return { url: r.path + r.query, body: r.body.body, headers, moment: r.moment };
    });
  }

  it('never answers 5xx, and every error is {"error": {code, message}}', async () => {
    const failures: string[] = [];
    let sent = 0;
    const statuses = new Map<number, number>();
    for (const op of operations) {
      const result = await fc.check(
        fc.asyncProperty(requestFor(op), async (request) => {
          clock.set(moments[request.moment]!);
          const answer = await call(s.server, op.method, request.url, request.body, request.headers);
          sent++;
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          if (op.method === 'DELETE' && op.path === '/api/auth/session') await signIn();
          if (answer.status >= 500) return false;
          if (answer.status >= 400 && !isErrorBody(answer)) return false;
          return true;
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
      if (result.failed) {
        const [request] = result.counterexample ?? [];
        failures.push(`${op.method} ${op.path} (seed ${result.seed}): ${JSON.stringify(request).slice(0, 500)}`);
      }
    }
    clock.set(NOW);
    console.log(
      `${engine}: ${operations.length} operations, ${sent} fuzzed requests; answers by status: ${[...statuses]
        .sort((a, b) => a[0] - b[0])
        .map(([st, n]) => `${st} ×${n}`)
        .join(', ')}`,
    );
    expect(failures).toEqual([]);
    expect((await call(s.server, 'GET', '/api/health')).status).toBe(200);
  }, 600_000);
});
