// Staff accounts of the administration console: roles, sessions, TOTP, brute-force brakes and the audit
// log, on SQLite and PostgreSQL; `veche-server staff add` from the command line.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createContext, openDatabase, putProject } from '../../packages/server/src/index.ts';
import { signIn } from '../../packages/server/src/service/staff.ts';
import { base32Encode, hotp, totpCode, verifyTotp } from '../../packages/server/src/staff/totp.ts';
import { ENGINES, freshPostgres } from './support/databases.ts';
import { type Answer, bearer, call, isError } from './support/http.ts';
import { ADMIN_TOKEN, NOW, type TestServer, startServer, testClock } from './support/server.ts';

const admin = bearer(ADMIN_TOKEN);
const BIN = fileURLToPath(new URL('../../packages/server/bin/veche-server.mjs', import.meta.url));

describe('TOTP (RFC 6238)', () => {
  it('gives the RFC test vectors and accepts a code one step either side, once per step', () => {
    const secret = Buffer.from('12345678901234567890');
    // RFC 6238 appendix B, SHA-1: T = 59 s, 1111111109 s, 2000000000 s.
    expect(hotp(secret, Math.floor(59 / 30), 8)).toBe('94287082');
    expect(hotp(secret, Math.floor(1111111109 / 30), 8)).toBe('07081804');
    expect(hotp(secret, Math.floor(2000000000 / 30), 8)).toBe('69279037');
    const b32 = base32Encode(secret);
    expect(b32).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    const at = new Date('2026-11-28T12:00:10Z');
    const code = totpCode(b32, at);
    expect(verifyTotp(b32, code, at)).toBe(Math.floor(at.getTime() / 30_000));
    expect(verifyTotp(b32, code, new Date(at.getTime() + 30_000))).not.toBeNull();
    expect(verifyTotp(b32, code, new Date(at.getTime() + 90_000))).toBeNull();
    expect(verifyTotp(b32, 'abcdef', at)).toBeNull();
  });
});

describe.each(ENGINES)('staff accounts on %s', (engine) => {
  let s: TestServer;
  const clock = testClock();
  const notices: { contact: string; subject: string; text: string }[] = [];
  beforeAll(async () => {
    s = await startServer(engine, {
      now: clock.now,
      staff: { sessionMinutes: 8 * 60, idleMinutes: 30 },
      sender: { send: async () => undefined, notify: async (m) => void notices.push(m) },
    });
  });
  afterAll(() => s.close());
  afterEach(() => clock.set(NOW));

  const post = (url: string, body: unknown, headers: Record<string, string> = {}) => call(s.server, 'POST', url, body, headers);
  const body = <T>(a: Answer) => a.body as T;

  /** A staff member with a password of their own, signed in: their bearer headers. */
  async function member(email: string, role: string, password = 'correct horse battery'): Promise<Record<string, string>> {
    const added = await post('/api/admin/staff', { email, name: email.split('@')[0], role, password }, admin);
    expect(added.status).toBe(201);
    const signed = await post('/api/staff/sign-in', { email, password });
    expect(signed.status).toBe(200);
    return bearer(body<{ token: string }>(signed).token);
  }

  it('first sign-in: a one-time password works only to set a new one', async () => {
    const added = await post('/api/admin/staff', { email: 'First.Admin@city.example', name: 'Анна Иванова', role: 'administrator' }, admin);
    expect(added.status).toBe(201);
    const { password, staff } = body<{ password: string; staff: { email: string; mustChangePassword: boolean } }>(added);
    expect(staff).toMatchObject({ email: 'first.admin@city.example', mustChangePassword: true });
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(JSON.stringify((await call(s.server, 'GET', '/api/admin/staff', undefined, admin)).body)).not.toMatch(/argon2|password_hash/);

    const signed = await post('/api/staff/sign-in', { email: 'first.admin@city.example', password });
    expect(signed.status).toBe(200);
    const auth = bearer(body<{ token: string }>(signed).token);
    const blocked = await call(s.server, 'GET', '/api/admin/campaigns', undefined, auth);
    expect(blocked.status).toBe(403);
    expect(body<{ error: { details: { mustChangePassword: boolean } } }>(blocked).error.details.mustChangePassword).toBe(true);
    expect((await call(s.server, 'PUT', '/api/staff/me/password', { current: password, next: 'short' }, auth)).status).toBe(400);
    expect((await call(s.server, 'PUT', '/api/staff/me/password', { current: 'wrong-password', next: 'a new long password' }, auth)).status).toBe(403);
    const changed = await call(s.server, 'PUT', '/api/staff/me/password', { current: password, next: 'a new long password' }, auth);
    expect(changed.status).toBe(200);
    expect(body<{ mustChangePassword: boolean }>(changed).mustChangePassword).toBe(false);
    expect((await call(s.server, 'GET', '/api/admin/campaigns', undefined, auth)).status).toBe(200);
    expect((await post('/api/staff/sign-in', { email: 'first.admin@city.example', password })).status).toBe(401);
  });

  it('roles: a moderator handles ideas, a viewer reads reports, only an administrator changes the rest', async () => {
    const moderator = await member('moder@city.example', 'moderator');
    const viewer = await member('viewer@city.example', 'viewer');
    const administrator = await member('boss@city.example', 'administrator');
    const campaign = body<{ campaign: unknown }>(await call(s.server, 'GET', '/api/admin/campaigns/demo', undefined, viewer)).campaign;
    expect(campaign).toMatchObject({ id: 'demo' });

    const ideas = await call(s.server, 'GET', '/api/admin/campaigns/demo/projects?status=submitted', undefined, moderator);
    expect(ideas.status).toBe(200);
    const idea = body<{ project: { id: string } }[]>(ideas)[0]!.project.id;
    expect((await post(`/api/admin/ideas/${idea}/decision`, { status: 'published' }, viewer)).status).toBe(403);
    expect((await post(`/api/admin/ideas/${idea}/decision`, { status: 'published', from: 'submitted' }, moderator)).status).toBe(200);
    expect((await call(s.server, 'PUT', '/api/admin/campaigns/demo', { campaign }, moderator)).status).toBe(403);
    expect((await post('/api/admin/campaigns/demo/codes', { count: 1 }, moderator)).status).toBe(403);
    expect((await call(s.server, 'GET', '/api/admin/audit', undefined, moderator)).status).toBe(403);
    expect((await call(s.server, 'GET', '/api/admin/campaigns/demo/results', undefined, viewer)).status).toBe(200);
    expect((await call(s.server, 'GET', '/api/admin/campaigns/demo/export?format=csv', undefined, viewer)).status).toBe(200);
    expect((await call(s.server, 'GET', '/api/admin/campaigns/demo/codes/stats', undefined, viewer)).status).toBe(200);
    expect((await call(s.server, 'GET', '/api/admin/staff', undefined, viewer)).status).toBe(403);
    expect((await call(s.server, 'PUT', '/api/admin/campaigns/demo', { campaign }, administrator)).status).toBe(200);
    expect((await call(s.server, 'GET', '/api/admin/campaigns', undefined, { authorization: 'Bearer not-a-real-session-token-000' })).status).toBe(401);
    expect((await call(s.server, 'GET', '/api/admin/campaigns')).status).toBe(401);
  });

  it('sessions expire after their length and when idle; sign-out and sign-out everywhere end them', async () => {
    const a = await member('sessions@city.example', 'viewer');
    const me = () => call(s.server, 'GET', '/api/staff/me', undefined, a);
    expect((await me()).status).toBe(200);
    clock.set(new Date(NOW.getTime() + 29 * 60_000));
    expect((await me()).status).toBe(200);
    clock.set(new Date(NOW.getTime() + 29 * 60_000 + 31 * 60_000));
    const idle = await me();
    expect(idle.status).toBe(401);
    clock.set(NOW);

    const b = bearer(body<{ token: string }>(await post('/api/staff/sign-in', { email: 'sessions@city.example', password: 'correct horse battery' })).token);
    for (let minutes = 25; minutes <= 500; minutes += 25) {
      clock.set(new Date(NOW.getTime() + minutes * 60_000));
      const still = await call(s.server, 'GET', '/api/staff/me', undefined, b);
      expect(still.status, `after ${minutes} min`).toBe(minutes < 8 * 60 ? 200 : 401);
    }
    clock.set(NOW);

    const c = bearer(body<{ token: string }>(await post('/api/staff/sign-in', { email: 'sessions@city.example', password: 'correct horse battery' })).token);
    const d = bearer(body<{ token: string }>(await post('/api/staff/sign-in', { email: 'sessions@city.example', password: 'correct horse battery' })).token);
    expect((await call(s.server, 'DELETE', '/api/staff/session', undefined, c)).status).toBe(204);
    expect((await call(s.server, 'GET', '/api/staff/me', undefined, c)).status).toBe(401);
    expect((await call(s.server, 'GET', '/api/staff/me', undefined, d)).status).toBe(200);
    const e = bearer(body<{ token: string }>(await post('/api/staff/sign-in', { email: 'sessions@city.example', password: 'correct horse battery' })).token);
    const everywhere = await call(s.server, 'DELETE', '/api/staff/sessions', undefined, e);
    expect(body<{ ended: number }>(everywhere).ended).toBe(2);
    expect((await call(s.server, 'GET', '/api/staff/me', undefined, d)).status).toBe(401);
    expect((await call(s.server, 'GET', '/api/staff/me', undefined, e)).status).toBe(401);

    // Disabling an account or changing its role ends its sessions at once.
    const f = bearer(body<{ token: string }>(await post('/api/staff/sign-in', { email: 'sessions@city.example', password: 'correct horse battery' })).token);
    const list = body<{ id: string; email: string }[]>(await call(s.server, 'GET', '/api/admin/staff', undefined, admin));
    const id = list.find((m) => m.email === 'sessions@city.example')!.id;
    expect((await call(s.server, 'PUT', `/api/admin/staff/${id}`, { disabled: true }, admin)).status).toBe(200);
    expect((await call(s.server, 'GET', '/api/staff/me', undefined, f)).status).toBe(401);
    expect((await post('/api/staff/sign-in', { email: 'sessions@city.example', password: 'correct horse battery' })).status).toBe(401);
  });

  it('the last active administrator cannot be demoted or disabled', async () => {
    const fresh = await startServer(engine, { seed: false });
    try {
      const added = await call(fresh.server, 'POST', '/api/admin/staff', { email: 'only@city.example', name: 'Only', role: 'administrator' }, admin);
      const id = body<{ staff: { id: string } }>(added).staff.id;
      const demoted = await call(fresh.server, 'PUT', `/api/admin/staff/${id}`, { role: 'viewer' }, admin);
      expect(demoted.status).toBe(409);
      expect(isError(demoted, 'conflict')).toBe(true);
    } finally {
      await fresh.close();
    }
  });

  it('TOTP: set up with a first code, then asked at sign-in; a wrong or reused code fails', async () => {
    const auth = await member('totp@city.example', 'moderator');
    const begun = await post('/api/staff/me/totp', undefined, auth);
    const { secret, uri } = body<{ secret: string; uri: string }>(begun);
    expect(uri).toBe(`otpauth://totp/Veche%3Atotp%40city.example?secret=${secret}&issuer=Veche&algorithm=SHA1&digits=6&period=30`);
    expect((await post('/api/staff/me/totp/confirm', { code: '000000' === totpCode(secret, NOW) ? '111111' : '000000' }, auth)).status).toBe(400);
    const confirmed = await post('/api/staff/me/totp/confirm', { code: totpCode(secret, NOW) }, auth);
    expect(body<{ totp: boolean }>(confirmed).totp).toBe(true);

    const credentials = { email: 'totp@city.example', password: 'correct horse battery' };
    const asked = await post('/api/staff/sign-in', credentials);
    expect(asked.status).toBe(401);
    expect(body<{ error: { details: { totp: boolean } } }>(asked).error.details.totp).toBe(true);
    // The code used to confirm the setup cannot be used again.
    expect((await post('/api/staff/sign-in', { ...credentials, code: totpCode(secret, NOW) })).status).toBe(401);
    const later = new Date(NOW.getTime() + 60_000);
    clock.set(later);
    const ok = await post('/api/staff/sign-in', { ...credentials, code: totpCode(secret, later) });
    expect(ok.status).toBe(200);
    expect(body<{ staff: { totp: boolean } }>(ok).staff.totp).toBe(true);
    expect((await post('/api/staff/sign-in', { ...credentials, code: totpCode(secret, later) })).status).toBe(401);
    expect((await post('/api/staff/sign-in', { ...credentials, code: '12345' })).status).toBe(401);
  });

  it('brakes password guessing per account and records every failure in the audit log', async () => {
    await member('guessed@city.example', 'viewer', 'the real password 1');
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push((await post('/api/staff/sign-in', { email: 'guessed@city.example', password: `guess-${i}` })).status);
    expect(answers).toEqual([401, 401, 401, 401, 401, 429]);
    const right = await post('/api/staff/sign-in', { email: 'guessed@city.example', password: 'the real password 1' });
    expect(right.status).toBe(429);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    const log = body<{ items: { action: string; details: { email?: string } }[] }>(await call(s.server, 'GET', '/api/admin/audit?action=staff.sign-in-', undefined, admin));
    const mine = log.items.filter((e) => e.details?.email === 'guessed@city.example');
    expect(mine.filter((e) => e.action === 'staff.sign-in-failed')).toHaveLength(5);
    expect(mine.some((e) => e.action === 'staff.sign-in-blocked')).toBe(true);
    // An unknown e-mail answers the same as a wrong password.
    const unknown = await post('/api/staff/sign-in', { email: 'nobody@city.example', password: 'whatever-123' });
    expect(unknown.status).toBe(401);
    expect(body<{ error: { message: string } }>(unknown).error.message).toBe('The e-mail or password is wrong');
    clock.set(new Date(NOW.getTime() + 16 * 60_000));
    expect((await post('/api/staff/sign-in', { email: 'guessed@city.example', password: 'the real password 1' })).status).toBe(200);
  });

  it('audit: every staff action with who, what, when, before and after; the reason reaches the author; CSV export', async () => {
    const moderator = await member('audited@city.example', 'moderator');
    const idea = { project: { id: 'idea-audited' } };
    await putProject(s.server.ctx, { id: 'idea-audited', campaignId: 'demo', title: 'Фонтан у школы', cost: 100_000, status: 'submitted', createdAt: NOW.toISOString() });
    await s.server.ctx.db
      .insertInto('ideas')
      .values({ project_id: 'idea-audited', resident_id: null, author: JSON.stringify({ email: 'author@example.ru' }), consents: '[]', ip: null, created_at: NOW.toISOString() })
      .execute();
    const queue = body<{ project: { id: string }; author: { email?: string } | null }[]>(
      await call(s.server, 'GET', '/api/admin/campaigns/demo/projects?status=submitted&q=фонтан', undefined, moderator),
    );
    expect(queue.map((i) => [i.project.id, i.author?.email])).toEqual([['idea-audited', 'author@example.ru']]);
    const decided = await post(`/api/admin/ideas/${idea.project.id}/decision`, { status: 'rejected', reason: 'Участок не принадлежит городу', notify: true }, moderator);
    expect(decided.status).toBe(200);
    expect(notices.at(-1)).toMatchObject({ contact: 'author@example.ru' });
    expect(notices.at(-1)!.text).toContain('Участок не принадлежит городу');
    expect(body<{ notified: string }>(decided).notified).not.toContain('author@example.ru');
    const history = body<{ action: string; actor: string; before: { status: string }; after: { status: string; statusNote: string } }[]>(
      await call(s.server, 'GET', `/api/admin/projects/${idea.project.id}/history`, undefined, moderator),
    );
    expect(history[0]).toMatchObject({ action: 'idea.rejected', actor: 'audited <audited@city.example>', before: { status: 'submitted' }, after: { status: 'rejected', statusNote: 'Участок не принадлежит городу' } });

    // Routes of the older admin API are recorded too, with the ADMIN_TOKEN as the actor.
    const before = body<{ campaign: { title: string } }>(await call(s.server, 'GET', '/api/admin/campaigns/demo', undefined, admin)).campaign;
    await call(s.server, 'PUT', '/api/admin/campaigns/demo', { campaign: { ...before, title: 'Народный бюджет (изменён)' } }, admin);
    await post('/api/admin/campaigns/demo/codes', { count: 3 }, admin);
    const log = body<{ items: { action: string; actor: string; at: string; before: { campaign: { title: string } }; after: { campaign: { title: string } }; details: unknown }[] }>(
      await call(s.server, 'GET', '/api/admin/audit?campaign=demo&limit=5', undefined, admin),
    );
    expect(log.items[0]).toMatchObject({ action: 'codes.issue', actor: 'ADMIN_TOKEN', details: { body: { count: 3 } } });
    expect(JSON.stringify(log.items[0])).not.toMatch(/[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/);
    expect(log.items[1]).toMatchObject({ action: 'campaign.save', before: { campaign: { title: before.title } }, after: { campaign: { title: 'Народный бюджет (изменён)' } } });
    expect(log.items[1]!.at).toBe(NOW.toISOString());

    const csv = await call(s.server, 'GET', '/api/admin/audit.csv?campaign=demo', undefined, admin);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.split('\n')[0]).toBe('at,actor,role,action,target_type,target_id,campaign_id,ip,before,after,details');
    expect(csv.text).toContain('idea.rejected');
    // Secrets never reach the log.
    await call(s.server, 'PUT', '/api/admin/host-keys', { issuer: 'https://portal.city.example', algorithm: 'HS256', key: 'k'.repeat(40) }, admin);
    const all = await call(s.server, 'GET', '/api/admin/audit.csv', undefined, admin);
    expect(all.text).not.toContain('k'.repeat(40));
    expect(all.text).not.toContain('correct horse battery');
  });
});

describe.each(ENGINES)('veche-server staff on %s', (engine) => {
  let env: Record<string, string>;
  let dir: string;
  let cleanup: () => Promise<void>;
  let url: string | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'veche-staff-'));
    if (engine === 'postgres') {
      const pg = await freshPostgres();
      env = { DATABASE_URL: pg.url };
      url = pg.url;
      cleanup = pg.drop;
    } else {
      env = { DATA_DIR: join(dir, 'data') };
      cleanup = async () => undefined;
    }
  });
  afterAll(async () => {
    await cleanup();
    rmSync(dir, { recursive: true, force: true });
  });
  const cli = (args: string[], input?: string) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const child = execFile(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } }, (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
      child.stdin!.end(input ?? '');
    });

  it('adds the first administrator with a one-time password, or one read from stdin', async () => {
    const added = await cli(['staff', 'add', '--email', 'mayor@city.example', '--name', 'Мэр', '--role', 'administrator']);
    expect(added.code).toBe(0);
    const password = /One-time password[^:]*: (\S+)/.exec(added.stdout)?.[1];
    expect(password).toBeDefined();
    const piped = await cli(['staff', 'add', '--email', 'it@city.example', '--name', 'ИТ', '--role', 'viewer', '--password-stdin'], 'a password from stdin\n');
    expect(piped.code).toBe(0);
    expect(piped.stdout).not.toContain('One-time password');
    expect((await cli(['staff', 'add', '--email', 'mayor@city.example', '--name', 'Again'])).code).toBe(1);
    expect((await cli(['staff', 'add', '--name', 'No mail'])).code).toBe(2);
    const list = await cli(['staff', 'list']);
    expect(list.stdout).toContain('mayor@city.example\tМэр\tadministrator');

    const database = await openDatabase(url ? { databaseUrl: url } : { dataDir: join(dir, 'data') });
    try {
      const ctx = createContext(database);
      const first = await signIn(ctx, { email: 'mayor@city.example', password }, '127.0.0.1');
      expect(first.staff.mustChangePassword).toBe(true);
      const other = await signIn(ctx, { email: 'it@city.example', password: 'a password from stdin' }, '127.0.0.1');
      expect(other.staff).toMatchObject({ role: 'viewer', mustChangePassword: false });
      const log = await ctx.db.selectFrom('audit_log').select(['actor', 'action']).where('action', '=', 'staff.add').execute();
      expect(log).toEqual([
        { actor: 'CLI', action: 'staff.add' },
        { actor: 'CLI', action: 'staff.add' },
      ]);
    } finally {
      await database.close();
    }
  });
});
