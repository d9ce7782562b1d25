import { VecheError, formatDate, formatNumber, type VecheAdapter } from '@veche/core';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { VecheWidget } from '../base/veche-widget.ts';
import { tableFor } from '../i18n/locale.ts';
import { pollMessages, type PollTerms } from './poll.i18n.ts';
import { accessOf, type Draft, type PollPort, type View } from './poll.model.ts';
import type * as ResultsPart from './poll.results.ts';
import type * as SendPart from './poll.send.ts';
import { styles } from './poll.styles.ts';

export type { VechePollDetail } from './poll.model.ts';

/** A part loaded on first use; a failed download is a network failure and may be tried again. */
function lazy<T>(load: () => Promise<T>, what: string): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((e: unknown) => {
      pending = undefined;
      throw new VecheError('network', `Could not load the poll's ${what}`, { cause: e });
    }));
}
/** The results (chart, table, their texts and styles), fetched the first time a poll has results to show. */
const loadResults = lazy<typeof ResultsPart>(() => import('./poll.results.ts'), 'results');
/** Sending, fetched when the resident first picks an answer (or sends). */
const loadSend = lazy<typeof SendPart>(() => import('./poll.send.ts'), 'sending');

async function loadView(adapter: VecheAdapter, pollId: string, signal: AbortSignal): Promise<View | null> {
  if (typeof adapter.getPoll !== 'function') return null;
  const [view, identity] = await Promise.all([adapter.getPoll(pollId, { signal }), adapter.getIdentity({ signal })]);
  return { ...view, identity, capabilities: adapter.capabilities };
}

/**
 * A quick poll: single or multiple choice, with an optional answer of the resident's own («Другое»).
 * One answer per resident (signed in through `<veche-sign-in>`) or, for low-stakes polls, per device.
 * The results show after answering or once the poll closes (as the poll says), as a bar chart with a
 * real table behind it (screen readers read the table; «Таблица» shows it). Choices and the typed
 * answer are kept in localStorage until the answer is counted, and survive any failure. Sending loads
 * when the resident first picks an answer, the results the first time there are results to show.
 *
 * @summary A quick poll: single or multiple choice, "other", results as a chart and a table.
 * @event veche-poll-request - Cancelable, before the answer is sent: `{ pollId, choices, other? }`.
 * @event veche-poll-answer - The answer was counted: `{ pollId, choices, other? }`.
 * @event veche-sign-in - The resident signed in through the dialog: `detail.identity`.
 * @event veche-error - Loading or answering failed; the element shows it too.
 * @csspart base - The wrapper.
 * @csspart label - The question.
 * @csspart status - When the poll opens or closes.
 * @csspart form - The answer form; `choice` each option, `input` the «other» field.
 * @csspart choice - An option.
 * @csspart input - The «other» text field.
 * @csspart submit - The answer button.
 * @csspart results - The results; `chart` the bars, `table` the table, `toggle` the table button.
 * @csspart chart - The bar chart (hidden from screen readers, which read the table).
 * @csspart table - The table of results.
 * @csspart toggle - The «Таблица» button.
 * @csspart notice - Thanks, or why the resident cannot answer here.
 * @csspart error - A failure, in words; `retry` its button.
 * @csspart loading - The loading placeholder.
 * @cssproperty --veche-poll-bar - The bars (default `--veche-color-primary`).
 * @cssproperty --veche-poll-track - The empty part of a bar (default `--veche-color-track`).
 */
export class VechePoll extends VecheWidget {
  /** The catalogs it shows, loaded before the first render in English. */
  static override catalogs = [...VecheWidget.catalogs, pollMessages];

  static override styles = [...VecheWidget.styles, styles];

  /** The poll's id. */
  @property() poll?: string;

  /** The clock for "open until"; the device's by default (tests pin it). */
  @property({ attribute: false }) clock?: () => Date;

  @state() private view?: View;
  @state() private draft: Draft = { choices: [], otherOn: false, other: '' };
  @state() private busy = false;
  @state() private failure?: { message: string; error?: VecheError };
  @state() private tableShown = false;
  @state() private signInShown = false;
  /** The results part once loaded (its styles adopted), or why it could not be. */
  @state() private results?: typeof ResultsPart | { error: VecheError };
  #resultsLoading = false;

  private readonly dataTask = this.load(
    () => [this.poll?.trim() || undefined] as const,
    async (adapter, [pollId], signal) => {
      if (!pollId) throw new VecheError('invalid-input', 'No poll: set poll="…" on the element', { details: { setup: 'poll' } });
      const view = await loadView(adapter, pollId, signal);
      this.view = view ?? undefined;
      this.draft = this.#readDraft(pollId);
      return view;
    },
  );

  protected override describe(error: unknown): string {
    return VecheError.from(error).details?.['setup'] === 'poll' ? this.#t.noPoll : super.describe(error);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.view?.results && !this.results) void this.#loadResults();
  }

  /** The results' module, downloaded the first time there are results to show (a subclass may bring its own). */
  protected importResults(): Promise<typeof ResultsPart> {
    return loadResults();
  }

  /** The module that sends an answer, downloaded on the first choice (a subclass may bring its own). */
  protected importSend(): Promise<typeof SendPart> {
    return loadSend();
  }

  /** Loads the results with their texts in the element's language, and adopts their styles. */
  async #loadResults(): Promise<void> {
    if (this.#resultsLoading) return;
    this.#resultsLoading = true;
    try {
      const part = await this.importResults();
      if (this.locale === 'en') await tableFor(part.resultsMessages, 'en');
      const root = this.renderRoot as ShadowRoot;
      const sheet = part.resultsStyles.styleSheet;
      if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      this.results = part;
    } catch (e) {
      this.results = { error: this.report(e) };
    } finally {
      this.#resultsLoading = false;
    }
  }

  get #t(): PollTerms {
    return this.terms(pollMessages);
  }

  get #storageKey(): string {
    return `veche:poll:${this.poll?.trim() ?? ''}`;
  }

  #readDraft(pollId: string): Draft {
    try {
      const raw = JSON.parse(localStorage.getItem(`veche:poll:${pollId}`) ?? 'null') as Partial<Draft> | null;
      return {
        choices: Array.isArray(raw?.choices) ? raw.choices.filter((c): c is string => typeof c === 'string') : [],
        otherOn: raw?.otherOn === true,
        other: typeof raw?.other === 'string' ? raw.other : '',
      };
    } catch {
      return { choices: [], otherOn: false, other: '' };
    }
  }

  #setDraft(draft: Draft): void {
    this.draft = draft;
    this.failure = undefined;
    try {
      if (draft.choices.length === 0 && !draft.otherOn && !draft.other) localStorage.removeItem(this.#storageKey);
      else localStorage.setItem(this.#storageKey, JSON.stringify(draft));
    } catch {
      // Private mode or a full quota: the form still holds the choice.
    }
  }

  #pick(id: string, on: boolean): void {
    const view = this.view!;
    const single = view.poll.kind === 'single';
    const d = this.draft;
    if (id === '') this.#setDraft({ choices: single && on ? [] : d.choices, otherOn: on, other: d.other });
    else this.#setDraft({ choices: single ? (on ? [id] : []) : on ? [...d.choices.filter((c) => c !== id), id] : d.choices.filter((c) => c !== id), otherOn: single && on ? false : d.otherOn, other: d.other });
    // Sending follows a choice: fetch it meanwhile.
    this.importSend().catch(() => {});
  }

  async #announce(text: string): Promise<void> {
    this.announcement = '';
    await this.updateComplete;
    this.announcement = text;
  }

  #fail(message?: string, error?: VecheError): void {
    this.failure = message ? { message, ...(error ? { error } : {}) } : undefined;
    if (message) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~=error]')?.focus());
  }

  readonly #port: PollPort = {
    host: this,
    adapter: () => this.resolvedAdapter,
    view: () => this.view,
    setView: (view) => (this.view = view),
    draft: () => this.draft,
    setDraft: (draft) => this.#setDraft(draft),
    busy: () => this.busy,
    setBusy: (busy) => (this.busy = busy),
    key: '',
    terms: (messages) => this.terms(messages),
    t: () => this.#t,
    fail: (message, error) => this.#fail(message, error),
    announce: (text) => void this.#announce(text),
    emit: (name, detail, cancelable) => this.emit(name, detail, { cancelable: cancelable === true }),
    report: (error) => this.report(error),
    describe: (error) => this.describe(error),
    reload: () => void this.dataTask.run(),
    signInDialog: async () => {
      this.signInShown = true;
      await this.updateComplete;
      return this.renderRoot.querySelector('veche-sign-in');
    },
  };

  #submit = (e: Event): void => {
    e.preventDefault();
    void this.#send();
  };

  async #send(): Promise<void> {
    if (!this.view?.results && this.view?.poll.results !== 'after-close') this.importResults().catch(() => {});
    try {
      const part = await this.importSend();
      if (this.locale === 'en') await tableFor(part.sendMessages, 'en');
      await part.send(this.#port);
    } catch (e) {
      this.#fail(`${this.#t.failed} ${this.describe(e)}`, this.report(e));
    }
  }

  protected override render() {
    return html`<div part="base" class="base">
      ${this.renderTask(this.dataTask, () => this.#renderView())} ${this.renderLive()}
      ${this.signInShown && this.view
        ? html`<veche-sign-in .adapter=${this.resolvedAdapter} action="support" .methods=${this.view.signIn}></veche-sign-in>`
        : nothing}
    </div>`;
  }

  #renderView(): unknown {
    const t = this.#t;
    const view = this.view;
    if (!view) return html`<p part="notice" class="alert" data-kind="info">${t.unsupported}</p>`;
    const { poll, state, answer } = view;
    const locale = this.locale;
    const status =
      state === 'upcoming'
        ? t.opensOn(formatDate(poll.opensAt, locale))
        : state === 'closed'
          ? t.closedOn(formatDate(poll.closesAt ?? poll.opensAt, locale))
          : poll.closesAt
            ? t.openUntil(formatDate(poll.closesAt, locale, 'datetime'))
            : t.open;
    return html`<section aria-labelledby="q">
      <h2 id="q" part="label">${poll.question}</h2>
      ${poll.description ? html`<p class="muted">${poll.description}</p>` : nothing}
      <p part="status" class="muted">${status}</p>
      ${state === 'open' && !answer ? this.#renderForm(view) : nothing}
      ${answer ? html`<p part="notice" class="alert" data-kind="success">${t.thanks} ${view.results || !poll.closesAt ? '' : t.resultsLater(formatDate(poll.closesAt, locale))}</p>` : nothing}
      ${this.failure
        ? html`<div part="error" class="alert" role="alert" tabindex="-1">
            <p>${this.failure.message}</p>
            ${this.failure.error?.retryable
              ? html`<button class="button" part="retry" type="button" @click=${() => void this.#send()}>${this.common.retry}</button>`
              : nothing}
          </div>`
        : nothing}
      ${view.results ? this.#renderResults(view) : nothing}
    </section>`;
  }

  #renderResults(view: View): unknown {
    const part = this.results;
    if (!part) return this.renderLoading();
    if ('error' in part) {
      return this.renderError(part.error, () => {
        this.results = undefined;
      });
    }
    return part.renderResults(view, this.terms(part.resultsMessages), this.locale, this.tableShown, () => (this.tableShown = !this.tableShown));
  }

  #renderForm(view: View): unknown {
    const t = this.#t;
    const { poll } = view;
    const access = accessOf(view);
    const writable = view.capabilities.polls === true && typeof this.resolvedAdapter?.answerPoll === 'function';
    if (!writable || access === 'host-only' || access === 'not-allowed') {
      return html`<ul class="options">
          ${poll.options.map((o) => html`<li>${o.label}</li>`)}
        </ul>
        <p part="notice" class="alert" data-kind="info">${!writable ? t.readOnly : access === 'host-only' ? t.hostOnly : t.notAllowed}</p>`;
    }
    const d = this.draft;
    const type = poll.kind === 'single' ? 'radio' : 'checkbox';
    const limit = poll.kind === 'single' ? 1 : (poll.maxChoices ?? poll.options.length + (poll.other ? 1 : 0));
    const count = d.choices.length + (d.otherOn ? 1 : 0);
    const choice = (id: string, label: string, checked: boolean) =>
      html`<label class="choice" part="choice">
        <input
          type=${type}
          name="choice"
          value=${id}
          .checked=${checked}
          ?disabled=${type === 'checkbox' && !checked && count >= limit}
          @change=${(e: Event) => this.#pick(id, (e.target as HTMLInputElement).checked)}
        />
        ${label}
      </label>`;
    return html`<form part="form" novalidate @submit=${this.#submit}>
      <fieldset aria-describedby="hint">
        <legend class="visually-hidden">${poll.question}</legend>
        <p id="hint" class="muted">${poll.kind === 'single' ? t.pickOne : t.pickUpTo(formatNumber(limit, this.locale))}</p>
        ${poll.options.map((o) => choice(o.id, o.label, d.choices.includes(o.id)))} ${poll.other ? choice('', t.other, d.otherOn) : nothing}
        ${poll.other && d.otherOn
          ? html`<label class="label" for="other">${t.otherText}</label>
              <input id="other" part="input" maxlength="300" .value=${d.other} @input=${(e: Event) => this.#setDraft({ ...this.draft, other: (e.target as HTMLInputElement).value })} />`
          : nothing}
      </fieldset>
      ${access === 'ok' ? nothing : html`<p class="muted">${t.signInFirst}</p>`}
      <button class="button" data-variant="primary" part="submit" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${t.answer}</button>
    </form>`;
  }
}
