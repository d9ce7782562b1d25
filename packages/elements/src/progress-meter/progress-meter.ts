import {
  VecheError,
  formatCount,
  isAbort,
  phaseState,
  supportThreshold,
  type Campaign,
  type LiveEvent,
  type Project,
  type VecheAdapter,
} from '@veche/core';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { VecheWidget, setupError } from '../base/veche-widget.ts';
import { phaseTerms, sourceTerms, statusTerms } from '../i18n/core.ts';
import { shared } from '../styles/shared.ts';
import { tokens } from '../styles/tokens.ts';
import { messages, type ProgressMeterTerms } from './progress-meter.i18n.ts';
import { readCampaign, readProject } from './progress-meter.model.ts';
import { styles } from './progress-meter.styles.ts';
import { isProgressView, type LiveMode, type ProgressView } from './progress-meter.types.ts';
import { fundingView, supportView, timelineView, type ViewContext } from './progress-meter.views.ts';

interface MeterData {
  campaign: Campaign;
  project: Project | undefined;
}

/**
 * Shows where a project or a campaign stands, as a picture with a text equivalent:
 * `view="support"` supporters against the threshold (a count and a share of residents aged 16+),
 * `view="funding"` co-financing by source against the campaign's minimum and maximum shares, and
 * `view="timeline"` the campaign's phases with today's position and, for a project, its milestones.
 *
 * The support count updates itself when the adapter pushes changes (`capabilities.live`), or every
 * `poll` seconds when asked to; a visible button pauses and resumes it, and only reaching the threshold
 * (or resuming) is announced to screen readers.
 *
 * @summary Support against the threshold, co-financing by source, the campaign timeline and milestones.
 *
 * @event veche-error - Something failed: a missing attribute, a network failure, an unreadable answer. `detail: { code, message, error }`.
 *
 * @csspart base - The wrapper of everything the element shows.
 * @csspart label - The caption of a view.
 * @csspart summary - The main figures in words (count and share, project cost, the current phase).
 * @csspart track - A bar's track (the support and source bars, the phase bar, the progress bar).
 * @csspart indicator - The filled part of a bar.
 * @csspart marker - A mark on a bar: the threshold, a minimum or maximum share, today.
 * @csspart status - A state in words: threshold reached, a source below its minimum, no co-financing.
 * @csspart list - The list of sources, phases or milestones.
 * @csspart item - One source, phase or milestone.
 * @csspart photo - A milestone photo.
 * @csspart button - The pause / resume button of live updates (also `pause`).
 * @csspart pause - The pause / resume button of live updates.
 * @csspart loading - The loading state.
 * @csspart error - An error message; `retry` is its button.
 *
 * @cssproperty --veche-progress-meter-track - A bar's empty part (default `--veche-color-track`).
 * @cssproperty --veche-progress-meter-indicator - A bar's filled part (default `--veche-color-primary`).
 * @cssproperty --veche-progress-meter-reached - The support bar once the threshold is reached (default `--veche-color-success`).
 * @cssproperty --veche-progress-meter-warning - The mark of a source outside its limits (default `--veche-color-warning`).
 * @cssproperty --veche-progress-meter-marker - Threshold, limit and today marks (default `--veche-color-text`).
 * @cssproperty --veche-progress-meter-height - The thickness of the bars (default `1em`).
 */
export class VecheProgressMeter extends VecheWidget {
  /** The catalogs it shows, loaded before the first render in English. */
  static override catalogs = [...VecheWidget.catalogs, messages, phaseTerms, statusTerms, sourceTerms];

  static override styles = [tokens, shared, styles];

  /** The shortest polling interval in seconds; shorter `poll` values are raised to it. */
  static pollFloor = 5;

  /** What to show: `support` (the default), `funding` or `timeline`. */
  @property({ reflect: true }) view: ProgressView = 'support';

  /** The project id; `support` and `funding` need it, `timeline` adds the project's milestones. */
  @property() project?: string;

  /**
   * Seconds between re-reading the support count when the adapter cannot push changes. Off by default;
   * at least `pollFloor` (5) seconds.
   */
  @property({ type: Number }) poll?: number;

  /** Automatic updates are paused (by the resident's button, or from the start). */
  @property({ type: Boolean, reflect: true }) paused = false;

  /** Today, for the timeline and countdowns; the current time when unset (tests and stories fix it). */
  @property({ attribute: false }) now?: Date;

  /** The latest count from live updates or polling, newer than the loaded project. */
  @state() private live?: { projectId: string; count: number };

  /** The last automatic update failed; the figures shown are the previous ones. */
  @state() private stale = false;

  #stopLive?: () => void;
  #liveKey = '';
  #catchUp = false;

  get #view(): ProgressView {
    return isProgressView(this.view) ? this.view : 'support';
  }

  get #t(): ProgressMeterTerms {
    return this.terms(messages);
  }

  #now(): Date {
    return this.now ?? new Date();
  }

  /** The campaign and project, loaded together; the campaign comes from the project when not given. */
  readonly data = this.load(
    () => [this.#view, this.project?.trim() || undefined, this.campaignId] as const,
    async (adapter, [view, projectId, campaignId], signal): Promise<MeterData> => {
      if (!projectId && view !== 'timeline') {
        throw setupError('project', `No project: set project="…"; the ${view} view shows one project`);
      }
      const project = projectId
        ? this.#fetch(() => adapter.getProject(projectId, { signal }), 'project', projectId).then(readProject)
        : undefined;
      // Without a campaign attribute the project tells which campaign it belongs to.
      const id = this.requireCampaign(campaignId ?? (await project)?.campaignId);
      const [campaign, loaded] = await Promise.all([
        this.#fetch(() => adapter.getCampaign(id, { signal }), 'campaign', id).then(readCampaign),
        project,
      ]);
      if (loaded && loaded.campaignId !== campaign.id) {
        throw new VecheError('not-found', `Project ${loaded.id} is not part of campaign ${campaign.id}`, {
          details: { project: loaded.id },
        });
      }
      this.live = undefined;
      this.stale = false;
      return { campaign, project: loaded };
    },
  );

  /** Marks a not-found answer with what was not found, for a message that names it. */
  async #fetch<T>(call: () => Promise<T>, what: 'project' | 'campaign', id: string): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof VecheError && error.code === 'not-found') {
        throw new VecheError('not-found', error.message, { details: { [what]: id }, cause: error });
      }
      throw error;
    }
  }

  protected override describe(error: unknown): string {
    const e = VecheError.from(error);
    const project = e.details?.['project'];
    const campaign = e.details?.['campaign'];
    if (e.code === 'not-found' && typeof project === 'string') return this.#t.projectNotFound(project);
    if (e.code === 'not-found' && typeof campaign === 'string') return this.#t.campaignNotFound(campaign);
    return super.describe(error);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('view') && !isProgressView(this.view)) {
      this.report(new VecheError('invalid-input', `Unknown view "${String(this.view)}": use support, funding or timeline; showing support`));
    }
    if (changed.has('paused') && changed.get('paused') === true && !this.paused) this.#catchUp = true;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-attached (moved in the page): pick live updates up again.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop();
  }

  /** The support count shown: the latest live figure for this project, else the loaded one. */
  #count(project: Project): number {
    return this.live?.projectId === project.id ? this.live.count : (project.supports ?? 0);
  }

  /** How the count keeps up to date, ignoring the pause: only in the support view while support can change. */
  #mode(): LiveMode {
    const data = this.data.value;
    const adapter = this.resolvedAdapter;
    if (this.#view !== 'support' || !data?.project || !adapter) return 'off';
    const phase = phaseState(data.campaign, 'support', this.#now());
    if (phase !== 'open' && phase !== 'absent') return 'off';
    if (adapter.capabilities?.live && typeof adapter.subscribe === 'function') return 'live';
    return (this.poll ?? 0) > 0 ? 'poll' : 'off';
  }

  protected override updated(): void {
    const mode = this.isConnected && !this.paused ? this.#mode() : 'off';
    const data = this.data.value;
    const adapter = this.resolvedAdapter;
    const key = mode === 'off' || !data?.project || !adapter ? '' : `${mode}|${data.campaign.id}|${data.project.id}|${this.poll}`;
    if (key === this.#liveKey) return;
    this.#stop();
    this.#liveKey = key;
    if (key) this.#start(mode, adapter!, data!.campaign.id, data!.project!.id);
  }

  #stop(): void {
    this.#stopLive?.();
    this.#stopLive = undefined;
    this.#liveKey = '';
  }

  #start(mode: LiveMode, adapter: VecheAdapter, campaignId: string, projectId: string): void {
    const controller = new AbortController();
    const stops: (() => void)[] = [() => controller.abort()];
    this.#stopLive = () => stops.forEach((stop) => stop());
    if (mode === 'live') {
      try {
        const unsubscribe = adapter.subscribe!(campaignId, (event) => this.#onLive(event, projectId));
        if (typeof unsubscribe === 'function') stops.push(unsubscribe);
      } catch (error) {
        this.report(error);
      }
    } else {
      const seconds = Math.max(VecheProgressMeter.pollFloor, this.poll ?? 0);
      const timer = setInterval(() => {
        if (!document.hidden) void this.#refresh(adapter, projectId, controller.signal, false);
      }, seconds * 1000);
      stops.push(() => clearInterval(timer));
    }
    if (this.#catchUp) {
      this.#catchUp = false;
      void this.#refresh(adapter, projectId, controller.signal, true);
    }
  }

  #onLive(event: LiveEvent, projectId: string): void {
    if (this.paused || typeof event !== 'object' || event === null) return;
    if (event.type === 'support' && event.projectId === projectId) this.#setCount(projectId, event.count, false);
    else if (event.type === 'project' && event.project?.id === projectId) this.#setCount(projectId, event.project.supports ?? 0, false);
  }

  /** Re-reads the project (a poll tick, or catching up on resume); a failure keeps the last figures. */
  async #refresh(adapter: VecheAdapter, projectId: string, signal: AbortSignal, announce: boolean): Promise<void> {
    try {
      const project = readProject(await adapter.getProject(projectId, { signal }));
      if (signal.aborted) return;
      this.stale = false;
      this.#setCount(projectId, project.supports ?? 0, announce);
    } catch (error) {
      if (signal.aborted || isAbort(error)) return;
      // One veche-error per run of failures, not one per tick.
      if (!this.stale) this.report(error);
      this.stale = true;
    }
  }

  /** Shows a new count; speaks only when it reaches the threshold, or when the resident asked (resume). */
  #setCount(projectId: string, count: number, announce: boolean): void {
    const data = this.data.value;
    if (!data?.project || data.project.id !== projectId || !Number.isFinite(count) || count < 0) return;
    const before = this.#count(data.project);
    this.live = { projectId, count };
    const threshold = supportThreshold(data.campaign) || undefined;
    const counted = formatCount(count, this.#t.noun, this.locale);
    if (threshold !== undefined && before < threshold && count >= threshold) this.announcement = this.#t.reachedNow(counted);
    else if (announce) this.announcement = this.#t.resumed(counted);
  }

  #toggle(): void {
    this.paused = !this.paused;
    if (this.paused) this.announcement = this.#t.paused;
  }

  #renderLive() {
    if (this.#mode() === 'off') return nothing;
    const t = this.#t;
    return html`<div class="live">
      <button class="button" part="button pause" type="button" @click=${this.#toggle}>
        <span aria-hidden="true">${this.paused ? '▶' : '⏸'}</span>${this.paused ? this.common.resume : this.common.pause}
      </button>
      <span class="muted">${this.paused ? t.pausedHint : t.liveHint}</span>
      ${this.stale ? html`<span class="muted">${t.updateFailed}</span>` : nothing}
    </div>`;
  }

  #renderView({ campaign, project }: MeterData) {
    const core = { phase: this.table(phaseTerms), status: this.table(statusTerms), source: this.table(sourceTerms) };
    const context: ViewContext = { t: this.#t, common: this.common, core, locale: this.locale, now: this.#now() };
    const view = this.#view;
    if (view === 'timeline') return timelineView(context, campaign, project);
    // The data task guarantees a project for the other views.
    if (view === 'funding') return fundingView(context, campaign, project!);
    return supportView(context, campaign, project!, this.#count(project!), this.#renderLive());
  }

  protected override render() {
    return html`<div part="base" class="base" data-view=${this.#view}>
      ${this.renderTask(this.data, (data) => this.#renderView(data))} ${this.renderLive()}
    </div>`;
  }
}
