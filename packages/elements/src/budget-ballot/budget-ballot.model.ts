import {
  checkBallot,
  effectiveRules,
  hashString,
  minimumSpend,
  type Ballot,
  type BallotInput,
  type Campaign,
  type Identity,
  type Locale,
  type Project,
  type Selection,
  type Violation,
  type ViolationCode,
  type VecheAdapter,
  type VecheError,
  type VotingRules,
} from '@veche/core';
import type { TemplateResult } from 'lit';
import type { VecheElement } from '../base/veche-element.ts';
import type { Messages } from '../i18n/locale.ts';
import type { VecheSignIn } from '../sign-in/sign-in.ts';
import type { BudgetBallotTerms } from './budget-ballot.i18n.ts';
import type { BallotAction, Step } from './budget-ballot.types.ts';

/**
 * The resident's basket as this device keeps it (localStorage) at every change: the choice, the
 * district, whether it was sent (with the receipt), and a nonce renewed after each submission and
 * withdrawal. The nonce and the choice make the Idempotency-Key, so sending the same basket again
 * (a lost response, a double click) never makes a second ballot.
 */
export interface Basket {
  selection: Selection[];
  districtId?: string | undefined;
  status: 'draft' | 'submitted';
  nonce: string;
  updatedAt: string;
  receipt?: string | undefined;
  submittedAt?: string | undefined;
}

/** 128 random bits in hex (crypto.getRandomValues works on plain-http city sites too). */
export const nonce = (): string => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

export const emptyBasket = (now = new Date()): Basket => ({ selection: [], status: 'draft', nonce: nonce(), updatedAt: now.toISOString() });

/** The Idempotency-Key of a basket: stable while the choice stays the same, new after it changes. */
export const idempotencyKey = (b: Basket): string => `${b.nonce}-${hashString(JSON.stringify(input(b))).toString(36)}`;

/** What the adapter receives. */
export const input = (b: Pick<Basket, 'selection' | 'districtId'>): BallotInput =>
  b.districtId ? { selection: b.selection, districtId: b.districtId } : { selection: b.selection };

const sameChoice = (a: Pick<Basket, 'selection' | 'districtId'>, b: Pick<Basket, 'selection' | 'districtId'>): boolean =>
  JSON.stringify(input(a)) === JSON.stringify(input(b));

const isSelection = (s: unknown): s is Selection => {
  const v = s as Selection | null;
  return typeof v?.projectId === 'string' && (v.points === undefined || (Number.isInteger(v.points) && v.points > 0));
};

/** The basket stored under `key`, or undefined when there is none or it cannot be read. */
export function readBasket(key: string): Basket | undefined {
  try {
    const raw = JSON.parse(localStorage.getItem(key) ?? 'null') as Partial<Basket> | null;
    if (!raw || !Array.isArray(raw.selection) || !raw.selection.every(isSelection) || typeof raw.nonce !== 'string') return undefined;
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    return {
      selection: raw.selection.map((s) => (s.points === undefined ? { projectId: s.projectId } : { projectId: s.projectId, points: s.points })),
      districtId: str(raw.districtId),
      status: raw.status === 'submitted' ? 'submitted' : 'draft',
      nonce: raw.nonce,
      updatedAt: str(raw.updatedAt) ?? new Date(0).toISOString(),
      receipt: str(raw.receipt),
      submittedAt: str(raw.submittedAt),
    };
  } catch {
    return undefined;
  }
}

/** Keeps the basket; storage that is full or switched off is not an error (the element still holds it). */
export function writeBasket(key: string, basket: Basket): void {
  try {
    localStorage.setItem(key, JSON.stringify(basket));
  } catch {
    // Private mode or a full quota.
  }
}

/** The basket a server ballot stands for. */
export const fromBallot = (ballot: Ballot, key = nonce()): Basket => ({
  selection: ballot.selection,
  districtId: ballot.districtId,
  status: ballot.status,
  nonce: key,
  updatedAt: ballot.updatedAt,
  receipt: ballot.receipt,
  submittedAt: ballot.submittedAt,
});

/**
 * This device's basket and the server's ballot (undefined when the resident is not signed in) as one:
 * a submitted ballot on the server wins; otherwise the newer draft, a non-empty one over an empty one.
 * A basket this device sent that the server no longer has as submitted was withdrawn elsewhere.
 */
export function mergeBaskets(local: Basket | undefined, server: Ballot | null | undefined): { basket: Basket; from: 'local' | 'server' | 'none' } {
  if (server === undefined) return local ? { basket: local, from: 'local' } : { basket: emptyBasket(), from: 'none' };
  if (server?.status === 'submitted') return { basket: fromBallot(server, local?.nonce), from: 'server' };
  const mine = local && { ...local, status: 'draft' as const, receipt: undefined, submittedAt: undefined };
  if (!server || server.selection.length === 0) return mine ? { basket: mine, from: 'local' } : { basket: emptyBasket(), from: 'none' };
  if (!mine || mine.selection.length === 0 || Date.parse(server.updatedAt) > Date.parse(mine.updatedAt)) {
    return { basket: fromBallot(server, mine?.nonce), from: mine && sameChoice(mine, server) ? 'local' : 'server' };
  }
  return { basket: mine, from: 'local' };
}

/** Whether the server's draft already holds this basket. */
export const savedOn = (server: Ballot | null | undefined, basket: Basket): boolean => !!server && sameChoice(server, basket);

/** One budget that caps some of the chosen projects: the campaign's (or the chosen district's), or a district's own. */
export interface Scope {
  /** The district with a budget of its own; undefined for the shared budget. */
  districtId: string | undefined;
  budget: number | undefined;
  spent: number;
  least: number | undefined;
}

/** Everything the element shows about the basket now. */
export interface Tally {
  rules: VotingRules;
  chosen: Map<string, number>;
  points: number;
  count: number;
  scopes: Scope[];
  violations: Violation[];
  /** Violations by the project they are about (including the project that tipped a limit). */
  byProject: Map<string, Violation[]>;
  /** Violations of the whole basket: counts, points, money. */
  general: Violation[];
}

/** Rules that a basket meets by adding more, not by removing: shown as what is still needed. */
export const INCOMPLETE: ReadonlySet<ViolationCode> = new Set(['too-few-projects', 'under-min-spend', 'empty-ballot']);

/** Which budget pays for a project: a district's own (districtMode 'all'), else the shared one. */
export function scopeOf(campaign: Campaign, project: Pick<Project, 'districtId'> | undefined): string | undefined {
  const id = project?.districtId;
  if (campaign.votingRules.districtMode !== 'all' || id === undefined) return undefined;
  return campaign.districts.some((d) => d.id === id && d.budget !== undefined) ? id : undefined;
}

/**
 * Checks the basket with core's `checkBallot` (what the server runs too), adds the server's own
 * complaints, and places every violation where the resident can fix it: on its project, on the project
 * chosen last within the broken limit, or on the basket as a whole.
 */
export function tally(
  campaign: Campaign,
  projects: readonly Project[],
  byId: ReadonlyMap<string, Project>,
  basket: Basket,
  extra: readonly Violation[],
  last: string | undefined,
): Tally {
  const rules = effectiveRules(campaign, basket.districtId);
  const chosen = new Map(basket.selection.map((s) => [s.projectId, s.points ?? 1]));
  const violations = [
    ...checkBallot(rules, projects, basket.selection, { districtId: basket.districtId, districts: campaign.districts }).violations,
    ...extra,
  ];
  const scopes = new Map<string | undefined, Scope>();
  const scope = (id: string | undefined): Scope => {
    let s = scopes.get(id);
    if (!s) {
      const budget = id === undefined ? rules.budget : campaign.districts.find((d) => d.id === id)?.budget;
      s = { districtId: id, budget, spent: 0, least: minimumSpend(rules, budget) };
      scopes.set(id, s);
    }
    return s;
  };
  scope(undefined);
  if (rules.districtMode === 'all') for (const p of projects) if (p.status === 'shortlisted') scope(scopeOf(campaign, p));
  let points = 0;
  for (const [id, n] of chosen) {
    points += n;
    const project = byId.get(id);
    if (project) scope(scopeOf(campaign, project)).spent += project.cost;
  }
  // The project chosen last within a scope: the one that tipped its limit.
  const culprit = (inScope: (id: string) => boolean) =>
    last && chosen.has(last) && inScope(last) ? last : [...chosen.keys()].reverse().find(inScope);
  const byProject = new Map<string, Violation[]>();
  const general: Violation[] = [];
  const put = (id: string | undefined, v: Violation) => {
    if (id === undefined) return;
    const list = byProject.get(id) ?? [];
    if (!list.some((x) => x.code === v.code)) byProject.set(id, [...list, v]);
  };
  for (const v of violations) {
    if (v.projectId !== undefined) put(v.projectId, v);
    else general.push(v);
    // With one budget (no districts, or the resident's district), any chosen project is in it.
    if (v.code === 'over-budget') put(culprit((id) => rules.districtMode !== 'all' || scopeOf(campaign, byId.get(id)) === v.districtId), v);
    if (v.code === 'too-many-projects' || v.code === 'points-exceeded') put(culprit(() => true), v);
  }
  return { rules, chosen, points, count: chosen.size, scopes: [...scopes.values()], violations, byProject, general };
}

/** The campaign and its projects, as loaded. */
export interface Loaded {
  campaign: Campaign;
  projects: Project[];
  byId: Map<string, Project>;
}

/** The notes above the ballot: a draft restored (here or from the server), a vote withdrawn, a vote sent before. */
export type Notice = 'restored' | 'server' | 'withdrawn' | 'already';

/** Everything the ballot remembers between renders. */
export interface State {
  basket: Basket;
  step: Step;
  busy?: BallotAction | undefined;
  failure?: { error: VecheError; action: BallotAction; why?: string | undefined } | undefined;
  /** The server's complaints about the basket sent last (422), until it changes. */
  serverViolations: Violation[];
  /** The resident asked to send: what is still missing shows as an error. */
  attempted: boolean;
  notice?: Notice | undefined;
  saved?: 'server' | 'failed' | undefined;
  /** The sign-in dialog is rendered (from its first use). */
  signingIn: boolean;
  changingDistrict: boolean;
  identity: Identity | null;
  /** The resident's ballot on the server; undefined while they are not signed in. */
  server: Ballot | null | undefined;
  /** What the resident chose on this device before a ballot sent elsewhere showed up: it comes back if they withdraw. */
  stash?: Basket | undefined;
}

/**
 * What the review, sending and receipt part (loaded on demand) uses of the element: its state, its
 * data, its words and a few of its helpers.
 */
export interface Port {
  readonly s: State;
  readonly l: Loaded;
  readonly adapter: VecheAdapter;
  readonly locale: Locale;
  readonly t: BudgetBallotTerms;
  /** The shared word for trying again. */
  readonly retry: string;
  readonly host: VecheElement;
  patch(state: Partial<State>): void;
  /** Keeps the basket on this device too. */
  keep(basket: Basket): void;
  open(): boolean;
  terms<T extends object>(messages: Messages<T>): T;
  describe(error: unknown): string;
  report(error: unknown): VecheError;
  focus(selector: string): void;
  announce(text: string): void;
  reload(): void;
  serverBallot(identity: Identity | null): Promise<Ballot | null | undefined>;
  /** The sign-in dialog, rendered on first use. */
  dialog(): Promise<VecheSignIn | null>;
  summary(): string[];
  card(project: Project, points?: number): TemplateResult;
  list(items: unknown[]): TemplateResult;
  districtName(id: string | undefined): string;
  /** The basket helpers above, passed on so that the loaded part shares this file's copy. */
  input: typeof input;
  key: typeof idempotencyKey;
  fromBallot: typeof fromBallot;
  nonce: typeof nonce;
}
