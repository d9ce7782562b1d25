// Security promises, measured, on SQLite and PostgreSQL:
// - no public answer (every public GET route of the OpenAPI document, in every phase, also as another
//   signed-in resident) contains an author's contact details or a consent record;
// - tokens expire (test clock): sessions, one-time codes, host tokens;
// - voting codes cannot be brute-forced within the rate limits: the guesses an attacker gets per hour
//   from one address and from everywhere are measured and printed, with the expected time to hit one
//   valid code of a campaign with 20,000 codes;
// - CORS refuses origins not on the list on every route; admin routes refuse residents' tokens;
// - uploads whose stated type lies about their bytes are refused.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_STATUSES } from '@veche/core';
import { demoFixture } from '@veche/core/memory';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressKey } from '../../packages/server/src/http/address.ts';
import { createContext, issueCodes, openDatabase, seedFixture } from '../../packages/server/src/index.ts';
import { startChildServer } from './support/child-server.ts';
import { ENGINES } from './support/databases.ts';
import { ADMIN_TOKEN, NOW, type TestServer, startServer, testClock } from './support/server.ts';
import { PNG_1X1 } from './support/values.ts';
import { type Answer, HttpClient } from './support/voting-day.ts';

const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
const CODE_ALPHABET = 31; // randomCode: A–Z and 2–9 without 0/O, 1/I/L
const CODE_LENGTH = 12; // XXXX-XXXX-XXXX
const CAMPAIGN_CODES = 20_000;

const wrongCode = () => `${randomBytes(6).toString('hex').toUpperCase().slice(0, 4)}-ZZZZ-ZZZZ`;

describe('voting codes against guessing', () => {
  it('keys IPv6 addresses by their /64 and IPv4 (mapped or not) as they are', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });

  describe.each(ENGINES)('on %s', (engine) => {
    let s: TestServer;
    let client: HttpClient;
    const clock = testClock();
    beforeAll(async () => {
      // The brake in the database alone (the per-minute limiter counts real time): the clock runs an hour.
      s = await startServer(engine, { now: clock.now, rateLimit: false, trustProxy: true });
      client = new HttpClient(s.origin, 64);
    });
    afterAll(async () => {
      client.close();
      await s.close();
    });

    const guess = (from: string, code = wrongCode()) => client.request('POST', '/api/auth/voting-code', { json: { code }, headers: { 'x-forwarded-for': from } });
    /** How many of `answers` checked a code (401 "not valid"), rather than being braked (429). */
    const checked = (answers: Answer[]) => {
      expect(answers.filter((a) => a.status !== 401 && a.status !== 429).map((a) => a.text)).toEqual([]);
      return answers.filter((a) => a.status === 401).length;
    };

    it('lets one address check at most 20 codes in 10 minutes, even in bursts: 120 an hour', async () => {
      // An hour in which the attacker sends what the per-minute limit lets through (30), all at once, every minute.
      let total = 0;
      const perWindow: number[] = [];
      for (let minute = 0; minute < 60; minute++) {
        clock.set(new Date(NOW.getTime() + minute * 60_000));
        const burst = checked(await Promise.all(Array.from({ length: 30 }, () => guess('198.51.100.7'))));
        total += burst;
        if (minute % 10 === 0) perWindow.push(0);
        perWindow[perWindow.length - 1]! += burst;
      }
      clock.set(NOW);
      console.log(`${engine}: one address, an hour of bursts of 30 a minute: ${total} codes checked (per 10 minutes: ${perWindow.join(', ')})`);
      expect(Math.max(...perWindow)).toBeLessThanOrEqual(20);
      expect(total).toBeLessThanOrEqual(120);

      // A whole IPv6 /64 is one address: 50 addresses of one network share the 20.
      const network = checked(await Promise.all(Array.from({ length: 50 }, (_, i) => guess(`2001:db8:77:1::${(i + 1).toString(16)}`))));
      expect(network).toBeLessThanOrEqual(20);
      // The brake never locks out a resident who brings a valid code from another address.
      const [valid] = await issueCodes(s.server.ctx, 'demo', 1);
      expect((await guess('198.51.100.8', valid)).status).toBe(200);
    });
  });

  it('gives an attacker with every address no more than the machine can check: printed', async () => {
    // The production server in its own process, its limits on, behind a proxy naming each client.
    const dir = mkdtempSync(join(tmpdir(), 'veche-guess-'));
    const database = await openDatabase({ dataDir: dir });
    await seedFixture(createContext(database), demoFixture(new Date()));
    await issueCodes(createContext(database), 'demo', 1000);
    await database.close();
    const server = await startChildServer({ DATA_DIR: dir, DATABASE_URL: '', ADMIN_TOKEN });
    const client = new HttpClient(server.origin, 32);
    try {
      // Each address spends its 20 guesses (the brake's budget), 32 requests in flight, for 4 seconds.
      let sent = 0;
      let tried = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: 32 }, async () => {
          while (performance.now() - started < 4000) {
            const n = sent++;
            const from = `10.${(n >> 13) & 255}.${(n >> 5) & 255}.1`;
            const answer = await client.request('POST', '/api/auth/voting-code', { json: { code: wrongCode() }, headers: { 'x-forwarded-for': from } });
            if (answer.status === 401) tried++;
            else expect([429], answer.text).toContain(answer.status);
          }
        }),
      );
      const perSecond = tried / ((performance.now() - started) / 1000);
      const space = CODE_ALPHABET ** CODE_LENGTH;
      const expectedGuesses = space / CAMPAIGN_CODES;
      const perAddressHour = 120;
      const years = (guessesPerHour: number) => expectedGuesses / guessesPerHour / (24 * 365);
      const globalHour = perSecond * 3600;
      console.log(
        [
          'Voting codes against guessing:',
          `  code space: ${CODE_ALPHABET}^${CODE_LENGTH} = ${space.toExponential(2)} codes (${Math.log2(space).toFixed(1)} bits); a campaign of ${CAMPAIGN_CODES.toLocaleString('en')} codes: one guess in ${expectedGuesses.toExponential(2)} hits`,
          `  one address (or IPv6 /64): ${perAddressHour} guesses/hour (20 failures per 10 minutes; 30 requests a minute on top) -> ${years(perAddressHour).toExponential(2)} years to expect a hit`,
          `  everywhere at once: no cap but the server, measured ${Math.round(perSecond).toLocaleString('en')} guesses/s = ${Math.round(globalHour).toLocaleString('en')}/hour -> ${years(globalHour).toFixed(0)} years to expect a hit`,
        ].join('\n'),
      );
      expect(tried).toBeGreaterThan(100);
      // Even the whole machine's capacity, spent on guessing, expects a hit only after centuries.
      expect(years(globalHour)).toBeGreaterThan(100);
    } finally {
      client.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

interface Operation {
  method: string;
  path: string;
  security: unknown;
  query: string[];
}

/** Every operation of the OpenAPI document the server serves. */
async function operations(client: HttpClient): Promise<Operation[]> {
  const doc = (await client.request('GET', '/api/openapi.json')).body as {
    paths: Record<string, Record<string, { security?: unknown; parameters?: { name: string; in: string }[] }>>;
  };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      security: op.security,
      query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
    })),
  );
}

const isAdmin = (op: Operation) => JSON.stringify(op.security ?? null).includes('"admin"');
const isStaff = (op: Operation) => op.path.startsWith('/api/staff/');

describe.each(ENGINES)('public answers on %s', (engine) => {
  let s: TestServer;
  let client: HttpClient;
  const clock = testClock();
  const secrets: string[] = [];
  let otherResident: Record<string, string>;

  beforeAll(async () => {
    s = await startServer(engine, { now: clock.now, trustProxy: true });
    client = new HttpClient(s.origin, 16);
    // Ideas with contacts and consents, from addresses of their own, moderated into every status.
    clock.days(-100);
    const statuses = ['submitted', 'published', 'rejected', 'shortlisted', 'selected', 'not-selected', 'in-progress', 'done'];
    for (const [i, status] of statuses.entries()) {
      const tag = randomBytes(4).toString('hex');
      const author = { name: `Тайный Автор ${tag}`, email: `secret-${tag}@example.ru`, phone: `+7 913 ${100 + i}-${tag.slice(0, 2).replace(/\D/g, '7')}7-${i}1` };
      const ip = `203.0.113.${10 + i}`;
      const consents = [
        { kind: 'personal-data', version: '2026-09', accepted: true },
        { kind: 'publish-name', version: '2026-09', accepted: false },
      ];
      const answer = await client.request('POST', '/api/campaigns/demo/ideas', {
        json: { title: `Идея ${tag}`, description: `Описание идеи ${tag}`, author, consents },
        headers: { 'x-forwarded-for': ip },
      });
      expect(answer.status, answer.text).toBe(202);
      secrets.push(author.name, author.email, author.phone, author.phone.replace(/\D/g, ''), ip);
      if (status !== 'submitted') {
        const moderated = await client.request('POST', `/api/admin/projects/${(answer.body as { id: string }).id}/moderation`, { json: { status }, headers: admin });
        expect(moderated.status, moderated.text).toBe(200);
      }
    }
    // A resident signed in by a one-time code: their contact stays theirs.
    const contact = `resident-${randomBytes(4).toString('hex')}@example.ru`;
    secrets.push(contact);
    clock.set(NOW);
    await client.request('POST', '/api/auth/code/request', { json: { contact } });
    const verified = await client.request('POST', '/api/auth/code/verify', { json: { contact, code: s.outbox.at(-1)!.code } });
    const token = (verified.body as { token: string }).token;
    await client.request('POST', '/api/campaigns/demo/ballot/submit', { json: { selection: [{ projectId: 'demo-2' }] }, headers: { authorization: `Bearer ${token}` } });
    const other = await client.request('POST', '/api/auth/voting-code', { json: { code: 'DEMO-1021' } });
    otherResident = { authorization: `Bearer ${(other.body as { token: string }).token}` };
  });
  afterAll(async () => {
    client.close();
    await s.close();
  });

  /** Values for a path parameter: ids of the database, then every id seen in answers so far. */
  async function candidates(name: string, seen: Map<string, Set<string>>): Promise<string[]> {
    const db = s.server.ctx.db;
    if (name === 'campaignId') return (await db.selectFrom('campaigns').select('id').execute()).map((r) => r.id);
    if (name === 'projectId') return (await db.selectFrom('projects').select('id').execute()).map((r) => r.id);
    if (name === 'file') return (await db.selectFrom('uploads').select(['id', 'type']).execute()).map((r) => `${r.id}.${r.type.split('/')[1]!.replace('jpeg', 'jpg')}`);
    return [...(seen.get(name) ?? seen.get('id') ?? [])].slice(0, 20);
  }

  /** Remembers every `id` and `<thing>Id` value of a JSON answer, as candidates for path parameters. */
  function collect(value: unknown, seen: Map<string, Set<string>>, key = ''): void {
    if (Array.isArray(value)) value.forEach((v) => collect(v, seen, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) collect(v, seen, k);
    else if (typeof value === 'string' && (key === 'id' || key.endsWith('Id'))) {
      if (!seen.has(key)) seen.set(key, new Set());
      seen.get(key)!.add(value);
    }
  }

  /** Objects in a JSON answer that look like a consent record or carry contact fields. */
  function privateShapes(value: unknown, path = '$'): string[] {
    if (Array.isArray(value)) return value.flatMap((v, i) => privateShapes(v, `${path}[${i}]`));
    if (!value || typeof value !== 'object') return [];
    const found: string[] = [];
    const keys = Object.keys(value);
    for (const k of ['email', 'phone', 'ip', 'contact', 'accepted', 'author', 'consentedAt']) if (keys.includes(k)) found.push(`${path}.${k}`);
    return [...found, ...Object.entries(value).flatMap(([k, v]) => privateShapes(v, `${path}.${k}`))];
  }

  it('never shows contact details or consent records, on any public GET route, in any phase', async () => {
    const campaign = (await client.request('GET', '/api/campaigns/demo')).body as { phases: { id: string; start: string; end: string }[] };
    const moments = campaign.phases.map((p) => ({ phase: p.id, at: new Date((Date.parse(p.start) + Date.parse(p.end)) / 2) }));
    const routes = (await operations(client)).filter((op) => op.method === 'GET' && !isAdmin(op) && !isStaff(op));
    const leaks: string[] = [];
    let answers = 0;
    const seen = new Map<string, Set<string>>();
    for (const { phase, at } of moments) {
      clock.set(at);
      for (let pass = 0; pass < 2; pass++) {
        for (const op of routes) {
          const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
          let urls = [op.path];
          for (const name of names) {
            const values = await candidates(name, seen);
            urls = urls.flatMap((u) => (values.length ? values : ['unknown']).map((v) => u.replace(`{${name}}`, encodeURIComponent(v))));
          }
          const queries = op.query.includes('status') ? ['', ...PROJECT_STATUSES.map((st) => `?status=${st}&limit=100`)] : op.query.includes('limit') ? ['', '?limit=100'] : [''];
          for (const url of urls) {
            for (const query of queries) {
              for (const headers of [{}, otherResident]) {
                const answer = await client.request('GET', url + query, { headers });
                answers++;
                expect(answer.status, `${url}${query}: ${answer.text.slice(0, 200)}`).toBeLessThan(500);
                const what = `${phase}: GET ${url}${query}${'authorization' in headers ? ' (another resident)' : ''}`;
                for (const secret of secrets) if (answer.text.includes(secret)) leaks.push(`${what} shows ${secret}`);
                // The OpenAPI document describes the private fields (as schemas); every other answer must not hold one.
                if (String(answer.headers['content-type']).includes('json') && answer.body !== undefined && op.path !== '/api/openapi.json') {
                  collect(answer.body, seen);
                  for (const shape of privateShapes(answer.body)) leaks.push(`${what} has ${shape}`);
                }
              }
            }
          }
        }
      }
    }
    clock.set(NOW);
    console.log(`${engine}: ${answers} public answers over ${routes.length} GET routes in ${moments.length} phases scanned for ${secrets.length} private values`);
    expect(leaks).toEqual([]);
    // The private records are there, for the admin only.
    const queue = await client.request('GET', '/api/admin/campaigns/demo/ideas', { headers: admin });
    expect(queue.text).toContain(secrets[1]!);
    expect(queue.text).toContain('203.0.113.10');
  }, 120_000);
});

describe.each(ENGINES)('tokens and routes on %s', (engine) => {
  let s: TestServer;
  let client: HttpClient;
  const clock = testClock();
  const HOST_SECRET = 'a-shared-secret-of-the-city-portal-0123456789';
  beforeAll(async () => {
    s = await startServer(engine, { now: clock.now, corsOrigins: ['https://city.example'] });
    client = new HttpClient(s.origin, 16);
  });
  afterAll(async () => {
    client.close();
    await s.close();
  });
  const me = (token: string) => client.request('GET', '/api/me', { headers: { authorization: `Bearer ${token}` } });
  const signIn = async (code: string) => ((await client.request('POST', '/api/auth/voting-code', { json: { code } })).body as { token: string }).token;

  it('expires sessions after 2 hours, one-time codes after 10 minutes, host tokens at their exp', async () => {
    const token = await signIn('DEMO-1022');
    clock.set(new Date(NOW.getTime() + 119 * 60_000));
    expect((await me(token)).status).toBe(200);
    clock.set(new Date(NOW.getTime() + 121 * 60_000));
    expect((await me(token)).status).toBe(401);
    clock.set(NOW);
    expect((await me(token)).status).toBe(401);

    await client.request('POST', '/api/auth/code/request', { json: { contact: 'late@example.ru' } });
    const { code } = s.outbox.at(-1)!;
    clock.set(new Date(NOW.getTime() + 10 * 60_000 + 1000));
    expect((await client.request('POST', '/api/auth/code/verify', { json: { contact: 'late@example.ru', code } })).status).toBe(401);
    clock.set(NOW);

    expect((await client.request('PUT', '/api/admin/host-keys', { json: { issuer: 'https://portal.city.example', algorithm: 'HS256', key: HOST_SECRET }, headers: admin })).status).toBe(200);
    const hostToken = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('https://portal.city.example')
      .setSubject('user-7')
      .setIssuedAt(NOW)
      .setExpirationTime(new Date(NOW.getTime() + 10 * 60_000))
      .sign(new TextEncoder().encode(HOST_SECRET));
    clock.set(new Date(NOW.getTime() + 11 * 60_000));
    expect((await client.request('POST', '/api/auth/host-token', { json: { token: hostToken } })).status).toBe(401);
    clock.set(NOW);
    expect((await client.request('POST', '/api/auth/host-token', { json: { token: hostToken } })).status).toBe(200);
  });

  it('refuses origins not on the list on every route, before the route runs', async () => {
    const evil = { origin: 'https://evil.example' };
    const before = await s.server.ctx.db.selectFrom('voting_codes').select('used_at').where('used_at', 'is not', null).execute();
    let checked = 0;
    for (const op of await operations(client)) {
      const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'campaignId' ? 'demo' : name === 'projectId' ? 'demo-1' : 'x'));
      const headers = { ...evil, ...admin };
      const answer = await client.request(op.method, url, { headers, ...(op.method === 'GET' || op.method === 'DELETE' ? {} : { json: { code: 'DEMO-1023' } }) });
      expect(answer.headers['access-control-allow-origin'], `${op.method} ${url}`).toBeUndefined();
      if (op.method !== 'GET') {
        expect(answer.status, `${op.method} ${url}`).toBe(403);
        expect((answer.body as { error: { code: string } }).error.code).toBe('forbidden');
      }
      const preflight = await client.request('OPTIONS', url, { headers: { ...evil, 'access-control-request-method': op.method } });
      expect(preflight.headers['access-control-allow-origin'], `OPTIONS ${url}`).toBeUndefined();
      checked++;
    }
    expect(checked).toBeGreaterThan(30);
    // Nothing ran: the voting code sent with every refused request is unused.
    expect(await s.server.ctx.db.selectFrom('voting_codes').select('used_at').where('used_at', 'is not', null).execute()).toHaveLength(before.length);
    const listed = await client.request('POST', '/api/auth/voting-code', { json: { code: 'DEMO-1023' }, headers: { origin: 'https://city.example' } });
    expect(listed.status).toBe(200);
    expect(listed.headers['access-control-allow-origin']).toBe('https://city.example');
  });

  it('refuses residents on every admin route', async () => {
    const resident = { authorization: `Bearer ${await signIn('DEMO-1024')}` };
    const admins = (await operations(client)).filter(isAdmin);
    expect(admins.length).toBeGreaterThan(10);
    for (const op of admins) {
      const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'campaignId' ? 'demo' : name === 'projectId' ? 'demo-1' : 'x'));
      for (const headers of [resident, {}]) {
        const answer = await client.request(op.method, url, { headers, ...(op.method === 'GET' || op.method === 'DELETE' ? {} : { json: {} }) });
        expect([401, 403], `${op.method} ${url}: ${answer.status} ${answer.text.slice(0, 200)}`).toContain(answer.status);
      }
    }
  });

  it('refuses uploads whose stated type lies about their bytes, and serves the rest as what they are', async () => {
    clock.days(-100);
    const boundary = 'veche-security';
    const upload = (type: string, bytes: Uint8Array, filename = 'photo.jpg') =>
      client.request('POST', '/api/campaigns/demo/uploads', {
        bytes: Buffer.concat([
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`),
          Buffer.from(bytes),
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]),
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x01, 0x00, 0x01, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xff, 0xd9]);
    const gif = new TextEncoder().encode('GIF89a\x01\x00\x01\x00\x00\x00\x00;');
    const html = new TextEncoder().encode('<html><script>alert(1)</script></html>');
    for (const [type, bytes, what] of [
      ['image/jpeg', PNG_1X1, 'a PNG said to be a JPEG'],
      ['image/png', jpeg, 'a JPEG said to be a PNG'],
      ['image/webp', PNG_1X1, 'a PNG said to be a WebP'],
      ['image/png', html, 'HTML said to be a PNG'],
      ['image/gif', gif, 'a GIF (not allowed)'],
      ['image/svg+xml', new TextEncoder().encode('<svg onload="alert(1)"/>'), 'an SVG'],
      ['text/html', PNG_1X1, 'a PNG said to be HTML'],
    ] as const) {
      const answer = await upload(type, bytes);
      expect(answer.status, what).toBe(415);
      expect((answer.body as { error: { code: string } }).error.code, what).toBe('invalid-input');
    }
    expect(await s.server.ctx.db.selectFrom('uploads').select('id').execute()).toEqual([]);
    // A real PNG, even named .html and sent as octet-stream, is stored and served as image/png, never sniffed.
    const ok = await upload('application/octet-stream', PNG_1X1, 'page.html');
    expect(ok.status, ok.text).toBe(201);
    const served = await client.request('GET', new URL((ok.body as { url: string }).url).pathname);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    clock.set(NOW);
  });
});
