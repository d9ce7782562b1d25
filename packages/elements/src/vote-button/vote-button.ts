import { TaskStatus } from '../base/data-task.ts';
import {
  VecheError,
  formatViolation,
  formatCount,
  formatDate,
  formatNumber,
  formatRelative,
  isAbort,
  supportThreshold,
  type Identity,
  type VecheAdapter,
  type Violation,
} from '@veche/core';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { VecheWidget, setupError } from '../base/veche-widget.ts';
import { statusTerms, violationTerms } from '../i18n/core.ts';
import type { VecheVoteDetail, VoteAction } from '../events/events.ts';
import type { SignInAction } from '../sign-in/sign-in.types.ts';
import { castVote, newKey, withdrawVote } from './vote-button.actions.ts';
import { voteButtonMessages, type VoteButtonTerms } from './vote-button.i18n.ts';
import {
  accessOf,
  buttonVotes,
  canAct,
  eligible,
  markOf,
  signInAction,
  stageOf,
  votedElsewhere,
  type Stage,
  type VoteView,
} from './vote-button.rules.ts';
import { styles } from './vote-button.styles.ts';
import type { Mark, VoteMode } from './vote-button.types.ts';
import { defineLazily } from '../base/define-lazily.ts';

/** Loads what the button shows: the project, its campaign, the resident, and their support or ballot. */
async function loadView(adapter: VecheAdapter, projectId: string, campaignId: string | undefined, now: Date, signal: AbortSignal): Promise<VoteView> {
  const options = { signal };
  const [project, identity, named] = await Promise.all([
    adapter.getProject(projectId, options),
    adapter.getIdentity(options),
    campaignId ? adapter.getCampaign(campaignId, options) : undefined,
  ]);
  const campaign = named ?? (await adapter.getCampaign(project.campaignId, options));
  if (project.campaignId !== campaign.id) throw new VecheError('not-found', `Project ${projectId} is not part of campaign ${campaign.id}`);
  const view: VoteView = { project, campaign, identity, capabilities: adapter.capabilities };
  const { mode } = stageOf(campaign, project, now);
  if (mode === 'support') {
    if (adapter.capabilities.support) view.support = await adapter.getSupport(projectId, options);
  } else if (adapter.capabilities.ballot && accessOf(mode, view) === 'ok') {
    view.ballot = await adapter.getBallot(campaign.id, options).catch((e: unknown) => {
      const code = VecheError.from(e).code;
      if (code === 'unauthorized' || code === 'forbidden') return null;
      throw e;
    });
  }
  return view;
}

/**
 * The sign-in dialog is loaded the first time a resident needs it (or shows the intent to act), so the
 * button's own entry stays small. A failed download is a network failure like any other.
 */
const loadSignIn = () => defineLazily('veche-sign-in', () => import('../sign-in/define.ts'));

const modeOf = (action: VoteAction): VoteMode => (action === 'support' || action === 'withdraw-support' ? 'support' : 'vote');
const SAFE_HREF = /^\s*(?:javascript|data|vbscript):/i;
const MINUTE = 60_000;

/**
 * Support or vote for one project. In the support phase it signs the project's support list
 * (`adapter.support` / `withdrawSupport`); in the voting phase of an approval or single-vote campaign
 * it casts the vote (`submitBallot` with an Idempotency-Key; an approval ballot gets the project
 * added). Knapsack and cumulative campaigns vote on the ballot: the button says so and links to it
 * (`ballot-href`).
 *
 * It shows the count (when the campaign shows it), the resident's state, the phase with the opening
 * date or a countdown, and asks the resident to sign in (voting code or one-time code, in
 * `<veche-sign-in>`) when needed, then finishes what they asked for. The change shows at once and is
 * rolled back if it fails; a double click never votes twice.
 *
 * @summary Support or vote for one project.
 * @event veche-vote-request - Cancelable, before anything is sent: `detail` {campaignId, projectId, action}. `preventDefault()` stops it.
 * @event veche-vote - After the change is saved: `detail` adds `support` (support phase) or `receipt` (a vote).
 * @event veche-sign-in - The resident signed in through the dialog: `detail.identity`.
 * @event veche-error - Loading or an action failed; the element shows it too.
 * @csspart base - The wrapper.
 * @csspart button - The support / vote toggle (`aria-pressed`).
 * @csspart indicator - The check mark inside the pressed button.
 * @csspart count - Signatures or votes.
 * @csspart phase - Opening date, countdown, or when it closed.
 * @csspart label - The resident's state and what they can do.
 * @csspart link - The link to the ballot (`ballot-href`).
 * @csspart error - A failure, in words.
 * @csspart retry - The button that tries again.
 * @csspart loading - The loading placeholder.
 * @cssproperty --veche-vote-button-bg - The button's background (the primary colour).
 * @cssproperty --veche-vote-button-color - The button's text colour.
 * @cssproperty --veche-vote-button-done-bg - The pressed button's background (the success background).
 * @cssproperty --veche-vote-button-done-color - The pressed button's text and border colour.
 */
export class VecheVoteButton extends VecheWidget {
  /** The catalogs it shows, loaded before the first render in English. */
  static override catalogs = [...VecheWidget.catalogs, voteButtonMessages, statusTerms, violationTerms];

  static override styles = [...VecheWidget.styles, styles];

  /** The project's id. */
  @property() project?: string;

  /** Where the campaign's ballot is, for knapsack and cumulative voting (the button links to it). */
  @property({ attribute: 'ballot-href' }) ballotHref?: string;

  /** The clock for phases and the countdown; the device's by default (stories and tests pin it). */
  @property({ attribute: false }) clock?: () => Date;

  /** What the adapter said, with confirmed changes applied. */
  @state() private view?: VoteView;
  /** The change the resident just asked for, shown before the adapter confirms it. */
  @state() private optimistic?: { mark: Mark; delta: number };
  @state() private busy = false;
  @state() private failure?: { error: VecheError; action: VoteAction; key: string };
  /** The sign-in dialog is rendered from the first time it is needed. */
  @state() private signInFor?: SignInAction;

  #timer?: ReturnType<typeof setInterval>;
  #stageKey = '';

  private readonly dataTask = this.load(
    () => [this.project?.trim() || undefined, this.campaignId] as const,
    async (adapter, [projectId, campaignId], signal) => {
      if (!projectId) throw setupError('project', 'No project: set project="…" on the element');
      const view = await loadView(adapter, projectId, campaignId, this.#now(), signal);
      this.view = view;
      return view;
    },
  );

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('veche-vote', this.#onOtherVote);
    window.addEventListener('veche-sign-in', this.#onOtherSignIn);
    this.#timer = setInterval(this.#onTick, MINUTE);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('veche-vote', this.#onOtherVote);
    window.removeEventListener('veche-sign-in', this.#onOtherSignIn);
    clearInterval(this.#timer);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    if (changed.has('project') || changed.has('campaign') || changed.has('adapter') || changed.has('api')) this.failure = undefined;
  }

  #now(): Date {
    return this.clock?.() ?? new Date();
  }

  private get t(): VoteButtonTerms {
    return this.terms(voteButtonMessages);
  }

  /** Reloads the state, keeping what is shown meanwhile; the view, or undefined when loading failed. */
  async #refresh(): Promise<VoteView | undefined> {
    await this.dataTask.run();
    return this.dataTask.status === TaskStatus.COMPLETE ? this.view : undefined;
  }

  /** Another button (or the ballot) changed something this one shows. */
  #onOtherVote = (e: CustomEvent<VecheVoteDetail>): void => {
    const view = this.view;
    if (!view || this.busy || e.composedPath().includes(this) || e.detail.campaignId !== view.campaign.id) return;
    const replaces = view.campaign.votingRules.method === 'single' || view.campaign.votingRules.maxProjects === 1;
    if (e.detail.projectId === view.project.id || (modeOf(e.detail.action) === 'vote' && replaces)) void this.#refresh();
  };

  /** Someone signed in elsewhere on the page: the resident is now known here too. */
  #onOtherSignIn = (e: Event): void => {
    if (this.view && !this.busy && !e.composedPath().includes(this)) void this.#refresh();
  };

  /** Once a minute: the countdown moves; when a phase opens or closes, the state is loaded again. */
  #onTick = (): void => {
    const view = this.view;
    if (!view) return;
    const stage = stageOf(view.campaign, view.project, this.#now());
    const key = `${stage.mode}:${stage.state}`;
    if (this.#stageKey && key !== this.#stageKey && !this.busy) void this.#refresh();
    this.#stageKey = key;
    this.requestUpdate();
  };

  async #announce(text: string): Promise<void> {
    this.announcement = '';
    await this.updateComplete;
    this.announcement = text;
  }

  /** Whether the toggle cannot change the vote: it is final, or given elsewhere without a way to move it. */
  #locked(view: VoteView, mode: VoteMode, mark: Mark): boolean {
    if (mode !== 'vote' || view.campaign.allowRevote) return false;
    return mark === 'done' || votedElsewhere(view);
  }

  /** The resident is about to act: fetch the sign-in dialog if they will need it. */
  #prefetch = (): void => {
    const view = this.view;
    if (!view || customElements.get('veche-sign-in')) return;
    const access = accessOf(stageOf(view.campaign, view.project, this.#now()).mode, view);
    if (access === 'sign-in' || access === 'wrong-method') loadSignIn().catch(() => {});
  };

  #onClick = (): void => {
    const view = this.view;
    // While another project loads, the old one is still on screen: it is not the one to vote for.
    if (!view || this.busy || view.project.id !== this.project?.trim()) return;
    const { mode } = stageOf(view.campaign, view.project, this.#now());
    const mark = markOf(mode, view);
    if (this.#locked(view, mode, mark)) return;
    const action: VoteAction =
      mode === 'support' ? (mark === 'done' ? 'withdraw-support' : 'support') : mark === 'done' ? 'withdraw-vote' : 'vote';
    void this.#run(action, newKey());
  };

  /** One action, start to end: the cancelable request, sign-in if needed, the call, the outcome. */
  async #run(action: VoteAction, key: string): Promise<void> {
    const view = this.view;
    if (!view || this.busy) return;
    const request = { campaignId: view.campaign.id, projectId: view.project.id, action };
    if (!this.emit('veche-vote-request', request, { cancelable: true })) return;
    this.busy = true;
    this.failure = undefined;
    try {
      await this.#perform(action, key, false);
    } finally {
      this.busy = false;
      this.optimistic = undefined;
    }
  }

  async #perform(action: VoteAction, key: string, again: boolean): Promise<void> {
    const adapter = this.resolvedAdapter;
    let view = this.view;
    if (!adapter || !view) return;
    const mode = modeOf(action);
    const access = accessOf(mode, view);
    const adding = action === 'support' || action === 'vote';
    if (access === 'sign-in' || access === 'wrong-method') {
      try {
        if (!(await this.#signIn(signInAction(mode)))) return;
      } catch (e) {
        this.failure = { error: this.report(e), action, key };
        return;
      }
      view = await this.#refresh();
      if (!view || accessOf(mode, view) !== 'ok') return;
      if ((markOf(mode, view) === 'done') === adding) {
        void this.#announce(this.t.alreadyDone);
        return;
      }
    } else if (access !== 'ok') return;

    const before = markOf(mode, view);
    const after: Mark = adding ? 'done' : mode === 'support' ? 'withdrawn' : 'none';
    this.optimistic = { mark: after, delta: adding ? 1 : before === 'done' ? -1 : 0 };
    const { project, campaign } = view;
    const detail: VecheVoteDetail = { campaignId: campaign.id, projectId: project.id, action };
    try {
      if (mode === 'support') {
        const options = { idempotencyKey: key };
        const support = adding ? await adapter.support(project.id, options) : await adapter.withdrawSupport(project.id, options);
        this.view = { ...view, support };
        detail.support = support;
      } else {
        const ballot = adding ? await castVote(adapter, campaign, project, key) : await withdrawVote(adapter, campaign, project, key);
        const now = markOf('vote', { project, ballot });
        const delta = (now === 'done' ? 1 : 0) - (before === 'done' ? 1 : 0);
        this.view = { ...view, ballot, project: project.votes === undefined ? project : { ...project, votes: project.votes + delta } };
        if (adding && ballot?.receipt) detail.receipt = ballot.receipt;
      }
      this.optimistic = undefined;
      const t = this.t;
      void this.#announce(
        mode === 'support'
          ? adding
            ? t.supportedNow(project.title)
            : t.supportWithdrawnNow
          : adding
            ? t.votedNow(project.title)
            : t.voteWithdrawnNow,
      );
      this.emit('veche-vote', detail);
    } catch (e) {
      this.optimistic = undefined;
      if (isAbort(e)) return;
      const error = VecheError.from(e);
      if (error.code === 'unauthorized' && !again) {
        // The session ended meanwhile: sign in again, then finish.
        this.view = { ...view, identity: null };
        return this.#perform(action, key, true);
      }
      this.report(error);
      this.failure = { error, action, key };
      const stale = ['conflict', 'phase-closed', 'forbidden'].includes(error.code) || error.details?.['ballotWithdrawn'] === true;
      if (stale) void this.#refresh();
    }
  }

  /** Opens the sign-in dialog (rendered on first use) and waits for the resident. */
  async #signIn(action: SignInAction): Promise<Identity | null> {
    await loadSignIn();
    this.signInFor = action;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('veche-sign-in');
    if (!dialog) return null;
    await dialog.updateComplete;
    return dialog.open(action);
  }

  #retry = (): void => {
    const failure = this.failure;
    if (failure) void this.#run(failure.action, failure.key);
  };

  protected override render() {
    return html`<div part="base" class="base" data-busy=${this.busy ? 'true' : 'false'}>
      ${this.renderTask(this.dataTask, () => this.#renderView())} ${this.renderLive()} ${this.#renderSignIn()}
    </div>`;
  }

  #renderSignIn(): unknown {
    const view = this.view;
    if (!this.signInFor || !view) return nothing;
    return html`<veche-sign-in
      .adapter=${this.resolvedAdapter}
      campaign=${view.campaign.id}
      action=${this.signInFor}
      .methods=${view.campaign.signIn[this.signInFor]}
    ></veche-sign-in>`;
  }

  #renderView(): unknown {
    const view = this.view;
    if (!view) return nothing;
    const stage = stageOf(view.campaign, view.project, this.#now());
    const note = this.#renderNote(view, stage);
    return html`<div class="vote" role="group" aria-label=${this.t.group(view.project.title)}>
      <div class="row">
        ${this.#renderControl(view, stage, note !== nothing)}
        <div class="facts">${this.#renderCount(view, stage.mode)} ${this.#renderPhase(stage)}</div>
      </div>
      ${note} ${this.#renderFailure(view)}
    </div>`;
  }

  /** Whether the toggle is there: the phase is open, the project takes part, the backend and the resident can act. */
  #actionable(view: VoteView, stage: Stage): boolean {
    const { mode } = stage;
    if (stage.state !== 'open' || !eligible(mode, view.project) || !canAct(mode, view.capabilities)) return false;
    if (mode === 'vote' && !buttonVotes(view.campaign)) return false;
    const access = accessOf(mode, view);
    return access !== 'host-only' && access !== 'not-allowed';
  }

  #renderControl(view: VoteView, stage: Stage, described: boolean): unknown {
    if (!this.#actionable(view, stage)) return nothing;
    const t = this.t;
    const { mode } = stage;
    const mark = this.optimistic?.mark ?? markOf(mode, view);
    const pressed = mark === 'done';
    const locked = this.#locked(view, mode, mark);
    const title = view.project.title;
    return html`<button
      class="button toggle"
      part="button"
      type="button"
      aria-pressed=${pressed ? 'true' : 'false'}
      aria-disabled=${this.busy || locked ? 'true' : 'false'}
      aria-describedby=${described ? 'note' : nothing}
      @click=${this.#onClick}
      @pointerenter=${this.#prefetch}
      @focus=${this.#prefetch}
    >
      ${pressed
        ? html`<svg part="indicator" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="M2 8.5l4 4 8-9" fill="none" stroke="currentColor" stroke-width="2.2" />
          </svg>`
        : nothing}
      <span>${mode === 'support' ? t.support : t.vote}</span>
      <span class="visually-hidden">${mode === 'support' ? t.supportName(title) : t.voteName(title)}</span>
    </button>`;
  }

  #renderCount(view: VoteView, mode: VoteMode): unknown {
    const locale = this.locale;
    const delta = this.optimistic?.delta ?? 0;
    if (mode === 'vote') {
      const votes = view.project.votes;
      return votes === undefined ? nothing : html`<p part="count" class="count">${formatCount(Math.max(0, votes + delta), 'vote', locale)}</p>`;
    }
    const base = view.support?.count ?? view.project.supports;
    if (base === undefined) return nothing;
    const count = Math.max(0, base + delta);
    const threshold = supportThreshold(view.campaign);
    const t = this.t;
    const note =
      threshold === undefined
        ? ''
        : `, ${(count >= threshold ? t.thresholdReached : t.thresholdNeeded)(formatNumber(threshold, locale))}`;
    return html`<p part="count" class="count">${formatCount(count, 'signature', locale)}<span class="muted">${note}</span></p>`;
  }

  #renderPhase(stage: Stage): TemplateResult {
    const t = this.t;
    const support = stage.mode === 'support';
    const locale = this.locale;
    let text: string;
    if (stage.state === 'open' && stage.end) {
      text = (support ? t.supportCloses : t.voteCloses)(formatRelative(stage.end, this.#now(), locale));
    } else if (stage.state === 'upcoming' && stage.start) {
      text = (support ? t.supportOpens : t.voteOpens)(formatDate(stage.start, locale));
    } else if (stage.state === 'closed' && stage.end) {
      text = (support ? t.supportClosed : t.voteClosed)(formatDate(stage.end, locale));
    } else text = t.noPhase;
    return html`<p part="phase" class="phase muted" data-state=${stage.state}>${text}</p>`;
  }

  /** The resident's state and what they can do, or why they cannot. */
  #renderNote(view: VoteView, stage: Stage): unknown {
    const t = this.t;
    const { mode } = stage;
    const lines: string[] = [];
    let link = false;
    if (stage.state === 'closed' && mode === 'vote' && (view.project.status === 'selected' || view.project.status === 'not-selected')) {
      lines.push(this.table(statusTerms)[view.project.status]);
    } else if (stage.state !== 'open') {
      // The phase line says it all.
    } else if (!eligible(mode, view.project)) {
      lines.push(mode === 'support' ? t.notEligibleSupport : t.notEligibleVote);
    } else if (mode === 'vote' && !buttonVotes(view.campaign)) {
      lines.push(t.ballotOnly);
      if (markOf(mode, view) === 'done') lines.push(t.inBallot);
      link = this.ballotHref !== undefined && !SAFE_HREF.test(this.ballotHref);
    } else if (canAct(mode, view.capabilities)) {
      lines.push(...this.#stateLines(view, mode));
    }
    if (lines.length === 0 && !link) return nothing;
    return html`<p part="label" class="note" id="note">
      ${lines.join(' ')}
      ${link ? html`<a part="link" class="link" href=${this.ballotHref!}>${t.openBallot}</a>` : nothing}
    </p>`;
  }

  #stateLines(view: VoteView, mode: VoteMode): string[] {
    const t = this.t;
    const access = accessOf(mode, view);
    if (access === 'host-only') return [t.hostOnly];
    if (access === 'not-allowed') return [t.notAllowed];
    const mark = this.optimistic?.mark ?? markOf(mode, view);
    const revote = view.campaign.allowRevote;
    const lines: string[] = [];
    if (mode === 'support') {
      if (mark === 'done') lines.push(t.supported, t.withdrawSupportHint);
      else if (mark === 'withdrawn') lines.push(t.supportWithdrawn);
    } else if (mark === 'done') {
      lines.push(t.voted);
      const receipt = this.optimistic ? undefined : view.ballot?.receipt;
      if (receipt) lines.push(t.receipt(receipt));
      lines.push(revote ? t.withdrawVoteHint : t.voteFinal);
    } else if (mark === 'withdrawn') lines.push(t.voteNotCounted);
    else if (votedElsewhere(view) && (view.campaign.votingRules.method === 'single' || view.campaign.votingRules.maxProjects === 1)) {
      lines.push(t.votedElsewhere, revote ? t.voteMoves : t.voteFinal);
    }
    if (access === 'sign-in' && mark === 'none') lines.push(t.signInNeeded);
    if (access === 'wrong-method') lines.push(t.wrongMethod);
    return lines;
  }

  #renderFailure(view: VoteView): unknown {
    const failure = this.failure;
    if (!failure) return nothing;
    const { error, action } = failure;
    const t = this.t;
    const what =
      error.details?.['ballotWithdrawn'] === true
        ? t.ballotWithdrawn
        : action === 'support'
          ? t.supportFailed
          : action === 'vote'
            ? t.voteFailed
            : t.withdrawFailed;
    const violations = (error.code === 'rule-violation' ? (error.details?.['violations'] as Violation[] | undefined) : undefined) ?? [];
    const why = violations.length
      ? violations.map((v) => formatViolation(v, this.locale, this.table(violationTerms), (id) => (id === view.project.id ? view.project.title : undefined))).join(' ')
      : this.describe(error);
    const canRetry = error.retryable || error.code === 'invalid-response';
    return html`<div part="error" class="alert" role="alert">
      <p>${what} ${why}</p>
      ${canRetry
        ? html`<button class="button" type="button" part="retry" aria-disabled=${this.busy ? 'true' : 'false'} @click=${this.#retry}>
            ${this.common.retry}
          </button>`
        : nothing}
    </div>`;
  }
}
