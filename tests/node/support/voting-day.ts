// A voting day replayed from a Pabulib file against a running server, through its HTTP API only:
// the admin imports the projects and issues one voting code per voter; each voter signs in with their
// code, saves a draft and submits it; afterwards the published results are compared with
// `computeResults` over the same ballots. Used by tests/node/load.test.ts (a part of Łódź) and
// bench/load.ts (all of it).
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { type Results, type Selection, computeResults, parsePabulib, rulesFromPabulibMeta, selectionFromPabulibVote } from '@veche/core';

export const LODZ_FILE = fileURLToPath(new URL('../../../fixtures/pabulib/Poland_Lodz_2022.pb', import.meta.url));

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  body: unknown;
}

/** A keep-alive HTTP/1.1 client for one origin (node:http, so the load generator costs little). */
export class HttpClient {
  readonly #agent: http.Agent;
  readonly #origin: URL;

  constructor(origin: string, sockets = 32) {
    this.#origin = new URL(origin);
    this.#agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  }

  request(method: string, path: string, options: { json?: unknown; text?: string; bytes?: Buffer; headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<Answer> {
    const payload = options.json !== undefined ? JSON.stringify(options.json) : (options.text ?? options.bytes);
    const headers: Record<string, string> = { ...options.headers };
    if (options.json !== undefined) headers['content-type'] = 'application/json';
    else if (options.text !== undefined) headers['content-type'] ??= 'text/plain; charset=utf-8';
    if (payload !== undefined) headers['content-length'] = String(Buffer.byteLength(payload));
    return new Promise((resolve, reject) => {
      const req = http.request(
        { host: this.#origin.hostname, port: this.#origin.port, method, path, headers, agent: this.#agent, timeout: options.timeoutMs ?? 60_000 },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let body: unknown;
            try {
              body = text === '' ? undefined : JSON.parse(text);
            } catch {
              body = undefined;
            }
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body });
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer in ${options.timeoutMs ?? 60_000} ms`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.#agent.destroy();
  }
}

/** What a replay needs of a Pabulib file: its text, its projects (ids prefixed) and ballots in order. */
export interface VotingDay {
  campaignId: string;
  prefix: string;
  text: string;
  budget: number;
  projects: { id: string; cost: number }[];
  ballots: Selection[][];
}

/** The Łódź 2022 vote (160 projects, 90,494 ballots), or every `every`-th ballot of it. */
export function lodzDay(options: { campaignId?: string; every?: number } = {}): VotingDay {
  const text = readFileSync(LODZ_FILE, 'utf8');
  const data = parsePabulib(text);
  const prefix = 'lodz-';
  const rules = rulesFromPabulibMeta(data.meta);
  const every = options.every ?? 1;
  return {
    campaignId: options.campaignId ?? 'lodz-2022',
    prefix,
    text,
    budget: rules.budget ?? Number(data.meta['budget']),
    projects: data.projects.map((p) => ({ id: `${prefix}${p.id}`, cost: p.cost })),
    ballots: data.votes
      .filter((_, i) => i % every === 0)
      .map((v) => selectionFromPabulibVote(v, data.meta['vote_type']).map((s) => ({ ...s, projectId: `${prefix}${s.projectId}` }))),
  };
}

const admin = (token: string) => ({ authorization: `Bearer ${token}` });

function expectStatus(answer: Answer, status: number, what: string): void {
  if (answer.status !== status) throw new Error(`${what}: ${answer.status} ${answer.text.slice(0, 300)}`);
}

/** The admin's morning: the campaign from the file (projects only, voting open now) and one code per voter. */
export async function openVotingDay(client: HttpClient, adminToken: string, day: VotingDay): Promise<string[]> {
  const imported = await client.request('POST', `/api/admin/campaigns/${day.campaignId}/import-pabulib?phase=voting&votes=false&prefix=${day.prefix}`, {
    text: day.text,
    headers: admin(adminToken),
  });
  expectStatus(imported, 200, 'import');
  const codes: string[] = [];
  while (codes.length < day.ballots.length) {
    const count = Math.min(100_000, day.ballots.length - codes.length);
    const issued = await client.request('POST', `/api/admin/campaigns/${day.campaignId}/codes`, { json: { count }, headers: admin(adminToken) });
    expectStatus(issued, 200, 'codes');
    codes.push(...(issued.body as { codes: string[] }).codes);
  }
  return codes;
}

/** A fixed, distinct client address per voter (the server trusts the loopback proxy's X-Forwarded-For). */
export const voterAddress = (i: number): string => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

export interface ReplayFigures {
  voters: number;
  submitted: number;
  failures: { voter: number; step: string; status: number; text: string }[];
  seconds: number;
  ballotsPerSecond: number;
  /** Milliseconds of each request, by step, and of each voter's three requests together. */
  latency: { signIn: number[]; draft: number[]; submit: number[]; voter: number[] };
  receipts: string[];
}

/**
 * Every voter of `day` at once, `concurrency` at a time: sign in with their code, save the ballot as a
 * draft, submit it (with an Idempotency-Key). Failures are recorded, not retried.
 */
export async function replayVotingDay(
  client: HttpClient,
  day: VotingDay,
  codes: readonly string[],
  options: { concurrency: number; addresses?: boolean; onProgress?: (done: number) => void },
): Promise<ReplayFigures> {
  const latency: ReplayFigures['latency'] = { signIn: [], draft: [], submit: [], voter: [] };
  const failures: ReplayFigures['failures'] = [];
  const receipts: string[] = [];
  let next = 0;
  let done = 0;
  const ballotPath = `/api/campaigns/${day.campaignId}/ballot`;

  const timed = async (list: number[], run: () => Promise<Answer>): Promise<Answer> => {
    const t0 = performance.now();
    const answer = await run();
    list.push(performance.now() - t0);
    return answer;
  };

  const vote = async (i: number): Promise<void> => {
    const from: Record<string, string> = options.addresses ? { 'x-forwarded-for': voterAddress(i) } : {};
    const started = performance.now();
    const fail = (step: string, a: Answer) => void failures.push({ voter: i, step, status: a.status, text: a.text.slice(0, 200) });
    const signIn = await timed(latency.signIn, () => client.request('POST', '/api/auth/voting-code', { json: { code: codes[i] }, headers: from }));
    if (signIn.status !== 200) return fail('sign-in', signIn);
    const auth = { ...from, authorization: `Bearer ${(signIn.body as { token: string }).token}` };
    const selection = day.ballots[i]!;
    const draft = await timed(latency.draft, () => client.request('PUT', ballotPath, { json: { selection }, headers: auth }));
    if (draft.status !== 200) return fail('draft', draft);
    const submit = await timed(latency.submit, () =>
      client.request('POST', `${ballotPath}/submit`, { json: { selection }, headers: { ...auth, 'idempotency-key': `voter-${i}` } }),
    );
    if (submit.status !== 200) return fail('submit', submit);
    receipts.push((submit.body as { receipt: string }).receipt);
    latency.voter.push(performance.now() - started);
  };

  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next < day.ballots.length) {
        const i = next++;
        try {
          await vote(i);
        } catch (error) {
          failures.push({ voter: i, step: 'network', status: 0, text: String(error) });
        }
        done++;
        if (done % 1000 === 0) options.onProgress?.(done);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  for (const list of Object.values(latency)) list.sort((a, b) => a - b);
  return { voters: day.ballots.length, submitted: receipts.length, failures, seconds, ballotsPerSecond: receipts.length / seconds, latency, receipts };
}

/** The value below which `p` per cent of the sorted numbers lie. */
export const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

export interface Exactness {
  equal: boolean;
  server: Pick<Results, 'turnout' | 'budgetUsed' | 'projects'>;
  expected: ReturnType<typeof computeResults>;
  /** The first projects whose figures differ, for the message. */
  differences: string[];
}

/**
 * Closes the vote (results phase) and compares the published results with `computeResults` over the
 * day's ballots: every project's votes, points, rank and selection, the budget used and the turnout.
 */
export async function closeAndCompare(client: HttpClient, adminToken: string, day: VotingDay): Promise<Exactness> {
  expectStatus(await client.request('POST', `/api/admin/campaigns/${day.campaignId}/phase`, { json: { phase: 'results' }, headers: admin(adminToken) }), 200, 'phase');
  const answer = await client.request('GET', `/api/campaigns/${day.campaignId}/results`);
  expectStatus(answer, 200, 'results');
  const results = answer.body as Results;
  const expected = computeResults({ budget: day.budget, projects: day.projects, ballots: day.ballots.map((selection, i) => ({ voterId: `v${i}`, selection })) });
  const server = { turnout: results.turnout, budgetUsed: results.budgetUsed, projects: results.projects };
  const differences: string[] = [];
  if (server.turnout !== expected.turnout) differences.push(`turnout ${server.turnout} ≠ ${expected.turnout}`);
  if (server.budgetUsed !== expected.budgetUsed) differences.push(`budgetUsed ${server.budgetUsed} ≠ ${expected.budgetUsed}`);
  expected.projects.forEach((p, rank) => {
    const s = server.projects[rank];
    if (JSON.stringify(s) !== JSON.stringify(p)) differences.push(`#${rank + 1}: server ${JSON.stringify(s)}, computeResults ${JSON.stringify(p)}`);
  });
  if (server.projects.length !== expected.projects.length) differences.push(`${server.projects.length} projects ≠ ${expected.projects.length}`);
  return { equal: differences.length === 0, server, expected, differences: differences.slice(0, 10) };
}
