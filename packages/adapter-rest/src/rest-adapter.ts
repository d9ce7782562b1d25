import {
  Ballot,
  Campaign,
  Comment,
  CommentMark,
  CommentPage,
  PollView,
  CodeRequestReceipt,
  Identity,
  IdeaReceipt,
  Project,
  ProjectPage,
  ParticipationReport,
  Results,
  Session,
  UpdatePage,
  SupportState,
  UploadedImage,
  FULL_CAPABILITIES,
  VecheError,
  isAbort,
  parseWith,
  type AdapterCapabilities,
  type BallotInput,
  type CallOptions,
  type CommentEdit,
  type CommentInputDraft,
  type CommentQuery,
  type CommentReport,
  type PollAnswerDraft,
  type IdeaInputDraft,
  type LiveEvent,
  type MutationOptions,
  type ProjectQuery,
  type SignInRequest,
  type UpdateQuery,
  type VecheAdapter,
} from '@veche/core';
import { errorFromResponse } from './http-error.ts';
import { deviceHints, deviceId } from './discussion.ts';

type TokenStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface RestAdapterOptions {
  /** The API address: `https://pb.city.example/api`, or a path on this site such as `/api`. */
  baseUrl: string;
  fetch?: typeof fetch;
  /** Milliseconds one attempt may take (15,000; also for a value that is not a number > 0). */
  timeoutMs?: number;
  /** Extra attempts of a safe request after a network failure, a timeout, 429 or 5xx (2; also for a value that is not a number ≥ 0). */
  retries?: number;
  /** Where the session token is kept (localStorage by default, per API address); null keeps it in memory. */
  storage?: TokenStorage | null;
  /** How often `subscribe` polls live counts, in ms (15,000). */
  pollMs?: number;
}

interface Call {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  query?: Record<string, unknown> | undefined;
  json?: unknown;
  form?: FormData;
  auth?: boolean;
  signal?: AbortSignal | undefined;
  idempotencyKey?: string | undefined;
  text?: boolean;
}

const memoryStorage = (): TokenStorage => {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
};

function defaultStorage(): TokenStorage {
  try {
    const storage = globalThis.localStorage;
    const probe = 'veche:probe';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    // Sandboxed iframes and privacy modes refuse localStorage.
    return memoryStorage();
  }
}

const newKey = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

const sleep = (ms: number, signal: AbortSignal | undefined) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });

/**
 * The VecheAdapter of the Veche HTTP API (`@veche/server`, or any backend that speaks its contract).
 * Every answer is checked against the core schemas; a malformed one is `invalid-response`.
 */
export class RestAdapter implements VecheAdapter {
  readonly capabilities: AdapterCapabilities = FULL_CAPABILITIES;

  readonly baseUrl: string;
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;
  readonly #retries: number;
  readonly #storage: TokenStorage;
  readonly #tokenKey: string;
  readonly #pollMs: number;

  constructor(options: RestAdapterOptions) {
    const base = typeof location !== 'undefined' ? new URL(options.baseUrl, location.href) : new URL(options.baseUrl);
    this.baseUrl = base.href.replace(/\/+$/, '');
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
    // A page's settings arrive as text: NaN, a negative or no value keeps the default.
    this.#timeoutMs = Number(options.timeoutMs) > 0 ? Number(options.timeoutMs) : 15_000;
    this.#retries = Number(options.retries) >= 0 ? Number(options.retries) : 2;
    this.#storage = options.storage === null ? memoryStorage() : (options.storage ?? defaultStorage());
    this.#tokenKey = `veche:token:${this.baseUrl}`;
    this.#pollMs = options.pollMs ?? 15_000;
  }

  get #token(): string | null {
    try {
      return this.#storage.getItem(this.#tokenKey);
    } catch {
      return null;
    }
  }

  #setToken(token: string | null): void {
    try {
      if (token === null) this.#storage.removeItem(this.#tokenKey);
      else this.#storage.setItem(this.#tokenKey, token);
    } catch {
      // A full or forbidden storage only costs a sign-in on the next visit.
    }
  }

  #url(path: string, query?: Record<string, unknown>): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) params.append(key, String(v));
    }
    const search = params.toString();
    return `${this.baseUrl}${path}${search ? `?${search}` : ''}`;
  }

  /** GETs under way, by address and token: elements that ask for the same thing at once share one request. */
  readonly #inFlight = new Map<string, Promise<unknown>>();

  /**
   * One API call. A GET that is already under way with the same address and token is shared (a list of
   * twelve cards asks for the campaign once, not twelve times); each caller keeps its own AbortSignal.
   */
  #request(path: string, call: Call = {}): Promise<unknown> {
    if ((call.method ?? 'GET') !== 'GET') return this.#send(path, call);
    const signal = call.signal;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const key = `${call.auth ? (this.#token ?? '') : ''}\n${call.text ? 'text' : 'json'}\n${this.#url(path, call.query)}`;
    let shared = this.#inFlight.get(key);
    if (!shared) {
      shared = this.#send(path, { ...call, signal: undefined }).finally(() => this.#inFlight.delete(key));
      this.#inFlight.set(key, shared);
    }
    if (!signal) return shared;
    return new Promise((resolve, reject) => {
      const onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      shared.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  /** Sends one call: timeout per attempt, retries only where repeating is safe, errors as VecheError. */
  async #send(path: string, call: Call): Promise<unknown> {
    const method = call.method ?? 'GET';
    const safe = method === 'GET' || call.idempotencyKey !== undefined;
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = call.auth ? this.#token : null;
    if (token) headers['authorization'] = `Bearer ${token}`;
    if (call.idempotencyKey !== undefined) headers['idempotency-key'] = call.idempotencyKey;
    let body: BodyInit | undefined;
    if (call.form) body = call.form;
    else if (call.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(call.json);
    }
    const url = this.#url(path, call.query);

    for (let attempt = 0; ; attempt++) {
      call.signal?.throwIfAborted();
      let error: VecheError;
      const controller = new AbortController();
      const onAbort = () => controller.abort(call.signal?.reason);
      call.signal?.addEventListener('abort', onAbort, { once: true });
      const timer = setTimeout(() => controller.abort(new VecheError('timeout', `No answer from the server in ${this.#timeoutMs / 1000} s`)), this.#timeoutMs);
      try {
        const response = await this.#fetch(url, { method, headers, body: body ?? null, signal: controller.signal, credentials: 'omit', mode: 'cors' });
        const text = await response.text();
        if (response.ok) return call.text ? text : text === '' ? undefined : parseJson(text);
        if (response.status === 401 && token) this.#setToken(null);
        error = errorFromResponse(response.status, safeJson(text), response.headers.get('retry-after'));
      } catch (e) {
        if (call.signal?.aborted) throw call.signal.reason;
        const reason: unknown = controller.signal.reason;
        if (reason instanceof VecheError) error = reason;
        else if (e instanceof VecheError) throw e;
        else error = isAbort(e) ? new VecheError('timeout', 'The request timed out', { cause: e }) : new VecheError('network', 'The server could not be reached', { cause: e });
      } finally {
        clearTimeout(timer);
        call.signal?.removeEventListener('abort', onAbort);
      }
      const wait = error.retryAfter !== undefined ? error.retryAfter * 1000 : 300 * 2 ** attempt * (0.5 + Math.random());
      if (!safe || !error.retryable || attempt >= this.#retries || wait > 10_000) throw error;
      await sleep(wait, call.signal);
    }
  }

  async getCampaign(campaignId: string, options?: CallOptions): Promise<Campaign> {
    return parseWith(Campaign, await this.#request(`/campaigns/${enc(campaignId)}`, options), 'campaign', 'invalid-response');
  }

  async listProjects(campaignId: string, query: ProjectQuery = {}, options?: CallOptions): Promise<ProjectPage> {
    const data = await this.#request(`/campaigns/${enc(campaignId)}/projects`, { query: { ...query }, signal: options?.signal });
    return parseWith(ProjectPage, data, 'project page', 'invalid-response');
  }

  async getProject(projectId: string, options?: CallOptions): Promise<Project> {
    return parseWith(Project, await this.#request(`/projects/${enc(projectId)}`, options), 'project', 'invalid-response');
  }

  async submitIdea(campaignId: string, idea: IdeaInputDraft, options?: MutationOptions): Promise<IdeaReceipt> {
    const data = await this.#request(`/campaigns/${enc(campaignId)}/ideas`, {
      method: 'POST',
      json: idea,
      auth: true,
      signal: options?.signal,
      idempotencyKey: options?.idempotencyKey ?? newKey(),
    });
    return parseWith(IdeaReceipt, data, 'idea receipt', 'invalid-response');
  }

  async uploadImage(campaignId: string, file: Blob, options?: CallOptions): Promise<UploadedImage> {
    const form = new FormData();
    form.append('file', file, 'name' in file && typeof file.name === 'string' ? file.name : 'photo');
    const data = await this.#request(`/campaigns/${enc(campaignId)}/uploads`, { method: 'POST', form, auth: true, signal: options?.signal });
    return parseWith(UploadedImage, data, 'uploaded image', 'invalid-response');
  }

  async getSupport(projectId: string, options?: CallOptions): Promise<SupportState> {
    const data = await this.#request(`/projects/${enc(projectId)}/support`, { auth: true, signal: options?.signal });
    return parseWith(SupportState, data, 'support', 'invalid-response');
  }

  support(projectId: string, options?: MutationOptions): Promise<SupportState> {
    return this.#support(projectId, 'POST', options);
  }

  withdrawSupport(projectId: string, options?: MutationOptions): Promise<SupportState> {
    return this.#support(projectId, 'DELETE', options);
  }

  async #support(projectId: string, method: 'POST' | 'DELETE', options?: MutationOptions): Promise<SupportState> {
    // Support is a state, not a count: repeating it is safe, so it always carries a key.
    const data = await this.#request(`/projects/${enc(projectId)}/support`, {
      method,
      auth: true,
      signal: options?.signal,
      idempotencyKey: options?.idempotencyKey ?? newKey(),
    });
    return parseWith(SupportState, data, 'support', 'invalid-response');
  }

  async getBallot(campaignId: string, options?: CallOptions): Promise<Ballot | null> {
    const data = await this.#request(`/campaigns/${enc(campaignId)}/ballot`, { auth: true, signal: options?.signal });
    return data === null || data === undefined ? null : parseWith(Ballot, data, 'ballot', 'invalid-response');
  }

  async saveBallot(campaignId: string, ballot: BallotInput, options?: CallOptions): Promise<Ballot> {
    const data = await this.#request(`/campaigns/${enc(campaignId)}/ballot`, { method: 'PUT', json: ballot, auth: true, signal: options?.signal });
    return parseWith(Ballot, data, 'ballot', 'invalid-response');
  }

  async submitBallot(campaignId: string, ballot: BallotInput, options?: MutationOptions): Promise<Ballot> {
    const data = await this.#request(`/campaigns/${enc(campaignId)}/ballot/submit`, {
      method: 'POST',
      json: ballot,
      auth: true,
      signal: options?.signal,
      idempotencyKey: options?.idempotencyKey ?? newKey(),
    });
    return parseWith(Ballot, data, 'ballot', 'invalid-response');
  }

  async withdrawBallot(campaignId: string, options?: MutationOptions): Promise<void> {
    await this.#request(`/campaigns/${enc(campaignId)}/ballot`, { method: 'DELETE', auth: true, signal: options?.signal });
  }

  async listUpdates(campaignId: string, query: UpdateQuery = {}, options?: CallOptions): Promise<UpdatePage> {
    const data = await this.#request(`/campaigns/${enc(campaignId)}/updates`, { query: { ...query }, signal: options?.signal });
    return parseWith(UpdatePage, data, 'update page', 'invalid-response');
  }

  async getParticipation(campaignId: string, options?: CallOptions): Promise<ParticipationReport> {
    const data = await this.#request(`/campaigns/${enc(campaignId)}/participation`, options);
    return parseWith(ParticipationReport, data, 'participation report', 'invalid-response');
  }

  async getResults(campaignId: string, options?: CallOptions): Promise<Results> {
    return parseWith(Results, await this.#request(`/campaigns/${enc(campaignId)}/results`, options), 'results', 'invalid-response');
  }

  async exportPabulib(campaignId: string, options?: CallOptions): Promise<string> {
    return (await this.#request(`/campaigns/${enc(campaignId)}/export.pb`, { signal: options?.signal, text: true })) as string;
  }

  async getIdentity(options?: CallOptions): Promise<Identity | null> {
    if (!this.#token) return null;
    try {
      return parseWith(Identity, await this.#request('/me', { auth: true, signal: options?.signal }), 'identity', 'invalid-response');
    } catch (error) {
      if (error instanceof VecheError && error.code === 'unauthorized') return null;
      throw error;
    }
  }

  async requestCode(contact: string, options?: CallOptions): Promise<CodeRequestReceipt> {
    const data = await this.#request('/auth/code/request', { method: 'POST', json: { contact }, signal: options?.signal });
    return parseWith(CodeRequestReceipt, data, 'code receipt', 'invalid-response');
  }

  async signIn(request: SignInRequest, options?: CallOptions): Promise<Identity> {
    const [path, json] =
      request.method === 'voting-code'
        ? ['/auth/voting-code', { code: request.code }]
        : request.method === 'one-time-code'
          ? ['/auth/code/verify', { contact: request.contact, code: request.code }]
          : ['/auth/host-token', { token: request.token }];
    const data = await this.#request(path, { method: 'POST', json, signal: options?.signal });
    const session = parseWith(Session, data, 'session', 'invalid-response');
    this.#setToken(session.token);
    return session.identity;
  }

  async signOut(options?: CallOptions): Promise<void> {
    const had = this.#token;
    this.#setToken(null);
    if (!had) return;
    const headers = { authorization: `Bearer ${had}` };
    // The token is forgotten here whatever the server says; telling the server only revokes it early.
    await this.#fetch(this.#url('/auth/session'), { method: 'DELETE', headers, credentials: 'omit', ...(options?.signal ? { signal: options.signal } : {}) }).catch(() => undefined);
  }

  async listComments(projectId: string, query: CommentQuery = {}, options?: CallOptions): Promise<CommentPage> {
    // With a token the resident also sees their own comments waiting for moderation; an expired token
    // is dropped (by #request) and the public list asked for instead.
    const get = () => this.#request(`/projects/${enc(projectId)}/comments`, { query: { ...query }, auth: true, signal: options?.signal });
    const data = await get().catch((error: unknown) => {
      if (error instanceof VecheError && error.code === 'unauthorized') return get();
      throw error;
    });
    return parseWith(CommentPage, data, 'comment page', 'invalid-response');
  }

  async postComment(projectId: string, comment: CommentInputDraft, options?: MutationOptions): Promise<Comment> {
    const data = await this.#request(`/projects/${enc(projectId)}/comments`, {
      method: 'POST',
      json: comment,
      auth: true,
      signal: options?.signal,
      idempotencyKey: options?.idempotencyKey ?? newKey(),
    });
    return parseWith(Comment, data, 'comment', 'invalid-response');
  }

  async editComment(commentId: string, edit: CommentEdit, options?: MutationOptions): Promise<Comment> {
    // Writing the same text twice is harmless, so an edit may be retried: it carries a key.
    const data = await this.#request(`/comments/${enc(commentId)}`, {
      method: 'PUT',
      json: edit,
      auth: true,
      signal: options?.signal,
      idempotencyKey: options?.idempotencyKey ?? newKey(),
    });
    return parseWith(Comment, data, 'comment', 'invalid-response');
  }

  async markComment(commentId: string, useful: boolean, options?: MutationOptions): Promise<CommentMark> {
    const data = await this.#request(`/comments/${enc(commentId)}/useful`, {
      method: useful ? 'PUT' : 'DELETE',
      auth: true,
      signal: options?.signal,
      idempotencyKey: options?.idempotencyKey ?? newKey(),
    });
    return parseWith(CommentMark, data, 'comment mark', 'invalid-response');
  }

  async reportComment(commentId: string, report: CommentReport, options?: MutationOptions): Promise<void> {
    await this.#request(`/comments/${enc(commentId)}/reports`, {
      method: 'POST',
      json: report,
      auth: true,
      signal: options?.signal,
      idempotencyKey: options?.idempotencyKey ?? newKey(),
    });
  }

  /** This browser's device for low-stakes polls: its id (kept per API address) and its hints. */
  get #device(): { id: string; hints: string } {
    return { id: deviceId(this.#storage, `veche:device:${this.baseUrl}`), hints: deviceHints() };
  }

  async getPoll(pollId: string, options?: CallOptions): Promise<PollView> {
    const { id, hints } = this.#device;
    const get = () => this.#request(`/polls/${enc(pollId)}`, { query: { device: id, hints }, auth: true, signal: options?.signal });
    const data = await get().catch((error: unknown) => {
      if (error instanceof VecheError && error.code === 'unauthorized') return get();
      throw error;
    });
    return parseWith(PollView, data, 'poll', 'invalid-response');
  }

  async answerPoll(pollId: string, answer: PollAnswerDraft, options?: MutationOptions): Promise<PollView> {
    const data = await this.#request(`/polls/${enc(pollId)}/answers`, {
      method: 'POST',
      json: { ...answer, device: this.#device },
      auth: true,
      signal: options?.signal,
      idempotencyKey: options?.idempotencyKey ?? newKey(),
    });
    return parseWith(PollView, data, 'poll', 'invalid-response');
  }

  /**
   * Polls `GET /campaigns/:id/live` every `pollMs` (skipped while the page is hidden) and reports what
   * changed: support counts and turnout.
   */
  subscribe(campaignId: string, listener: (event: LiveEvent) => void): () => void {
    let last: { turnout: number; supports: Record<string, number> } | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const controller = new AbortController();
    const poll = async () => {
      const hidden = typeof document !== 'undefined' && document.visibilityState === 'hidden';
      if (!hidden) {
        try {
          const snapshot = parseLive(await this.#request(`/campaigns/${enc(campaignId)}/live`, { signal: controller.signal, auth: false }));
          if (last) {
            for (const [projectId, count] of Object.entries(snapshot.supports)) {
              if (last.supports[projectId] !== count) listener({ type: 'support', projectId, count });
            }
            if (last.turnout !== snapshot.turnout) listener({ type: 'turnout', campaignId, turnout: snapshot.turnout });
          }
          last = snapshot;
        } catch {
          // A missed poll is retried at the next tick.
        }
      }
      if (!stopped) timer = setTimeout(() => void poll(), this.#pollMs);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
      controller.abort();
    };
  }
}

const enc = encodeURIComponent;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new VecheError('invalid-response', 'The server answered with something that is not JSON', { cause });
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function parseLive(data: unknown): { turnout: number; supports: Record<string, number> } {
  const value = data as { turnout?: unknown; supports?: unknown } | null;
  const ok =
    typeof value === 'object' &&
    value !== null &&
    Number.isInteger(value.turnout) &&
    typeof value.supports === 'object' &&
    value.supports !== null &&
    Object.values(value.supports).every((n) => Number.isInteger(n));
  if (!ok) throw new VecheError('invalid-response', 'Invalid live counts');
  return value as { turnout: number; supports: Record<string, number> };
}
