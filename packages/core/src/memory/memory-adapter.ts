import {
  FULL_CAPABILITIES,
  type AdapterCapabilities,
  type CallOptions,
  type LiveEvent,
  type MutationOptions,
  type VecheAdapter,
} from '../adapter/adapter.ts';
import { VecheError } from '../adapter/errors.ts';
import { sniffImage, IMAGE_TYPES } from '../domain/image.ts';
import { hashString } from '../domain/random.ts';
import { PUBLIC_PROJECT_STATUSES, type PhaseId, type SignInMethod } from '../domain/values.ts';
import { campaignToPabulib } from '../pabulib/campaign.ts';
import { toPabulib } from '../pabulib/pabulib.ts';
import { campaignResults } from '../results/campaign-results.ts';
import { checkBallot } from '../rules/check-ballot.ts';
import { checkIdea, ideaToProject, invalidIdea } from '../rules/check-idea.ts';
import { effectiveRules, phaseState, requirePhase, requireResultsPublished, votesVisible } from '../rules/phases.ts';
import { type Ballot, BallotInput, type Selection } from '../schemas/ballot.ts';
import { Campaign } from '../schemas/campaign.ts';
import { IdeaInput, type IdeaInputDraft, type IdeaReceipt, type UploadedImage } from '../schemas/idea.ts';
import {
  SignInRequest,
  type CodeRequestReceipt,
  type Identity,
  type SupportState,
} from '../schemas/identity.ts';
import { Project, ProjectQuery, type ProjectPage } from '../schemas/project.ts';
import type { Results } from '../schemas/results.ts';
import { parseWith } from '../schemas/validate.ts';
import { demoFixture, type MemoryFixture } from './demo.ts';
import { MemoryReporting, type MemoryRecords } from './reporting.ts';
import type { ParticipationReport, UpdatePage, UpdateQuery } from '../schemas/reporting.ts';
import { normalizeContact, maskContact, normalizeCode } from '../domain/contact.ts';
import { MemoryDiscussion, emptyDiscussion, type DiscussionState } from './discussion.ts';
import type { Comment, CommentEdit, CommentInputDraft, CommentMark, CommentPage, CommentQuery, CommentReport, PollAnswerDraft, PollView } from '../schemas/discussion.ts';

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface MemoryAdapterOptions {
  /** Campaigns to serve; the demo campaign when absent. */
  fixtures?: MemoryFixture[];
  /** The clock; phases open and close by it. */
  now?: () => Date;
  /** Milliseconds every call waits, to show loading states. */
  latency?: number;
  /** Keeps residents' supports, ballots, ideas and the session across reloads (localStorage). */
  storage?: StorageLike | null;
  storageKey?: string;
  /** Starts signed in as this resident (stories and tests). */
  signedInAs?: string;
  /** Makes the one-time codes this adapter "sends"; the demo always sends 123456. */
  oneTimeCode?: () => string;
  /** How long a session lasts, in minutes (120). */
  sessionMinutes?: number;
}

interface Session {
  residentId: string;
  method: SignInMethod;
  expiresAt: string;
}

interface StoredIdea {
  projectId: string;
  author: IdeaInput['author'];
  consents: (IdeaInput['consents'][number] & { at: string })[];
}

/** What persists between reloads. */
interface PersistedState {
  session: Session | null;
  supports: Record<string, Record<string, 'supported' | 'withdrawn'>>;
  ballots: Record<string, Record<string, Ballot>>;
  ideas: StoredIdea[];
  ideaProjects: Project[];
  usedCodes: Record<string, string>;
  idempotency: Record<string, unknown>;
  sequence: number;
  /** Comments, marks, reports and poll answers (./discussion.ts). */
  discussion: DiscussionState;
}

const emptyState = (): PersistedState => ({
  session: null,
  supports: {},
  ballots: {},
  ideas: [],
  ideaProjects: [],
  usedCodes: {},
  idempotency: {},
  sequence: 0,
  discussion: emptyDiscussion(),
});

const clone = <T>(value: T): T => structuredClone(value);
const collator = new Intl.Collator('ru', { sensitivity: 'base', numeric: true });
const fold = (text: string) => text.toLocaleLowerCase('ru').replace(/ё/g, 'е');
const asArray = <T>(value: T | T[] | undefined): T[] | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? value : [value];

/**
 * The whole Veche backend in the browser: the demo campaign by default, the same rules as the
 * reference server (phases, sign-in, one ballot per resident, `checkBallot`, idempotency, single-use
 * codes, rate limits), optional persistence in localStorage. Storybook, tests and the demo page use it.
 */
export class MemoryAdapter implements VecheAdapter {
  readonly capabilities: AdapterCapabilities = FULL_CAPABILITIES;

  /** One-time codes "sent", newest last: what an e-mail or SMS would carry. */
  readonly outbox: { contact: string; code: string }[] = [];

  readonly #now: () => Date;
  readonly #latency: number;
  readonly #storage: StorageLike | null;
  readonly #storageKey: string;
  readonly #makeCode: () => string;
  readonly #sessionMinutes: number;
  readonly #campaigns = new Map<string, Campaign>();
  readonly #projects = new Map<string, Project>();
  readonly #baseSupporters = new Map<string, number>();
  readonly #seedBallots = new Map<string, { voterId: string; selection: Selection[] }[]>();
  readonly #codes = new Set<string>();
  readonly #otps = new Map<string, { code: string; expires: number; attempts: number }>();
  readonly #attempts = new Map<string, number[]>();
  readonly #listeners = new Map<string, Set<(event: LiveEvent) => void>>();
  readonly #reporting = new MemoryReporting();
  readonly #discussion = new MemoryDiscussion({
    now: () => this.#now(),
    enter: (options) => this.#enter(options),
    campaign: (id) => this.#campaign(id),
    project: (id) => this.#publicProject(id),
    session: () => this.#session(),
    state: () => this.#state.discussion,
    save: () => this.#save(),
    remember: (key, scope, make) => this.#remember(key, scope, make),
  });
  #state: PersistedState;

  constructor(options: MemoryAdapterOptions = {}) {
    this.#now = options.now ?? (() => new Date());
    this.#latency = options.latency ?? 0;
    this.#storage = options.storage ?? null;
    this.#storageKey = options.storageKey ?? 'veche:memory';
    this.#makeCode = options.oneTimeCode ?? (() => String(Math.floor(100000 + Math.random() * 900000)));
    this.#sessionMinutes = options.sessionMinutes ?? 120;
    for (const fixture of options.fixtures ?? [demoFixture(this.#now())]) this.#load(fixture);
    this.#state = this.#restore();
    for (const p of this.#state.ideaProjects) this.#projects.set(p.id, p);
    if (options.signedInAs) this.#startSession(options.signedInAs, 'voting-code');
  }

  #load(fixture: MemoryFixture): void {
    const campaign = parseWith(Campaign, fixture.campaign, `campaign ${fixture.campaign.id}`);
    this.#campaigns.set(campaign.id, campaign);
    for (const input of fixture.projects) {
      const project = parseWith(Project, input, `project ${input.id}`);
      if (project.campaignId !== campaign.id) throw new VecheError('invalid-input', `Project ${project.id} belongs to another campaign`);
      this.#projects.set(project.id, project);
    }
    for (const [id, count] of Object.entries(fixture.supporters ?? {})) this.#baseSupporters.set(id, count);
    this.#seedBallots.set(campaign.id, fixture.ballots ?? []);
    for (const code of fixture.votingCodes ?? []) this.#codes.add(normalizeCode(code));
    this.#reporting.load(fixture, campaign);
    this.#discussion.load(fixture, campaign.id);
  }

  #restore(): PersistedState {
    const raw = this.#storage?.getItem(this.#storageKey);
    if (!raw) return emptyState();
    try {
      return { ...emptyState(), ...(JSON.parse(raw) as Partial<PersistedState>) };
    } catch {
      this.#storage?.removeItem(this.#storageKey);
      return emptyState();
    }
  }

  #save(): void {
    this.#storage?.setItem(this.#storageKey, JSON.stringify(this.#state));
  }

  /** Waits the configured latency; rejects when the call is cancelled. */
  async #enter(options?: CallOptions): Promise<void> {
    const signal = options?.signal;
    signal?.throwIfAborted();
    if (this.#latency > 0) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, this.#latency);
        signal?.addEventListener(
          'abort',
          () => {
            clearTimeout(timer);
            reject(signal.reason);
          },
          { once: true },
        );
      });
    } else {
      await Promise.resolve();
    }
    signal?.throwIfAborted();
  }

  #campaign(id: string): Campaign {
    const campaign = this.#campaigns.get(id);
    if (!campaign) throw new VecheError('not-found', `There is no campaign ${id}`);
    return campaign;
  }

  #publicProject(id: string): Project {
    const project = this.#projects.get(id);
    if (!project || project.status === 'submitted') throw new VecheError('not-found', `There is no project ${id}`);
    return project;
  }

  #requirePhase(campaign: Campaign, phase: PhaseId): void {
    requirePhase(campaign, phase, this.#now());
  }

  #session(): Session | null {
    const session = this.#state.session;
    if (session && Date.parse(session.expiresAt) <= this.#now().getTime()) {
      this.#state.session = null;
      this.#save();
      return null;
    }
    return session;
  }

  #requireResident(campaign: Campaign, action: 'ideas' | 'support' | 'voting'): Session {
    const session = this.#session();
    const accepted = campaign.signIn[action];
    if (!session) {
      throw new VecheError('unauthorized', 'Sign in first', { details: { methods: accepted } });
    }
    if (!accepted.includes(session.method)) {
      throw new VecheError('forbidden', `This campaign does not accept ${session.method} sign-in for ${action}`, {
        details: { methods: accepted },
      });
    }
    return session;
  }

  #startSession(residentId: string, method: SignInMethod): Identity {
    const expiresAt = new Date(this.#now().getTime() + this.#sessionMinutes * 60_000).toISOString();
    this.#state.session = { residentId, method, expiresAt };
    this.#save();
    return this.#identity(this.#state.session);
  }

  #identity(session: Session): Identity {
    const now = this.#now();
    const campaigns: Identity['campaigns'] = {};
    for (const c of this.#campaigns.values()) {
      campaigns[c.id] = {
        ideas: phaseState(c, 'ideas', now) === 'open' && (c.signIn.ideas.length === 0 || c.signIn.ideas.includes(session.method)),
        support: phaseState(c, 'support', now) === 'open' && c.signIn.support.includes(session.method),
        vote: phaseState(c, 'voting', now) === 'open' && c.signIn.voting.includes(session.method),
      };
    }
    return { residentId: session.residentId, method: session.method, expiresAt: session.expiresAt, campaigns };
  }

  /** Counts a failed attempt for `key`; more than `limit` in ten minutes is rate-limited. */
  #throttle(key: string, limit: number): void {
    const now = this.#now().getTime();
    const recent = (this.#attempts.get(key) ?? []).filter((t) => now - t < 600_000);
    if (recent.length >= limit) {
      const retryAfter = Math.ceil((600_000 - (now - recent[0]!)) / 1000);
      throw new VecheError('rate-limited', 'Too many attempts; try again later', { retryAfter });
    }
    recent.push(now);
    this.#attempts.set(key, recent);
  }

  #remember<T>(key: string | undefined, scope: string, make: () => T): T {
    if (key === undefined) return make();
    const slot = `${scope}:${key}`;
    if (slot in this.#state.idempotency) return clone(this.#state.idempotency[slot] as T);
    const result = make();
    this.#state.idempotency[slot] = clone(result);
    this.#save();
    return result;
  }

  #emit(campaignId: string, event: LiveEvent): void {
    for (const listener of this.#listeners.get(campaignId) ?? []) {
      queueMicrotask(() => listener(event));
    }
  }

  #supportCount(projectId: string): number {
    const residents = this.#state.supports[projectId] ?? {};
    return (this.#baseSupporters.get(projectId) ?? 0) + Object.values(residents).filter((s) => s === 'supported').length;
  }

  #submittedBallots(campaignId: string): { voterId: string; selection: Selection[] }[] {
    const real = Object.entries(this.#state.ballots[campaignId] ?? {})
      .filter(([, b]) => b.status === 'submitted')
      .map(([voterId, b]) => ({ voterId, selection: b.selection }));
    return [...(this.#seedBallots.get(campaignId) ?? []), ...real];
  }

  #campaignProjects(campaignId: string): Project[] {
    return [...this.#projects.values()].filter((p) => p.campaignId === campaignId);
  }

  /** The projects on this campaign's ballot. */
  #ballotProjects(campaignId: string): Project[] {
    return this.#campaignProjects(campaignId).filter((p) => p.status === 'shortlisted');
  }

  /** A project as the public sees it: live support count, votes only when the campaign shows them. */
  #present(project: Project): Project {
    const campaign = this.#campaign(project.campaignId);
    const out = clone(project);
    const supports = this.#supportCount(project.id);
    if (supports > 0 || this.#baseSupporters.has(project.id)) out.supports = supports;
    if (project.status === 'shortlisted') {
      if (votesVisible(campaign, this.#now())) {
        out.votes = this.#submittedBallots(campaign.id).filter((b) => b.selection.some((s) => s.projectId === project.id)).length;
      } else delete out.votes;
    }
    return out;
  }

  async getCampaign(campaignId: string, options?: CallOptions): Promise<Campaign> {
    await this.#enter(options);
    return clone(this.#campaign(campaignId));
  }

  async listProjects(campaignId: string, query: ProjectQuery = {}, options?: CallOptions): Promise<ProjectPage> {
    await this.#enter(options);
    this.#campaign(campaignId);
    const q = parseWith(ProjectQuery, query, 'project query');
    const offset = q.cursor === undefined ? 0 : Number.parseInt(q.cursor, 36);
    if (!Number.isInteger(offset) || offset < 0) throw new VecheError('invalid-input', 'Invalid project query: cursor is not one this adapter gave');
    const statuses = asArray(q.status) ?? PUBLIC_PROJECT_STATUSES;
    const categories = asArray(q.category);
    const districts = asArray(q.district);
    const needle = q.q ? fold(q.q.trim()) : '';
    const matching = [...this.#projects.values()]
      .filter((p) => p.campaignId === campaignId && p.status !== 'submitted' && statuses.includes(p.status))
      .filter((p) => !categories || p.categoryIds.some((c) => categories.includes(c)))
      .filter((p) => !districts || (p.districtId !== undefined && districts.includes(p.districtId)))
      .filter((p) => !needle || fold(`${p.title} ${p.summary ?? ''} ${p.description ?? ''} ${p.location?.address ?? ''}`).includes(needle));

    // Sort the stored projects, then copy only the page asked for (paging 10,000 projects stays fast).
    const seed = q.seed ?? 0;
    const supports = new Map<string, number>();
    const supportsOf = (p: Project) => {
      let n = supports.get(p.id);
      if (n === undefined) supports.set(p.id, (n = this.#supportCount(p.id)));
      return n;
    };
    const byNewest = (a: Project, b: Project) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || collator.compare(a.id, b.id);
    const sorts: Record<NonNullable<ProjectQuery['sort']>, (a: Project, b: Project) => number> = {
      newest: byNewest,
      supported: (a, b) => supportsOf(b) - supportsOf(a) || byNewest(a, b),
      'cost-asc': (a, b) => a.cost - b.cost || byNewest(a, b),
      'cost-desc': (a, b) => b.cost - a.cost || byNewest(a, b),
      title: (a, b) => collator.compare(a.title, b.title),
      random: (a, b) => hashString(a.id, seed) - hashString(b.id, seed) || collator.compare(a.id, b.id),
    };
    matching.sort(sorts[q.sort ?? 'newest']);
    const next = offset + (q.limit ?? 20);
    return {
      items: matching.slice(offset, next).map((p) => this.#present(p)),
      nextCursor: next < matching.length ? next.toString(36) : null,
    };
  }

  async getProject(projectId: string, options?: CallOptions): Promise<Project> {
    await this.#enter(options);
    return this.#present(this.#publicProject(projectId));
  }

  async submitIdea(campaignId: string, draft: IdeaInputDraft, options?: MutationOptions): Promise<IdeaReceipt> {
    await this.#enter(options);
    const campaign = this.#campaign(campaignId);
    const idea = parseWith(IdeaInput, draft, 'idea');
    this.#requirePhase(campaign, 'ideas');
    if (campaign.signIn.ideas.length > 0) this.#requireResident(campaign, 'ideas');
    const issues = checkIdea(campaign, idea);
    if (issues.length > 0) throw invalidIdea(issues);
    return this.#remember(options?.idempotencyKey, 'idea', () => {
      const id = `idea-${++this.#state.sequence}`;
      const now = this.#now().toISOString();
      const project = ideaToProject(idea, id, campaignId, now);
      this.#projects.set(id, project);
      this.#state.ideaProjects.push(project);
      this.#state.ideas.push({ projectId: id, author: idea.author, consents: idea.consents.map((c) => ({ ...c, at: now })) });
      this.#save();
      return { id, status: 'submitted' as const };
    });
  }

  async uploadImage(campaignId: string, file: Blob, options?: CallOptions): Promise<UploadedImage> {
    await this.#enter(options);
    const campaign = this.#campaign(campaignId);
    if (file.size > campaign.ideaLimits.photoBytes) {
      throw new VecheError('invalid-input', `The photo is larger than ${campaign.ideaLimits.photoBytes} bytes`, {
        status: 413,
        details: { limit: campaign.ideaLimits.photoBytes, actual: file.size },
      });
    }
    const info = sniffImage(new Uint8Array(await file.slice(0, 65_536).arrayBuffer()));
    if (!info || (file.type && file.type !== info.type)) {
      throw new VecheError('invalid-input', `A photo must be ${IMAGE_TYPES.join(', ')} and be what its type says`, {
        status: 415,
        details: { type: file.type, detected: info?.type ?? null },
      });
    }
    const url = typeof URL.createObjectURL === 'function' ? URL.createObjectURL(file) : `/memory/uploads/${++this.#state.sequence}`;
    return { url, width: info.width, height: info.height };
  }

  #supportState(projectId: string): SupportState {
    const session = this.#session();
    const mine = session ? this.#state.supports[projectId]?.[session.residentId] : undefined;
    return { projectId, state: mine ?? 'none', count: this.#supportCount(projectId) };
  }

  async getSupport(projectId: string, options?: CallOptions): Promise<SupportState> {
    await this.#enter(options);
    this.#publicProject(projectId);
    return this.#supportState(projectId);
  }

  async support(projectId: string, options?: MutationOptions): Promise<SupportState> {
    return this.#setSupport(projectId, 'supported', options);
  }

  async withdrawSupport(projectId: string, options?: MutationOptions): Promise<SupportState> {
    return this.#setSupport(projectId, 'withdrawn', options);
  }

  async #setSupport(projectId: string, next: 'supported' | 'withdrawn', options?: MutationOptions): Promise<SupportState> {
    await this.#enter(options);
    const project = this.#publicProject(projectId);
    const campaign = this.#campaign(project.campaignId);
    this.#requirePhase(campaign, 'support');
    const session = this.#requireResident(campaign, 'support');
    if (project.status !== 'published' && project.status !== 'shortlisted') {
      throw new VecheError('forbidden', 'This project is not open for support', { details: { status: project.status } });
    }
    const residents = (this.#state.supports[projectId] ??= {});
    const current = residents[session.residentId];
    if (next === 'supported' || current === 'supported') residents[session.residentId] = next;
    this.#save();
    const state = this.#supportState(projectId);
    this.#emit(campaign.id, { type: 'support', projectId, count: state.count ?? 0 });
    return state;
  }

  async getBallot(campaignId: string, options?: CallOptions): Promise<Ballot | null> {
    await this.#enter(options);
    const campaign = this.#campaign(campaignId);
    const session = this.#requireResident(campaign, 'voting');
    const ballot = this.#state.ballots[campaignId]?.[session.residentId];
    return ballot ? clone(ballot) : null;
  }

  async saveBallot(campaignId: string, input: BallotInput, options?: CallOptions): Promise<Ballot> {
    await this.#enter(options);
    const campaign = this.#campaign(campaignId);
    const body = parseWith(BallotInput, input, 'ballot');
    this.#requirePhase(campaign, 'voting');
    const session = this.#requireResident(campaign, 'voting');
    const ballots = (this.#state.ballots[campaignId] ??= {});
    if (ballots[session.residentId]?.status === 'submitted') {
      throw new VecheError('conflict', 'The ballot is already submitted; withdraw it to change it');
    }
    const ballot: Ballot = {
      campaignId,
      status: 'draft',
      selection: body.selection,
      updatedAt: this.#now().toISOString(),
      ...(body.districtId ? { districtId: body.districtId } : {}),
    };
    ballots[session.residentId] = ballot;
    this.#save();
    return clone(ballot);
  }

  async submitBallot(campaignId: string, input: BallotInput, options?: MutationOptions): Promise<Ballot> {
    await this.#enter(options);
    const campaign = this.#campaign(campaignId);
    const body = parseWith(BallotInput, input, 'ballot');
    this.#requirePhase(campaign, 'voting');
    const session = this.#requireResident(campaign, 'voting');
    const key = options?.idempotencyKey;
    const slot = `ballot:${session.residentId}:${key}`;
    if (key !== undefined && slot in this.#state.idempotency) return clone(this.#state.idempotency[slot] as Ballot);

    const ballots = (this.#state.ballots[campaignId] ??= {});
    if (ballots[session.residentId]?.status === 'submitted') {
      throw new VecheError('conflict', 'A ballot is already submitted; withdraw it first to vote again');
    }
    const rules = campaign.votingRules;
    if (rules.districtMode === 'one') {
      if (!body.districtId) throw new VecheError('invalid-input', 'Invalid ballot: districtId is required: choose your district');
      if (!campaign.districts.some((d) => d.id === body.districtId)) {
        throw new VecheError('invalid-input', `Invalid ballot: districtId ${body.districtId} is not a district of this campaign`);
      }
    }
    const check = checkBallot(effectiveRules(campaign, body.districtId), this.#campaignProjects(campaignId), body.selection, {
      districtId: body.districtId,
      districts: campaign.districts,
    });
    if (!check.ok) {
      throw new VecheError('rule-violation', 'The ballot breaks the voting rules', { details: { violations: check.violations } });
    }
    const now = this.#now().toISOString();
    const ballot: Ballot = {
      campaignId,
      status: 'submitted',
      selection: body.selection,
      updatedAt: now,
      submittedAt: now,
      receipt: receiptCode(`${session.residentId}:${now}:${++this.#state.sequence}`),
      ...(body.districtId ? { districtId: body.districtId } : {}),
    };
    ballots[session.residentId] = ballot;
    if (key !== undefined) this.#state.idempotency[slot] = clone(ballot);
    this.#save();
    this.#emit(campaignId, { type: 'turnout', campaignId, turnout: this.#submittedBallots(campaignId).length });
    return clone(ballot);
  }

  async withdrawBallot(campaignId: string, options?: MutationOptions): Promise<void> {
    await this.#enter(options);
    const campaign = this.#campaign(campaignId);
    this.#requirePhase(campaign, 'voting');
    const session = this.#requireResident(campaign, 'voting');
    if (!campaign.allowRevote) throw new VecheError('forbidden', 'This campaign does not allow changing a submitted vote');
    const ballot = this.#state.ballots[campaignId]?.[session.residentId];
    if (!ballot || ballot.status !== 'submitted') throw new VecheError('not-found', 'There is no submitted ballot to withdraw');
    const { receipt: _receipt, submittedAt: _submittedAt, ...rest } = ballot;
    this.#state.ballots[campaignId]![session.residentId] = { ...rest, status: 'draft', updatedAt: this.#now().toISOString() };
    this.#save();
    this.#emit(campaignId, { type: 'turnout', campaignId, turnout: this.#submittedBallots(campaignId).length });
  }

  #results(campaign: Campaign): { results: Results; ballots: { voterId: string; selection: Selection[] }[]; projects: Project[] } {
    requireResultsPublished(campaign, this.#now());
    const projects = this.#ballotProjects(campaign.id);
    const ballots = this.#submittedBallots(campaign.id);
    return { results: campaignResults(campaign, projects, ballots, 'final'), ballots, projects };
  }

  async getResults(campaignId: string, options?: CallOptions): Promise<Results> {
    await this.#enter(options);
    return this.#results(this.#campaign(campaignId)).results;
  }

  async exportPabulib(campaignId: string, options?: CallOptions): Promise<string> {
    await this.#enter(options);
    const campaign = this.#campaign(campaignId);
    const { results, ballots, projects } = this.#results(campaign);
    const selected = new Set(results.projects.filter((p) => p.selected).map((p) => p.id));
    return toPabulib(campaignToPabulib({ campaign, projects, ballots, selected }));
  }

  async getIdentity(options?: CallOptions): Promise<Identity | null> {
    await this.#enter(options);
    const session = this.#session();
    return session ? this.#identity(session) : null;
  }

  async requestCode(contact: string, options?: CallOptions): Promise<CodeRequestReceipt> {
    await this.#enter(options);
    const normalized = normalizeContact(contact);
    if (!normalized) throw new VecheError('invalid-input', 'Invalid contact: contact must be an e-mail address or a phone number');
    this.#throttle(`request:${normalized}`, 3);
    const code = this.#makeCode();
    const expires = this.#now().getTime() + 10 * 60_000;
    this.#otps.set(normalized, { code, expires, attempts: 0 });
    this.outbox.push({ contact: normalized, code });
    return { sentTo: maskContact(normalized), expiresAt: new Date(expires).toISOString() };
  }

  async signIn(request: SignInRequest, options?: CallOptions): Promise<Identity> {
    await this.#enter(options);
    const body = parseWith(SignInRequest, request, 'sign-in request');
    if (body.method === 'voting-code') {
      this.#throttle('voting-code', 20);
      const code = normalizeCode(body.code);
      if (!this.#codes.has(code)) throw new VecheError('unauthorized', 'This voting code is not valid');
      if (code in this.#state.usedCodes) throw new VecheError('unauthorized', 'This voting code has already been used');
      const residentId = `code-${hashString(code).toString(36)}`;
      this.#state.usedCodes[code] = residentId;
      return this.#startSession(residentId, 'voting-code');
    }
    if (body.method === 'one-time-code') {
      const contact = normalizeContact(body.contact);
      const pending = contact ? this.#otps.get(contact) : undefined;
      if (!contact || !pending || pending.expires <= this.#now().getTime()) {
        throw new VecheError('unauthorized', 'Request a new code: this one has expired or was never sent');
      }
      if (++pending.attempts > 5) {
        this.#otps.delete(contact);
        throw new VecheError('rate-limited', 'Too many wrong codes; request a new one', { retryAfter: 60 });
      }
      if (pending.code !== body.code.trim()) throw new VecheError('unauthorized', 'The code is wrong');
      this.#otps.delete(contact);
      return this.#startSession(`contact-${hashString(contact).toString(36)}`, 'one-time-code');
    }
    // A host site vouches for its own signed-in user; in memory any `demo:` token is trusted.
    if (!body.token.startsWith('demo:')) throw new VecheError('unauthorized', 'The host token is not valid');
    return this.#startSession(`host-${hashString(body.token).toString(36)}`, 'host-token');
  }

  async signOut(options?: CallOptions): Promise<void> {
    await this.#enter(options);
    this.#state.session = null;
    this.#save();
  }

  async listUpdates(campaignId: string, query: UpdateQuery = {}, options?: CallOptions): Promise<UpdatePage> {
    await this.#enter(options);
    const campaign = this.#campaign(campaignId);
    return this.#reporting.listUpdates(campaign, query, this.#now(), (id) => this.#projects.get(id)?.campaignId === campaignId && this.#projects.get(id)?.status !== 'submitted');
  }

  async getParticipation(campaignId: string, options?: CallOptions): Promise<ParticipationReport> {
    await this.#enter(options);
    const campaign = this.#campaign(campaignId);
    const others = [...this.#campaigns.values()].map((c) => ({ campaign: c, records: this.#records(c.id) }));
    return this.#reporting.participation(campaign, this.#records(campaignId), others);
  }

  /** What residents did in a campaign through this adapter, for the participation report. */
  #records(campaignId: string): MemoryRecords {
    const projects = new Set(this.#campaignProjects(campaignId).map((p) => p.id));
    return {
      ideas: this.#state.ideas.filter((i) => projects.has(i.projectId)),
      supporters: Object.entries(this.#state.supports)
        .filter(([id]) => projects.has(id))
        .flatMap(([, residents]) => Object.keys(residents).filter((r) => residents[r] === 'supported')),
      voters: Object.entries(this.#state.ballots[campaignId] ?? {})
        .filter(([, b]) => b.status === 'submitted')
        .map(([r]) => r),
      loadedBallots: this.#seedBallots.get(campaignId)?.length ?? 0,
      commenters: this.#discussion.commenters(campaignId),
    };
  }

  listComments(projectId: string, query?: CommentQuery, options?: CallOptions): Promise<CommentPage> {
    return this.#discussion.listComments(projectId, query, options);
  }

  postComment(projectId: string, comment: CommentInputDraft, options?: MutationOptions): Promise<Comment> {
    return this.#discussion.postComment(projectId, comment, options);
  }

  editComment(commentId: string, edit: CommentEdit, options?: MutationOptions): Promise<Comment> {
    return this.#discussion.editComment(commentId, edit, options);
  }

  markComment(commentId: string, useful: boolean, options?: MutationOptions): Promise<CommentMark> {
    return this.#discussion.markComment(commentId, useful, options);
  }

  reportComment(commentId: string, report: CommentReport, options?: MutationOptions): Promise<void> {
    return this.#discussion.reportComment(commentId, report, options);
  }

  getPoll(pollId: string, options?: CallOptions): Promise<PollView> {
    return this.#discussion.getPoll(pollId, options);
  }

  answerPoll(pollId: string, answer: PollAnswerDraft, options?: MutationOptions): Promise<PollView> {
    return this.#discussion.answerPoll(pollId, answer, options);
  }

  subscribe(campaignId: string, listener: (event: LiveEvent) => void): () => void {
    let set = this.#listeners.get(campaignId);
    if (!set) this.#listeners.set(campaignId, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /** The private records of an idea (contact, consents with time): for tests of what stays private. */
  ideaRecord(projectId: string): StoredIdea | undefined {
    return clone(this.#state.ideas.find((i) => i.projectId === projectId));
  }
}

/** An 8-character receipt code from a stable hash, easy to read aloud (no 0/O, 1/I). */
function receiptCode(seed: string): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let h1 = hashString(seed, 1);
  let h2 = hashString(seed, 2);
  let out = '';
  for (let i = 0; i < 8; i++) {
    const source = i < 4 ? h1 : h2;
    out += alphabet[source % alphabet.length];
    if (i < 4) h1 = Math.floor(h1 / alphabet.length);
    else h2 = Math.floor(h2 / alphabet.length);
  }
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}

