import {
  VecheError,
  effectiveRules,
  findPhase,
  formatCount,
  formatDate,
  formatMoney,
  formatRelative,
  formatShare,
  formatViolation,
  minimumSpend,
  phaseState,
  projectLimits,
  type Ballot,
  type Campaign,
  type Identity,
  type Project,
  type Selection,
  type VecheAdapter,
  type Violation,
} from '@veche/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { VecheWidget } from '../base/veche-widget.ts';
import { pageDefaults } from '../config/context.ts';
import { pageApi } from '../config/resolve-adapter.ts';
import { violationTerms } from '../i18n/core.ts';
import { budgetBallotMessages, type BudgetBallotTerms } from './budget-ballot.i18n.ts';
import {
  INCOMPLETE,
  emptyBasket,
  fromBallot,
  idempotencyKey,
  input,
  mergeBaskets,
  nonce,
  readBasket,
  savedOn,
  scopeOf,
  tally,
  writeBasket,
  type Basket,
  type Loaded,
  type Port,
  type Scope,
  type State,
  type Tally,
} from './budget-ballot.model.ts';
import type * as SendPart from './budget-ballot.send.ts';
import { styles } from './budget-ballot.styles.ts';
import { defineLazily } from '../base/define-lazily.ts';

type Send = typeof SendPart;

const SAVE_DELAY = 1000;

/** Whether leaving the page has warned about an unsent basket since the last change (once per page, not per ballot). */
let warned = false;

/**
 * The ballot of a participatory budget: every voting method (knapsack with a budget bar, approval of
 * N projects, a single choice, cumulative points with steppers), minimum and maximum projects, a
 * minimum share of the budget, a blank vote where allowed, districts (choose one first, or one section
 * per district with its own budget).
 *
 * The rules are said in plain words before the first choice, and every rule the basket breaks
 * (`checkBallot`, the same check the server runs) is explained next to what causes it, live; the
 * budget left is always in sight and announced politely once the resident pauses. The basket is kept
 * on this device at every change and, once the resident is signed in, as a draft on the server, so it
 * survives a sign-in, a reload and another device. Sign-in is asked only when the vote is sent. A
 * review step shows the choice, the total and what is left before an unmistakable "Отправить голос";
 * a receipt follows (time, choice, code). Until voting closes the resident can withdraw and vote again
 * (where the campaign allows it). The ballot is sent with an Idempotency-Key stable for the basket, so
 * a retry after a lost answer never makes a second ballot; every failure is explained and the basket
 * is kept. Leaving the page with an unsent basket warns once. The review, sending and receipt part
 * loads on demand (with the sign-in dialog), so the ballot's own file stays small.
 *
 * Districts (`districtMode: 'one'`): a resident picks a district from the list, or on a map: any
 * element in the `map` slot (or, while no district is chosen, anywhere on the page) that dispatches a
 * bubbling `veche-location` event with `detail.districtId` (`<veche-project-map>` in pick mode) chooses
 * it; a host can also set `district` or call `chooseDistrict()`.
 *
 * @summary Choose projects within the budget, see the rules live, confirm, change until voting closes.
 * @event veche-ballot-change - The basket changed: `{ campaignId, selection, districtId, total, violations }` (also a native `change`).
 * @event veche-ballot-submit-request - Cancelable, before the ballot is sent: `{ campaignId, selection, districtId }`.
 * @event veche-ballot-submit - The ballot counts: `{ campaignId, ballot }` (with `ballot.receipt`).
 * @event veche-ballot-withdraw - The ballot was withdrawn to vote again: `{ campaignId, ballot }`.
 * @event veche-sign-in - The resident signed in through the dialog: `{ identity }`.
 * @event veche-error - Loading, saving, sending or withdrawing failed: `{ code, message, error }`.
 * @slot map - A map (or any control) that chooses the district by dispatching `veche-location` with `districtId`.
 * @csspart base - The wrapper of everything.
 * @csspart phase - When voting opens or closes.
 * @csspart rules - The rules in plain words.
 * @csspart district - The district choice.
 * @csspart summary - The sticky summary: budget bars, counts, points, what is still needed.
 * @csspart track - A bar's track (`role="meter"`).
 * @csspart indicator - A bar's filled part.
 * @csspart list - A list of projects.
 * @csspart card - One project.
 * @csspart button - Every button.
 * @csspart review - The «Проверить и отправить» button.
 * @csspart review-step - The review step: the choice, the total, what is left, «Отправить голос».
 * @csspart submit - The «Отправить голос» button.
 * @csspart withdraw - The button that withdraws a sent vote.
 * @csspart retry - The button that tries a failed submission or withdrawal again.
 * @csspart notice - A restored draft, a withdrawn vote, a vote sent before.
 * @csspart issues - What must be fixed before sending.
 * @csspart receipt - The receipt after sending.
 * @csspart code - The receipt code.
 * @csspart link - The link to the results.
 * @csspart error - A failure, in words.
 * @csspart loading - The loading placeholder.
 * @cssproperty --veche-budget-ballot-indicator - The budget bar's filled part (the primary colour).
 * @cssproperty --veche-budget-ballot-chosen-bg - A chosen project's background (the surface colour).
 * @cssproperty --veche-budget-ballot-summary-bg - The sticky summary's background (the background colour).
 */
export class VecheBudgetBallot extends VecheWidget {
  static override styles = [...VecheWidget.styles, styles];
  static override catalogs = [...VecheWidget.catalogs, budgetBallotMessages, violationTerms];

  /** Where the results are published; linked once voting has closed. */
  @property({ attribute: 'results-href' }) resultsHref?: string;

  /** The resident's district (`districtMode: 'one'`), when the host page knows it. */
  @property() district?: string;

  /** The clock for phases; the device's by default (stories and tests pin it). */
  @property({ attribute: false }) clock?: () => Date;

  /** How long the resident pauses before the budget is announced to screen readers, in ms. */
  @property({ attribute: false }) announceDelay = 1000;

  @state() private s: State = {
    basket: emptyBasket(),
    step: 'choose',
    serverViolations: [],
    attempted: false,
    signingIn: false,
    changingDistrict: false,
    identity: null,
    server: undefined,
  };

  #send?: Send | Promise<unknown>;
  #key = '';
  #last?: string;
  #tally?: Tally;
  #dirty = false;
  #phase = '';
  #saveTimer?: ReturnType<typeof setTimeout>;
  #announceTimer?: ReturnType<typeof setTimeout>;
  #tick?: ReturnType<typeof setInterval>;

  private readonly dataTask = this.load(
    () => [this.campaignId] as const,
    async (adapter, [id], signal): Promise<Loaded> => {
      const campaign = await adapter.getCampaign(this.requireCampaign(id), { signal });
      if (!campaign?.votingRules?.method || !Array.isArray(campaign.phases) || !Array.isArray(campaign.districts) || !campaign.signIn) {
        throw new VecheError('invalid-response', 'The campaign lacks voting rules, phases, districts or sign-in rules');
      }
      const phase = phaseState(campaign, 'voting', this.#now());
      const projects: Project[] = [];
      let cursor: string | null | undefined;
      do {
        const status = phase === 'upcoming' ? ['shortlisted', 'published'] : ['shortlisted', 'selected', 'not-selected'];
        const page = await adapter.listProjects(campaign.id, { status: status as Project['status'][], limit: 100, ...(cursor ? { cursor } : {}) }, { signal });
        if (!Array.isArray(page?.items)) throw new VecheError('invalid-response', 'The project list is not a list');
        // An adapter of one's own may skip the schemas: a project without a title or a cost cannot be on a ballot.
        projects.push(...page.items.filter((p) => typeof p?.id === 'string' && typeof p.title === 'string' && Number.isFinite(p.cost)));
        cursor = page.nextCursor;
      } while (cursor && projects.length < 5000);
      const identity = await adapter.getIdentity({ signal });
      const server = await this.#serverBallot(adapter, campaign, identity, signal);
      const loaded = { campaign, projects, byId: new Map(projects.map((p) => [p.id, p])) };
      this.#adopt(loaded, identity, server);
      // A vote sent, or a closed vote, shows the receipt part at once.
      if (this.s.step === 'done' || phase === 'closed') await this.#loadSend();
      return loaded;
    },
  );

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('beforeunload', this.#onBeforeUnload);
    for (const type of ['veche-ballot-change', 'veche-ballot-submit', 'veche-ballot-withdraw', 'veche-sign-in']) addEventListener(type, this.#onOther);
    document.addEventListener('veche-location', this.#onLocation);
    this.#tick = setInterval(this.#onTick, 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('beforeunload', this.#onBeforeUnload);
    for (const type of ['veche-ballot-change', 'veche-ballot-submit', 'veche-ballot-withdraw', 'veche-sign-in']) removeEventListener(type, this.#onOther);
    document.removeEventListener('veche-location', this.#onLocation);
    clearInterval(this.#tick);
    clearTimeout(this.#announceTimer);
    if (this.#saveTimer !== undefined) {
      clearTimeout(this.#saveTimer);
      void this.#save();
    }
  }

  /** The basket as it would be sent now. */
  get selection(): Selection[] {
    return this.s.basket.selection;
  }

  /**
   * Chooses the resident's district (`districtMode: 'one'`) while the ballot can change: projects of
   * other districts leave the list (a chosen one stays in the basket, marked, until removed).
   */
  chooseDistrict(districtId: string): void {
    const c = this.#campaign;
    if (!c || c.votingRules.districtMode !== 'one' || !this.#editable() || this.#fixedDistrict(c)) return;
    if (!c.districts.some((d) => d.id === districtId)) return;
    this.#patch({ changingDistrict: false });
    if (districtId !== this.s.basket.districtId) this.#change({ districtId });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('district') && this.district && !this.s.basket.districtId) this.chooseDistrict(this.district);
  }

  protected override updated(): void {
    // Bars take their length through CSSOM (a strict CSP forbids style attributes).
    for (const el of this.renderRoot.querySelectorAll<HTMLElement>('[data-value]')) el.style.setProperty('--value', el.dataset['value']!);
    const t = this.#tally;
    const c = this.#campaign;
    if (!this.#dirty || !t || !c) return;
    this.#dirty = false;
    const total = t.scopes.reduce((sum, s) => sum + s.spent, 0);
    this.emit('veche-ballot-change', { campaignId: c.id, ...input(this.s.basket), total, violations: t.violations });
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  #patch(patch: Partial<State>): void {
    this.s = { ...this.s, ...patch };
  }

  #now(): Date {
    return this.clock?.() ?? new Date();
  }

  get #t(): BudgetBallotTerms {
    return this.terms(budgetBallotMessages);
  }

  get #campaign(): Campaign | undefined {
    return this.dataTask.value?.campaign;
  }

  #open(c: Campaign | undefined = this.#campaign): boolean {
    return !!c && phaseState(c, 'voting', this.#now()) === 'open';
  }

  #editable(): boolean {
    return this.#open() && this.s.step === 'choose' && this.s.basket.status === 'draft' && !this.s.busy;
  }

  #fixedDistrict(c: Campaign): string | undefined {
    return this.s.identity?.campaigns[c.id]?.districtId;
  }

  /** The resident's ballot on the server: undefined when not signed in (by a method this vote accepts). */
  async #serverBallot(adapter: VecheAdapter, c: Campaign, identity: Identity | null, signal?: AbortSignal): Promise<Ballot | null | undefined> {
    if (!identity || !adapter.capabilities.ballot || !c.signIn.voting.includes(identity.method)) return undefined;
    try {
      const ballot = await adapter.getBallot(c.id, { signal });
      if (ballot && !Array.isArray(ballot.selection)) throw new VecheError('invalid-response', 'The ballot has no selection');
      return ballot;
    } catch (e) {
      const code = VecheError.from(e).code;
      if (code === 'unauthorized' || code === 'forbidden') return undefined;
      throw e;
    }
  }

  /** This device's basket merged with the server's ballot, after loading. */
  #adopt(l: Loaded, identity: Identity | null, server: Ballot | null | undefined): void {
    const c = l.campaign;
    const api = this.api?.trim() || this.config?.api || pageApi() || pageDefaults().api || 'adapter';
    this.#key = `veche:ballot:${api}|${c.id}`;
    const local = readBasket(this.#key);
    const { basket, from } = mergeBaskets(local, server);
    if (c.votingRules.districtMode === 'one' && basket.status === 'draft') {
      basket.districtId = identity?.campaigns[c.id]?.districtId ?? basket.districtId ?? this.district;
    }
    const draft = basket.status === 'draft';
    this.#patch({
      identity,
      server,
      basket,
      step: draft ? 'choose' : 'done',
      notice: from === 'server' ? 'server' : from === 'local' && draft && basket.selection.length ? 'restored' : undefined,
      ...(!draft && local?.status === 'draft' && local.selection.length ? { stash: local } : {}),
    });
    writeBasket(this.#key, basket);
    if (server !== undefined && draft && !savedOn(server, basket)) this.#queueSave();
  }

  #keep(basket: Basket): void {
    this.#patch({ basket });
    writeBasket(this.#key, basket);
  }

  #change(patch: Partial<Basket>): void {
    const { failure, notice } = this.s;
    this.#keep({ ...this.s.basket, ...patch, updatedAt: new Date().toISOString() });
    this.#patch({
      serverViolations: [],
      notice: notice === 'withdrawn' ? notice : undefined,
      failure: failure?.error.code === 'rule-violation' ? undefined : failure,
    });
    warned = false;
    this.#dirty = true;
    this.#queueSave();
    // Read out once the resident pauses, not at every press.
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => {
      const blocking = this.#tally?.general.filter((v) => v.code === 'too-many-projects') ?? [];
      this.#announce([...this.#summary(), ...blocking.map((v) => this.#say(v))].join(' '));
    }, this.announceDelay);
    // The resident is on the way to review: fetch that part now (a failure shows when they ask for it).
    this.#loadSend().catch(() => {});
  }

  /** Gives a project `points` (0 takes it off the basket); false when the ballot cannot change now. */
  #set(id: string, points: number): boolean {
    const c = this.#campaign;
    if (!c || !this.#editable()) return false;
    const { method } = c.votingRules;
    const current = this.s.basket.selection;
    const item: Selection = method === 'cumulative' ? { projectId: id, points } : { projectId: id };
    let selection: Selection[];
    if (points <= 0) selection = current.filter((s) => s.projectId !== id);
    else if (method === 'single') selection = [item];
    else if (current.some((s) => s.projectId === id)) selection = current.map((s) => (s.projectId === id ? item : s));
    else selection = [...current, item];
    this.#last = id;
    this.#change({ selection });
    return true;
  }

  #onInput = (e: Event): void => {
    const el = e.target as HTMLInputElement;
    const id = el.dataset['id'];
    if (!id) return;
    if (el.type === 'number') {
      if (e.type === 'input') this.#set(id, Math.max(0, Math.floor(Number(el.value)) || 0));
    } else if (e.type === 'change' && !this.#set(id, el.checked ? 1 : 0)) el.checked = !el.checked;
  };

  /** The steppers' and the remove buttons' clicks: `data-step` adds or takes a point, 0 removes. */
  #onClick = (e: Event): void => {
    const { id, step } = (e.currentTarget as HTMLElement).dataset;
    if (!id) return;
    const now = this.s.basket.selection.find((x) => x.projectId === id)?.points ?? 0;
    this.#set(id, Number(step) ? now + Number(step) : 0);
  };

  /** Another element changed what this one shows: the same basket elsewhere on the page, a sign-in, a vote. */
  #onOther = (e: Event): void => {
    const c = this.#campaign;
    if (!c || this.s.busy || e.composedPath().includes(this)) return;
    if (e.type !== 'veche-sign-in' && (e as CustomEvent<{ campaignId?: string }>).detail?.campaignId !== c.id) return;
    if (e.type !== 'veche-ballot-change') void this.dataTask.run();
    else if (this.s.step === 'choose') this.#patch({ basket: readBasket(this.#key) ?? this.s.basket });
  };

  #onLocation = (e: Event): void => {
    const id = (e as CustomEvent<{ districtId?: string }>).detail?.districtId;
    if (id && (!this.s.basket.districtId || this.s.changingDistrict || e.composedPath().includes(this))) this.chooseDistrict(id);
  };

  #onTick = (): void => {
    const c = this.#campaign;
    if (!c) return;
    const phase = phaseState(c, 'voting', this.#now());
    if (this.#phase && phase !== this.#phase && !this.s.busy) void this.dataTask.run();
    this.#phase = phase;
    this.requestUpdate();
  };

  /** Leaving with an unsent basket asks once (a second ballot on the page does not ask again). */
  #onBeforeUnload = (e: BeforeUnloadEvent): void => {
    const { basket } = this.s;
    if (e.defaultPrevented || warned || !this.#open() || basket.status !== 'draft' || !basket.selection.length) return;
    warned = true;
    e.preventDefault();
    e.returnValue = '';
  };

  #queueSave(): void {
    clearTimeout(this.#saveTimer);
    this.#saveTimer = undefined;
    if (this.s.server !== undefined && this.#open() && this.s.basket.status === 'draft') this.#saveTimer = setTimeout(() => void this.#save(), SAVE_DELAY);
  }

  /** Keeps the draft on the server too, so that another device finds it. */
  async #save(): Promise<void> {
    this.#saveTimer = undefined;
    const adapter = this.resolvedAdapter;
    const c = this.#campaign;
    const { basket, server, saved } = this.s;
    if (!adapter || !c || basket.status !== 'draft' || server === undefined) return;
    try {
      this.#patch({ server: await adapter.saveBallot(c.id, input(basket)), saved: 'server' });
    } catch (e) {
      const error = VecheError.from(e);
      if (error.code === 'unauthorized') return this.#patch({ server: undefined, saved: undefined });
      if (error.code === 'conflict' || error.code === 'phase-closed') void this.dataTask.run();
      else if (saved !== 'failed') this.report(error);
      this.#patch({ saved: 'failed' });
    }
  }

  async #announce(text: string): Promise<void> {
    this.announcement = '';
    await this.updateComplete;
    this.announcement = text;
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** The review, sending and receipt part, loaded once; a failed download is reported and can be retried. */
  #loadSend(): Promise<unknown> {
    this.#send ??= import('./budget-ballot.send.ts').then(
      (m) => {
        this.#send = m;
        this.requestUpdate();
      },
      (e: unknown) => {
        this.#send = undefined;
        throw this.report(new VecheError('network', 'The ballot could not load its review part', { cause: e }));
      },
    );
    return this.#send instanceof Promise ? this.#send : Promise.resolve();
  }

  /** The part once loaded, with its English texts in; else undefined (it is loading). */
  #sendPart(): Send | undefined {
    const m = this.#send;
    return m && !(m instanceof Promise) && m.ready(this.#port) && !this.termsPending ? m : undefined;
  }

  #review = async (): Promise<void> => {
    const t = this.#tally;
    if (!t || this.s.busy) return;
    this.#patch({ failure: undefined });
    if (t.violations.length) {
      this.#patch({ attempted: true });
      return this.#focus('#issues');
    }
    try {
      await this.#loadSend();
    } catch (e) {
      return this.#patch({ failure: { error: VecheError.from(e), action: 'submit' } });
    }
    this.#patch({ step: 'review' });
    void this.#focus('#review-title');
  };

  /** What the loaded part uses of the element. */
  readonly #port: Port = ((el: VecheBudgetBallot): Port => ({
    get s() {
      return el.s;
    },
    get l() {
      return el.dataTask.value!;
    },
    get adapter() {
      return el.resolvedAdapter!;
    },
    get locale() {
      return el.locale;
    },
    get t() {
      return el.#t;
    },
    get retry() {
      return el.common.retry;
    },
    host: el,
    patch: (patch) => el.#patch(patch),
    keep: (basket) => el.#keep(basket),
    open: () => el.#open(),
    terms: (messages) => el.terms(messages),
    describe: (error) => el.describe(error),
    report: (error) => el.report(error),
    focus: (selector) => void el.#focus(selector),
    announce: (text) => void el.#announce(text),
    reload: () => void el.dataTask.run(),
    serverBallot: (identity) => el.#serverBallot(el.resolvedAdapter!, el.#campaign!, identity),
    dialog: async () => {
      await defineLazily('veche-sign-in', () => import('../sign-in/define.ts'));
      el.#patch({ signingIn: true });
      await el.updateComplete;
      const dialog = el.renderRoot.querySelector('veche-sign-in');
      await dialog?.updateComplete;
      return dialog;
    },
    summary: () => el.#summary(),
    card: (p, points) => el.#readOnlyCard(p, points),
    list: (items) => el.#list(items),
    districtName: (id) => el.#districtName(id),
    input,
    key: idempotencyKey,
    fromBallot,
    nonce,
  }))(this);

  protected override render() {
    const c = this.#campaign;
    return html`<div part="base">
      <h2>${this.#t.heading}</h2>
      ${this.renderTask(this.dataTask, (l) => this.#renderLoaded(l))} ${this.renderLive()}
      ${this.s.signingIn
        ? html`<veche-sign-in .adapter=${this.resolvedAdapter} campaign=${c?.id ?? ''} action="voting" .methods=${c?.signIn.voting}></veche-sign-in>`
        : nothing}
    </div>`;
  }

  #renderLoaded(l: Loaded): unknown {
    const c = l.campaign;
    const t = this.#t;
    const now = this.#now();
    const phase = phaseState(c, 'voting', now);
    const voting = findPhase(c, 'voting');
    const date = (iso: string) => formatDate(iso, this.locale);
    this.#phase ||= phase;
    this.#tally = tally(c, l.projects, l.byId, this.s.basket, this.s.serverViolations, this.#last);
    const part = this.#sendPart();
    const later = phase === 'closed' || (phase === 'open' && this.s.step !== 'choose');
    if (later && !part) {
      void this.#loadSend().catch(() => {});
      return this.renderLoading();
    }
    let body: unknown = nothing;
    if (phase === 'upcoming') {
      body = html`${this.#rules(c)}
        <h3>${t.upcoming}</h3>
        ${this.#list(l.projects.map((p) => this.#readOnlyCard(p)))}`;
    } else if (phase === 'closed') body = part!.closed(this.#port, this.resultsHref);
    else if (phase === 'open' && !this.resolvedAdapter?.capabilities.ballot) body = html`<p class="alert" data-kind="info">${t.readOnly}</p>`;
    else if (phase === 'open') body = this.s.step === 'done' ? part!.receipt(this.#port) : this.s.step === 'review' ? part!.review(this.#port) : this.#choose(l);
    const line =
      !voting || phase === 'absent'
        ? t.absent
        : phase === 'open'
          ? t.closes(formatRelative(voting.end, now, this.locale))
          : phase === 'upcoming'
            ? t.opens(date(voting.start))
            : t.closed(date(voting.end));
    return html`<p part="phase" class="muted">${line}</p>
      ${body}`;
  }

  #rules(c: Campaign): TemplateResult {
    const t = this.#t;
    const locale = this.locale;
    const r = effectiveRules(c, this.s.basket.districtId);
    const projects = (n: number) => formatCount(n, 'project', locale);
    const points = (n: number) => formatCount(n, 'point', locale);
    const lines: string[] = [];
    if (r.method === 'knapsack') lines.push(t.knapsackRule(formatMoney(r.budget ?? c.budget, locale)));
    else if (r.method === 'approval') lines.push(t.approvalRule);
    else if (r.method === 'single') lines.push(t.singleRule);
    else {
      lines.push(t.cumulativeRule(points(r.points ?? 0)));
      if (r.maxPointsPerProject) lines.push(t.perProjectRule(points(r.maxPointsPerProject)));
    }
    if (r.method !== 'single') {
      const { min, max } = projectLimits(r);
      if (min !== 0) lines.push(t.minRule(projects(min ?? 1)));
      if (max !== undefined) lines.push(t.maxRule(projects(max)));
    }
    const least = minimumSpend(r, r.budget);
    if (least) lines.push(t.minSpendRule(formatMoney(least, locale), formatShare(r.minSpendShare ?? 0, locale)));
    if (r.minProjects === 0) lines.push(t.blankRule);
    if (r.districtMode === 'one') lines.push(t.oneDistrictRule);
    else if (r.districtMode === 'all' && c.districts.some((d) => d.budget !== undefined)) lines.push(t.allDistrictsRule);
    const end = findPhase(c, 'voting')?.end;
    lines.push(c.allowRevote && end ? t.revoteRule(formatDate(end, locale, 'datetime')) : t.finalRule, t.signInRule);
    return html`<section part="rules">
      <h3>${t.rulesTitle}</h3>
      <ul>
        ${lines.map((line) => html`<li>${line}</li>`)}
      </ul>
    </section>`;
  }

  #districtName(id: string | undefined): string {
    return this.#campaign?.districts.find((d) => d.id === id)?.name ?? this.#t.cityWide;
  }

  #districtStep(c: Campaign): unknown {
    if (c.votingRules.districtMode !== 'one') return nothing;
    const t = this.#t;
    const fixed = this.#fixedDistrict(c);
    const current = this.s.basket.districtId;
    if (fixed) return html`<p part="district">${t.districtFixed(this.#districtName(fixed))}</p>`;
    if (current && !this.s.changingDistrict) {
      return html`<div part="district" class="row">
        <p>${t.district(this.#districtName(current))}</p>
        <button class="button" part="button" type="button" @click=${() => this.#patch({ changingDistrict: true })}>${t.changeDistrict}</button>
      </div>`;
    }
    return html`<fieldset part="district">
      <legend>${t.districtLegend}</legend>
      <p class="muted">${t.districtHint}</p>
      <div class="districts">
        ${c.districts.map(
          (d) =>
            html`<button class="button" part="button" type="button" aria-pressed=${d.id === current ? 'true' : 'false'} @click=${() => this.chooseDistrict(d.id)}>
              ${d.name}
            </button>`,
        )}
      </div>
    </fieldset>`;
  }

  /** The figures of the basket in words: money per budget, projects, points (the summary and the announcement). */
  #summary(): string[] {
    const s = this.#tally;
    if (!s) return [];
    const t = this.#t;
    const locale = this.locale;
    const money = (n: number) => formatMoney(n, locale);
    const { rules } = s;
    if (rules.method === 'knapsack') {
      return s.scopes
        .filter((sc) => sc.budget !== undefined)
        .map((sc) => {
          const left = sc.budget! - sc.spent;
          return `${s.scopes.length > 1 ? `${this.#scopeName(sc)}. ` : ''}${t.spent(money(sc.spent), money(sc.budget!))} ${left < 0 ? t.over(money(-left)) : t.left(money(left))}`;
        });
    }
    if (rules.method === 'cumulative') {
      const total = rules.points ?? 0;
      const left = total - s.points;
      return [t.points(String(s.points), String(total)), left < 0 ? t.pointsOverWith(formatCount(-left, 'point', locale)) : t.pointsLeft(formatCount(left, 'point', locale))];
    }
    const { max } = projectLimits(rules);
    return [t.count(String(s.count), max === undefined ? undefined : String(max))];
  }

  #scopeName(scope: Scope): string {
    return scope.districtId === undefined ? this.#t.sharedBudget : this.#t.budgetOf(this.#districtName(scope.districtId));
  }

  /** A bar with its figures in words, `role="meter"` named by them. */
  #meter(id: string, value: number, max: number, text: string, least?: number): TemplateResult {
    const pct = (n: number) => `${max > 0 ? Math.min(100, (n / max) * 100) : 0}%`;
    return html`<div ?data-over=${value > max}>
      <p id=${id} class=${value > max ? 'over' : ''}>${text}</p>
      <div part="track" class="track" role="meter" aria-labelledby=${id} aria-valuemin="0" aria-valuemax=${max} aria-valuenow=${Math.min(value, max)}>
        <span part="indicator" data-value=${pct(value)}></span>
        ${least ? html`<span class="marker" data-value=${pct(least)}></span>` : nothing}
      </div>
    </div>`;
  }

  #meters(s: Tally): unknown[] {
    const texts = this.#summary();
    const { rules } = s;
    if (rules.method === 'knapsack') {
      return s.scopes.filter((sc) => sc.budget !== undefined).map((sc, i) => this.#meter(`meter-${i}`, sc.spent, sc.budget!, texts[i]!, sc.least));
    }
    if (rules.method === 'cumulative') return [this.#meter('meter-0', s.points, rules.points ?? 0, texts.join(' '))];
    const { max } = projectLimits(rules);
    return [max === undefined ? html`<p>${texts[0]}</p>` : this.#meter('meter-0', s.count, max, texts[0]!)];
  }

  /** A violation in one sentence, the project named by its title. */
  #say(v: Violation): string {
    const byId = this.dataTask.value?.byId;
    return formatViolation(v, this.locale, this.table(violationTerms), (id) => byId?.get(id)?.title);
  }

  #choose(l: Loaded): TemplateResult {
    const c = l.campaign;
    const t = this.#t;
    const s = this.#tally!;
    const { basket, attempted, saved, notice, changingDistrict } = this.s;
    const mode = c.votingRules.districtMode;
    const district = basket.districtId;
    const needsDistrict = mode === 'one' && (!district || changingDistrict) && !this.#fixedDistrict(c);
    const choosable = (p: Project | undefined) =>
      p?.status === 'shortlisted' && (mode !== 'one' || p.districtId === undefined || p.districtId === district);
    // Sections: city-wide first, then each district in the campaign's order.
    const groups = new Map<string | undefined, TemplateResult[]>();
    if (!needsDistrict) {
      l.projects.forEach((p, i) => {
        if (!choosable(p)) return;
        const key = mode ? p.districtId : undefined;
        groups.set(key, [...(groups.get(key) ?? []), this.#card(p, i, c, s)]);
      });
    }
    const problems = basket.selection.filter((x) => !choosable(l.byId.get(x.projectId)));
    const shown = s.general.filter((v) => attempted || !INCOMPLETE.has(v.code));
    const hints = s.general.filter((v) => !attempted && INCOMPLETE.has(v.code) && s.count > 0);
    const noticeText = notice && { restored: t.restored, server: t.restoredServer, withdrawn: t.withdrawn, already: t.already }[notice];
    const remove = (id: string, label: string) =>
      html`<button class="button" part="button" type="button" data-id=${id} data-step="0" @click=${this.#onClick}>${label}</button>`;
    return html`${noticeText ? html`<p id="notice" part="notice" class="alert" data-kind="info" tabindex="-1">${noticeText}</p>` : nothing}
      ${this.#rules(c)} ${this.#districtStep(c)}
      <slot name="map"></slot>
      ${needsDistrict
        ? nothing
        : html`<div part="summary">
              ${this.#meters(s)} ${shown.map((v) => html`<p class="error">${this.#say(v)}</p>`)}
              ${hints.map((v) => html`<p class="muted">${this.#say(v)}</p>`)}
              <p class="muted">${t.notSent} ${saved === 'server' ? t.savedServer : saved === 'failed' ? t.saveFailed : nothing}</p>
              ${c.votingRules.method === 'single' && s.count ? html`<div>${remove(basket.selection[0]!.projectId, t.clearChoice)}</div>` : nothing}
            </div>
            <div @change=${this.#onInput} @input=${this.#onInput}>
              ${problems.length
                ? html`<section>
                    <h3>${t.problems}</h3>
                    ${this.#list(
                      problems.map((x) => {
                        const title = l.byId.get(x.projectId)?.title ?? x.projectId;
                        return html`<li part="card" data-chosen data-invalid>
                          <p class="choice">${title}</p>
                          <p class="note error">${(s.byProject.get(x.projectId) ?? []).map((v) => this.#say(v)).join(' ')}</p>
                          <div>${remove(x.projectId, t.remove(title))}</div>
                        </li>`;
                      }),
                    )}
                  </section>`
                : nothing}
              ${[undefined, ...c.districts.map((d) => d.id)].map((key) => {
                const cards = groups.get(key);
                if (!cards) return nothing;
                if (!mode) return this.#list(cards);
                const scope = s.scopes.find((sc) => sc.districtId === key && key !== undefined);
                return html`<section>
                  <h3>${this.#districtName(key)}</h3>
                  ${scope?.budget ? html`<p class="muted">${this.#scopeName(scope)}: ${formatMoney(scope.budget, this.locale)}</p>` : nothing}
                  ${this.#list(cards)}
                </section>`;
              })}
            </div>
            ${attempted && s.violations.length
              ? html`<div id="issues" part="issues" class="alert" tabindex="-1" role="group" aria-labelledby="issues-title">
                  <p id="issues-title"><strong>${t.issues}</strong></p>
                  <ul>
                    ${s.violations.map((v) => html`<li>${this.#say(v)}</li>`)}
                  </ul>
                </div>`
              : nothing}
            ${this.#sendPart()?.failure(this.#port) ??
            (this.s.failure ? this.renderError(this.s.failure.error, () => void this.#review()) : nothing)}
            <div class="actions">
              ${s.count === 0 && !s.violations.length ? html`<p>${t.blank}</p>` : nothing}
              <button class="button big" part="button review" data-variant="primary" type="button" @click=${this.#review}>${t.review}</button>
            </div>`}`;
  }

  #list(items: unknown[]): TemplateResult {
    return html`<ul part="list">
      ${items}
    </ul>`;
  }

  /** The explanations on one card: its violations, or why it no longer fits. */
  #notes(p: Project, c: Campaign, s: Tally, chosen: boolean): string[] {
    const t = this.#t;
    const locale = this.locale;
    const money = (n: number) => formatMoney(n, locale);
    const text = (s.byProject.get(p.id) ?? []).map((v) => {
      const by = (v.actual ?? 0) - (v.limit ?? 0);
      if (v.code === 'over-budget') return t.overWith(money(by));
      if (v.code === 'too-many-projects') return t.tooManyWith(formatCount(v.limit ?? 0, 'project', locale));
      if (v.code === 'points-exceeded') return t.pointsOverWith(formatCount(by, 'point', locale));
      return this.#say(v);
    });
    if (!chosen && !text.length) {
      const { rules } = s;
      const scope = s.scopes.find((sc) => sc.districtId === scopeOf(c, p));
      const left = scope?.budget === undefined ? undefined : scope.budget - scope.spent;
      const { max } = projectLimits(rules);
      if (rules.method === 'knapsack' && left !== undefined && p.cost > left) text.push(t.unfit(money(Math.max(0, left))));
      else if (rules.method === 'approval' && max !== undefined && s.count >= max) text.push(t.full(formatCount(max, 'project', locale)));
    }
    return text;
  }

  #card(p: Project, i: number, c: Campaign, s: Tally): TemplateResult {
    const t = this.#t;
    const method = c.votingRules.method;
    const points = s.chosen.get(p.id) ?? 0;
    const chosen = points > 0;
    const invalid = s.byProject.has(p.id);
    const text = this.#notes(p, c, s, chosen);
    const id = `p${i}`;
    const described = `${id}-d${text.length ? ` ${id}-n` : ''}`;
    const facts = html`<p class="row" id="${id}-d">
      <span class="cost">${formatMoney(p.cost, this.locale)}</span>${p.summary ? html`<span class="muted">${p.summary}</span>` : nothing}
    </p>`;
    const notes = text.length ? html`<p class="note ${invalid ? 'error' : 'muted'}" id="${id}-n">${text.join(' ')}</p>` : nothing;
    const control =
      method === 'cumulative'
        ? html`<p class="choice" id="${id}-t">${p.title}</p>
            ${facts}
            <div class="stepper" role="group" aria-labelledby="${id}-t">
              <button class="button" part="button" type="button" data-id=${p.id} data-step="-1" @click=${this.#onClick} aria-label=${t.removePoint(p.title)} ?disabled=${!chosen}>−</button>
              <input
                type="number"
                inputmode="numeric"
                min="0"
                max=${c.votingRules.maxPointsPerProject ?? nothing}
                data-id=${p.id}
                .value=${String(points)}
                aria-label=${t.pointsFor(p.title)}
                aria-describedby=${described}
              />
              <button class="button" part="button" type="button" data-id=${p.id} data-step="1" @click=${this.#onClick} aria-label=${t.addPoint(p.title)}>+</button>
            </div>`
        : html`<label class="choice">
              <input type=${method === 'single' ? 'radio' : 'checkbox'} name="choice" data-id=${p.id} .checked=${chosen} aria-describedby=${described} />
              <span>${p.title}</span>
            </label>
            ${facts}`;
    return html`<li part="card" ?data-chosen=${chosen} ?data-invalid=${invalid}>${control} ${notes}</li>`;
  }

  #readOnlyCard(p: Project, points?: number): TemplateResult {
    const c = this.#campaign!;
    const figure = c.votingRules.method === 'cumulative' && points !== undefined ? formatCount(points, 'point', this.locale) : formatMoney(p.cost, this.locale);
    const where = c.votingRules.districtMode && p.districtId ? ` · ${this.#districtName(p.districtId)}` : '';
    return html`<li part="card">
      <p class="choice">${p.title}</p>
      <p class="row"><span class="cost">${figure}</span><span class="muted">${where}</span></p>
    </li>`;
  }
}
