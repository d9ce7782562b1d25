import { DataTask, TaskStatus, initialState, type TaskView } from './data-task.ts';
import { VecheError, isAbort, type Locale, type VecheAdapter } from '@veche/core';
import { errorTerms } from '../i18n/core.ts';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ConfigConsumer, onConfigure, pageCampaign, pageDefaults, type VecheConfig } from '../config/context.ts';
import { pageApi, resolveAdapter } from '../config/resolve-adapter.ts';
import { common, type CommonTerms } from '../i18n/common.ts';
import { localeOf, onLangChange, tableFor, termsFor, type Messages } from '../i18n/locale.ts';
import { shared } from '../styles/shared.ts';
import { tokens } from '../styles/tokens.ts';
import { VecheElement } from './veche-element.ts';

/** An adapter, or an api with the provider's configuration (its timeout and retries), and the page's version. */
type AdapterSource = [VecheAdapter | undefined, string | undefined, number, VecheConfig?];

/** Whether trying again can help with a failure. */
const retryable = (error: unknown) => {
  const e = VecheError.from(error);
  return e.retryable || e.code === 'invalid-response';
};

/** What a configuration error is about: which attribute is missing. */
export type SetupProblem = 'api' | 'campaign' | 'project';

export const setupError = (problem: SetupProblem, message: string) =>
  new VecheError('invalid-input', message, { details: { setup: problem } });

/**
 * The base of every element that talks to an adapter. It finds the adapter (own `adapter` property or
 * `api` attribute, else the enclosing `<veche-provider>`, else `<meta name="veche:api">` or
 * `configure()`), the campaign and the language, reports failures as `veche-error` events and renders
 * the shared loading and error states.
 */
export class VecheWidget extends VecheElement {
  static override styles = [tokens, shared];

  /** The API address: `https://…/api`, a path such as `/api`, or `memory:demo`. */
  @property() api?: string;

  /** The campaign id; falls back to the provider's or `<meta name="veche:campaign">`. */
  @property() campaign?: string;

  /** A backend of your own: any object implementing `VecheAdapter`. Wins over `api`. */
  @property({ attribute: false }) adapter?: VecheAdapter;

  /** What the enclosing `<veche-provider>` gives, if there is one. */
  @state() protected config?: VecheConfig;

  constructor() {
    super();
    new ConfigConsumer(this, (config) => (this.config = config));
  }

  /** After how many ms of loading a visible hint says that it takes longer than usual. */
  static slowAfter = 8000;

  /** The last render showed the loading state: its clock runs on. */
  #loading = false;
  /** Loading has gone on for `slowAfter`. */
  #slow = false;
  #slowTimer: ReturnType<typeof setTimeout> | undefined;

  @state() protected locale: Locale = 'ru';

  /** Bumped when `configure()` changes page-wide defaults. */
  @state() private pageVersion = 0;

  /** The last politely announced change (an `aria-live` region reads it). */
  @state() protected announcement = '';

  #unsubscribe: (() => void)[] = [];
  readonly #reported = new WeakSet<object>();

  override connectedCallback(): void {
    super.connectedCallback();
    this.locale = localeOf(this);
    this.#unsubscribe.push(
      onLangChange(() => (this.locale = localeOf(this))),
      onConfigure(() => this.pageVersion++),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe.forEach((u) => u());
    this.#unsubscribe = [];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.locale = localeOf(this);
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  /** The campaign this element shows. */
  protected get campaignId(): string | undefined {
    return this.campaign?.trim() || this.config?.campaign || pageDefaults().campaign || pageCampaign();
  }

  /** Where the adapter comes from, most specific first. */
  #adapterSource(): AdapterSource {
    const { adapter, api, config, pageVersion } = this;
    if (adapter) return [adapter, undefined, pageVersion];
    if (api?.trim()) return [undefined, api.trim(), pageVersion, config];
    if (config?.adapter) return [config.adapter, undefined, pageVersion];
    if (config?.api) return [undefined, config.api, pageVersion, config];
    const page = pageDefaults();
    if (page.adapter) return [page.adapter, undefined, pageVersion];
    return [undefined, pageApi() ?? page.api, pageVersion, config];
  }

  /** The adapter, once resolved; data tasks take it as their first argument. */
  protected readonly adapterTask = new DataTask(
    this,
    async ([adapter, api, , config]: AdapterSource) => {
      if (adapter) return adapter;
      if (!api) throw setupError('api', 'No API address: set api="…" on the element, on <veche-provider>, or <meta name="veche:api">');
      return resolveAdapter(api, config);
    },
    () => this.#adapterSource(),
    (error) => this.report(error),
  );

  /** The element's data tasks, for a retry that brings back all that failed. */
  readonly #tasks: TaskView<unknown>[] = [];

  /** The adapter once resolved, else undefined. */
  protected get resolvedAdapter(): VecheAdapter | undefined {
    return this.adapterTask.value;
  }

  /**
   * A data task that waits for the adapter, re-runs when `args()` change, reports failures as
   * `veche-error`, and passes the task's AbortSignal on to the adapter.
   */
  protected load<const A extends readonly unknown[], T>(
    args: () => A,
    run: (adapter: VecheAdapter, args: A, signal: AbortSignal) => Promise<T>,
  ): DataTask<[VecheAdapter | undefined, ...A], T> {
    const task = new DataTask<[VecheAdapter | undefined, ...A], T>(
      this,
      async ([adapter, ...rest], { signal }) => (adapter ? run(adapter, rest as unknown as A, signal) : initialState),
      () => [this.resolvedAdapter, ...args()],
      (error) => this.report(error),
    );
    this.#tasks.push(task);
    return task;
  }

  /**
   * A retry: runs again `task` and every other task of the element that failed in a way trying again can
   * help (the adapter's too), so one press brings back all that one outage broke.
   */
  protected retryFailed(task?: TaskView<unknown>): void {
    // A task listed twice runs once: its first run leaves it pending.
    for (const t of [this.adapterTask, ...this.#tasks, task]) {
      if (t?.status === TaskStatus.ERROR && retryable(t.error)) void t.run();
    }
  }

  /** The campaign id, or a setup error naming the missing attribute. */
  protected requireCampaign(id: string | undefined = this.campaignId): string {
    if (!id) throw setupError('campaign', 'No campaign: set campaign="…" on the element or its <veche-provider>');
    return id;
  }

  /** Texts of a language still loading; the element shows its loading state until they are in. */
  readonly #pendingTerms = new Set<Promise<unknown>>();

  /**
   * Every catalog the element shows. In English they are all requested before the first render, so the
   * element shows its loading state rather than a mix of languages. (Catalogs an element uses but does
   * not list are remembered on first use and preloaded from then on.)
   */
  static catalogs: readonly Messages<object>[] = [common, errorTerms];

  /** Catalogs seen in use, per element class. */
  static readonly #seen = new WeakMap<object, Set<Messages<unknown>>>();

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Loading that the last render did not show starts the slow hint's clock over.
    if (!this.#loading) {
      clearTimeout(this.#slowTimer);
      this.#slowTimer = undefined;
      this.#slow = false;
    }
    this.#loading = false;
    if (this.locale === 'ru') return;
    const ctor = this.constructor as typeof VecheWidget;
    for (const messages of ctor.catalogs) this.table(messages);
    for (const messages of VecheWidget.#seen.get(ctor) ?? []) this.table(messages);
  }

  /**
   * The element's texts in its language, with the page's (`setMessages`) and the instance's overrides.
   * While English texts load, it answers in Russian and `renderTask` shows the loading state; the
   * element re-renders when they arrive.
   */
  protected terms<T extends object>(messages: Messages<T>, own?: Partial<T>): T {
    const table = this.table(messages);
    return termsFor(this.localName, table, table === messages.ru ? 'ru' : this.locale, own);
  }

  /** A table of words in the element's language (domain words from core: no overrides). */
  protected table<T>(messages: Messages<T>): T {
    let seen = VecheWidget.#seen.get(this.constructor);
    if (!seen) VecheWidget.#seen.set(this.constructor, (seen = new Set()));
    seen.add(messages as Messages<unknown>);
    const table = tableFor(messages, this.locale);
    if (!(table instanceof Promise)) return table;
    if (!this.#pendingTerms.has(table)) {
      this.#pendingTerms.add(table);
      table.then(
        () => {
          this.#pendingTerms.delete(table);
          this.requestUpdate();
        },
        (error: unknown) => {
          this.#pendingTerms.delete(table);
          this.report(new VecheError('network', 'The English texts could not be loaded', { cause: error }));
        },
      );
    }
    return messages.ru;
  }

  /** Whether texts of the element's language are still loading. */
  protected get termsPending(): boolean {
    return this.#pendingTerms.size > 0;
  }

  protected get common(): CommonTerms {
    return this.terms(common);
  }


  /** Emits `veche-error` once for each failure (an aborted call is not a failure) and returns it as a VecheError. */
  protected report(error: unknown): VecheError {
    const vecheError = VecheError.from(error);
    if (isAbort(error)) return vecheError;
    const key = typeof error === 'object' && error !== null ? error : vecheError;
    if (!this.#reported.has(key)) {
      this.#reported.add(key);
      this.emit('veche-error', { code: vecheError.code, message: vecheError.message, error: vecheError });
    }
    return vecheError;
  }

  /** The resident-facing sentence for a failure. */
  protected describe(error: unknown): string {
    const e = VecheError.from(error);
    const setup = e.details?.['setup'];
    if (setup === 'api') return this.common.noApi;
    if (setup === 'campaign') return this.common.noCampaign;
    if (setup === 'project') return this.common.noProject;
    return this.table(errorTerms)[e.code];
  }

  /**
   * The loading state. After `slowAfter` ms its status, hidden until then, becomes a visible hint that
   * loading takes longer than usual; the change is read once.
   */
  protected renderLoading(): TemplateResult {
    this.#loading = true;
    this.#slowTimer ??= setTimeout(() => {
      this.#slow = true;
      this.requestUpdate();
    }, (this.constructor as typeof VecheWidget).slowAfter);
    return html`<div part="loading" aria-busy="true">
      <span class="skeleton" aria-hidden="true"></span>
      <span class=${this.#slow ? 'muted' : 'visually-hidden'} role="status">${this.common[this.#slow ? 'slow' : 'loading']}</span>
    </div>`;
  }

  /** An error in words, with a retry button when trying again can help. */
  protected renderError(error: unknown, retry?: () => void): TemplateResult {
    const e = VecheError.from(error);
    const canRetry = retry && retryable(e);
    return html`<div part="error" class="alert" role="alert">
      <p>${this.describe(e)}</p>
      ${canRetry ? html`<button class="button" type="button" part="retry" @click=${retry}>${this.common.retry}</button>` : nothing}
    </div>`;
  }

  /** A polite live region; set `announcement` to have it read once. */
  protected renderLive(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>`;
  }

  /**
   * Renders a data task: loading until there is a value (a re-run keeps showing the last value), the
   * error with a retry (that runs every failed task of the element again), and any failure to find the
   * adapter first.
   */
  protected renderTask<T>(task: TaskView<T>, complete: (value: T) => unknown): unknown {
    if (this.termsPending) return this.renderLoading();
    if (this.adapterTask.status === TaskStatus.ERROR) {
      return this.renderError(this.adapterTask.error, () => this.retryFailed());
    }
    switch (task.status) {
      case TaskStatus.COMPLETE:
        return complete(task.value as T);
      case TaskStatus.ERROR:
        return this.renderError(task.error, () => this.retryFailed(task));
      default:
        return task.value === undefined ? this.renderLoading() : complete(task.value);
    }
  }
}

export { DataTask, TaskStatus, initialState };
