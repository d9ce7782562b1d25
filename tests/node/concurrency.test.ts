// Races over real sockets, on SQLite and PostgreSQL: each time exactly one outcome, and the stored state
// is the one the answers describe.
// - one resident submitting from 50 connections at once (with and without Idempotency-Keys, drafts mixed in);
// - withdraw racing submit, many rounds: the answers always fit one serial order of the calls that won;
// - two (or ten) admins moderating one idea: one wins, the others hear 409; without `from`, one whole
//   decision stands (never one admin's status with the other's note), and no change is lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './support/databases.ts';
import { ADMIN_TOKEN, NOW, type TestServer, startServer, testClock } from './support/server.ts';
import { type Answer, HttpClient } from './support/voting-day.ts';

const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
/** Ballots that keep the demo's rules (knapsack, 6,000,000 ₽, at least one project). */
const SELECTIONS = [
  [{ projectId: 'demo-1' }, { projectId: 'demo-5' }],
  [{ projectId: 'demo-2' }],
  [{ projectId: 'demo-1' }, { projectId: 'demo-3' }],
  [{ projectId: 'demo-4' }],
  [{ projectId: 'demo-6' }, { projectId: 'demo-2' }],
];

/** `items` in an order fixed by `seed`. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed * 2654435761 + 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = (state >>> 16) % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe.each(ENGINES)('races on %s', (engine) => {
  let s: TestServer;
  let client: HttpClient;
  const clock = testClock();
  let codes: string[] = [];

  beforeAll(async () => {
    s = await startServer(engine, { now: clock.now });
    client = new HttpClient(s.origin, 64);
    const issued = await client.request('POST', '/api/admin/campaigns/demo/codes', { json: { count: 40 }, headers: admin });
    codes = (issued.body as { codes: string[] }).codes;
  });
  afterAll(async () => {
    client.close();
    await s.close();
  });

  const resident = async (): Promise<Record<string, string>> => {
    const answer = await client.request('POST', '/api/auth/voting-code', { json: { code: codes.shift() } });
    expect(answer.status).toBe(200);
    return { authorization: `Bearer ${(answer.body as { token: string }).token}` };
  };
  const ballotRow = async (auth: Record<string, string>) => (await client.request('GET', '/api/campaigns/demo/ballot', { headers: auth })).body as {
    status: string;
    selection: unknown;
    receipt?: string;
  };
  const submit = (auth: Record<string, string>, selection: unknown, key?: string) =>
    client.request('POST', '/api/campaigns/demo/ballot/submit', { json: { selection }, headers: { ...auth, ...(key ? { 'idempotency-key': key } : {}) } });
  const withdraw = (auth: Record<string, string>) => client.request('DELETE', '/api/campaigns/demo/ballot', { headers: auth });
  const submittedCount = async () =>
    Number((await s.server.ctx.db.selectFrom('ballots').select((eb) => eb.fn.countAll<number>().as('n')).where('campaign_id', '=', 'demo').where('status', '=', 'submitted').executeTakeFirstOrThrow()).n);

  it('takes exactly one ballot from one resident submitting from 50 connections at once', async () => {
    for (let round = 0; round < 6; round++) {
      const auth = await resident();
      // 40 submits (half with their own Idempotency-Key, each with its own choice) and 10 draft saves.
      const calls = Array.from({ length: 50 }, (_, i) =>
        i % 5 === 4
          ? client.request('PUT', '/api/campaigns/demo/ballot', { json: { selection: SELECTIONS[i % SELECTIONS.length] }, headers: auth }).then((a) => ({ i, kind: 'draft', a }))
          : submit(auth, SELECTIONS[i % SELECTIONS.length], i % 2 ? `r${round}-k${i}` : undefined).then((a) => ({ i, kind: 'submit', a })),
      );
      const answers = await Promise.all(calls);
      const won = answers.filter((x) => x.kind === 'submit' && x.a.status === 200);
      expect(won).toHaveLength(1);
      const others = answers.filter((x) => x !== won[0]);
      expect(others.filter((x) => x.a.status !== 409 && !(x.kind === 'draft' && x.a.status === 200)).map((x) => `${x.kind} ${x.a.status} ${x.a.text}`)).toEqual([]);
      expect(others.filter((x) => x.a.status === 409).every((x) => (x.a.body as { error: { code: string } }).error.code === 'conflict')).toBe(true);
      const stored = await ballotRow(auth);
      expect(stored).toMatchObject({ status: 'submitted', receipt: (won[0]!.a.body as { receipt: string }).receipt, selection: SELECTIONS[won[0]!.i % SELECTIONS.length] });
    }
  });

  it('settles withdraw racing submit into one serial order, round after round', async () => {
    const auth = await resident();
    expect((await submit(auth, SELECTIONS[0])).status).toBe(200);
    const outcomes = new Map<string, number>();
    for (let round = 0; round < 40; round++) {
      const before = await ballotRow(auth);
      const k = round % 4 === 0 ? 1 : 3;
      const submits = Array.from({ length: k }, (_, j) => ({ selection: SELECTIONS[(round + j + 1) % SELECTIONS.length]!, key: round % 2 ? `w${round}-${j}` : undefined }));
      const calls = [
        ...submits.map((x) => () => submit(auth, x.selection, x.key).then((a) => ({ kind: 'submit' as const, a, selection: x.selection }))),
        ...Array.from({ length: k }, () => () => withdraw(auth).then((a) => ({ kind: 'withdraw' as const, a, selection: undefined }))),
      ];
      // Sent in a different order each round, so either side may reach the database first.
      const answers = await Promise.all(shuffled(calls, round).map((call) => call()));
      const unexpected = answers.filter((x) => (x.kind === 'submit' ? ![200, 409].includes(x.a.status) : ![204, 404].includes(x.a.status)));
      expect(unexpected.map((x) => `${x.kind} ${x.a.status} ${x.a.text}`)).toEqual([]);
      const wonSubmits = answers.filter((x) => x.kind === 'submit' && x.a.status === 200);
      const wonWithdraws = answers.filter((x) => x.kind === 'withdraw' && x.a.status === 204).length;
      const after = await ballotRow(auth);
      // From "submitted", the calls that won alternate withdraw, submit, withdraw …: as many submits as
      // withdraws ends submitted (with one of the winning submits' receipt and choice), one fewer ends a draft.
      const startedSubmitted = before.status === 'submitted';
      const order = startedSubmitted ? wonWithdraws - wonSubmits.length : wonSubmits.length - wonWithdraws;
      expect([0, 1], `round ${round}: ${wonSubmits.length} submits and ${wonWithdraws} withdrawals won from ${before.status}`).toContain(order);
      const endsSubmitted = startedSubmitted ? order === 0 : order === 1;
      expect(after.status).toBe(endsSubmitted ? 'submitted' : 'draft');
      if (endsSubmitted && wonSubmits.length > 0) {
        const last = wonSubmits.find((x) => (x.a.body as { receipt: string }).receipt === after.receipt);
        expect(last, `round ${round}: the stored receipt is one a winning submit got`).toBeDefined();
        expect(after.selection).toEqual(last!.selection);
      } else if (!endsSubmitted) {
        expect(after.receipt).toBeUndefined();
        const candidates = [before.selection, ...wonSubmits.map((x) => x.selection)];
        expect(candidates).toContainEqual(after.selection);
      }
      const key = `${before.status}→${after.status} (${wonSubmits.length} submit, ${wonWithdraws} withdraw)`;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      // The turnout the public sees is the stored ballots.
      expect(((await client.request('GET', '/api/campaigns/demo/live')).body as { turnout: number }).turnout).toBe(await submittedCount());
    }
    console.log(`${engine}: withdraw vs submit outcomes over 40 rounds: ${[...outcomes].map(([k, n]) => `${k} ×${n}`).join('; ')}`);
  });

  describe('moderation', () => {
    const idea = async (title: string): Promise<string> => {
      clock.days(-100);
      const answer = await client.request('POST', '/api/campaigns/demo/ideas', {
        json: { title, description: 'Чтобы было где отдохнуть.', author: { email: 'author@example.ru' }, consents: [{ kind: 'personal-data', version: '2026-09', accepted: true }] },
      });
      clock.set(NOW);
      expect(answer.status).toBe(202);
      return (answer.body as { id: string }).id;
    };
    const moderate = (id: string, body: unknown): Promise<Answer> => client.request('POST', `/api/admin/projects/${id}/moderation`, { json: body, headers: admin });
    const stored = async (id: string) => JSON.parse((await s.server.ctx.db.selectFrom('projects').select('data').where('id', '=', id).executeTakeFirstOrThrow()).data) as Record<string, unknown>;
    const storedStatus = async (id: string) => (await s.server.ctx.db.selectFrom('projects').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

    it('lets one of two admins decide an idea, the other hears 409, round after round', async () => {
      const winners = { published: 0, rejected: 0 };
      for (let round = 0; round < 20; round++) {
        const id = await idea(`Скамейки у реки, раунд ${round}`);
        const decisions = [
          () => moderate(id, { status: 'published', statusNote: 'Принято', from: 'submitted' }),
          () => moderate(id, { status: 'rejected', statusNote: 'Дублирует другую идею', from: 'submitted' }),
        ];
        const sent = shuffled(decisions, round).map((decide) => decide());
        const [a, b] = await Promise.all(sent);
        expect([a.status, b.status].sort()).toEqual([200, 409]);
        const won = (a.status === 200 ? a : b).body as { status: 'published' | 'rejected'; statusNote: string };
        const lost = (a.status === 200 ? b : a).body as { error: { code: string; details: { status: string } } };
        expect(lost.error).toMatchObject({ code: 'conflict', details: { status: won.status } });
        expect(await stored(id)).toMatchObject({ status: won.status, statusNote: won.statusNote });
        expect(await storedStatus(id)).toBe(won.status);
        winners[won.status]++;
      }
      console.log(`${engine}: two admins, 20 ideas: published first ${winners.published}, rejected first ${winners.rejected}`);

      const id = await idea('Десять модераторов');
      const ten = await Promise.all(Array.from({ length: 10 }, (_, i) => moderate(id, { status: i % 2 ? 'published' : 'rejected', statusNote: `Решение ${i}`, from: 'submitted' })));
      expect(ten.filter((a) => a.status === 200)).toHaveLength(1);
      expect(ten.filter((a) => a.status === 409)).toHaveLength(9);
      expect(await stored(id)).toMatchObject(ten.find((a) => a.status === 200)!.body as object);
    });

    it('without `from`, one whole decision stands and a concurrent milestone change is not lost', async () => {
      for (let round = 0; round < 10; round++) {
        const id = await idea(`Фонари, раунд ${round}`);
        const answers = await Promise.all([moderate(id, { status: 'published', statusNote: 'Принято' }), moderate(id, { status: 'rejected', statusNote: 'Отклонено' })]);
        expect(answers.map((a) => a.status)).toEqual([200, 200]);
        const final = await stored(id);
        // Either admin's whole decision, never one's status with the other's note.
        expect([{ status: 'published', statusNote: 'Принято' }, { status: 'rejected', statusNote: 'Отклонено' }]).toContainEqual({ status: final['status'], statusNote: final['statusNote'] });

        const [moderated, milestones] = await Promise.all([
          moderate(id, { status: 'shortlisted', statusNote: '' }),
          client.request('PUT', `/api/admin/projects/${id}/milestones`, { json: { milestones: [{ id: 'm1', title: 'Проект готов', done: true }], progress: 10 }, headers: admin }),
        ]);
        expect([moderated.status, milestones.status]).toEqual([200, 200]);
        expect(await stored(id)).toMatchObject({ status: 'shortlisted', progress: 10, milestones: [{ id: 'm1', done: true }] });
        expect(await storedStatus(id)).toBe('shortlisted');
      }
    });
  });
});
