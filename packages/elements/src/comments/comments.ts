import { VecheError, formatDate, formatNumber, formatRelative, type Comment, type CommentSort, type Reply, type VecheAdapter } from '@veche/core';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { VecheWidget, setupError } from '../base/veche-widget.ts';
import { tableFor } from '../i18n/locale.ts';
import type * as Forms from './comments.form.ts';
import { commentsMessages, type CommentsTerms } from './comments.i18n.ts';
import { canWrite, type CommentsPort, type CommentsView } from './comments.model.ts';
import { styles } from './comments.styles.ts';

/** The forms, fetched the first time the element can show them. */
let forms: Promise<typeof Forms> | undefined;
function loadForms(): Promise<typeof Forms> {
  forms ??= import('./comments.form.ts').catch((e: unknown) => {
    forms = undefined;
    throw new VecheError('network', 'Could not load the comment form', { cause: e });
  });
  return forms;
}

const SORTS: readonly CommentSort[] = ['newest', 'useful'];
const STANCE_MARK = { for: '+', against: '−', neutral: '○' } as const;

async function loadView(adapter: VecheAdapter, projectId: string, sort: CommentSort, limit: number, signal: AbortSignal): Promise<CommentsView | null> {
  if (typeof adapter.listComments !== 'function') return null;
  const [identity, page] = await Promise.all([adapter.getIdentity({ signal }), adapter.listComments(projectId, { sort, limit }, { signal })]);
  return { projectId, identity, capabilities: adapter.capabilities, ...page };
}

/**
 * A project's discussion: threads one level deep, newest or most useful first, official answers from
 * the administration marked and pinned, a for / against / neutral stance on each comment, "useful"
 * marks, editing for 10 minutes, reports to the moderators. The author's name shows only when they
 * ticked its consent. Residents sign in through `<veche-sign-in>` when they first act; what they type is
 * kept in localStorage until it is sent and survives any failure. The forms (with a comment's buttons and
 * signing in) load once the discussion shows and the resident can write.
 *
 * @summary Comments on a project: threads, stances, useful marks, edits, reports, official answers.
 * @event veche-comment-request - Cancelable, before anything is sent: `{ projectId, action, commentId? }`.
 * @event veche-comment - After a comment was posted, replied to, edited, marked or reported: `{ projectId, action, commentId, comment? }`.
 * @event veche-sign-in - The resident signed in through the dialog: `detail.identity`.
 * @event veche-error - Loading or an action failed; the element shows it too.
 * @csspart base - The wrapper.
 * @csspart label - The heading.
 * @csspart summary - The count of comments and their stances.
 * @csspart sort - The order buttons; `button` each.
 * @csspart list - The list of threads.
 * @csspart comment - A comment or reply; official answers also have `official`.
 * @csspart official - An official answer.
 * @csspart author - The author's name (or «Житель»).
 * @csspart badge - A stance, official or moderation badge.
 * @csspart body - A comment's text.
 * @csspart actions - A comment's buttons.
 * @csspart button - Every button.
 * @csspart form - A form (new comment, reply, edit, report).
 * @csspart input - A text field.
 * @csspart stance - The stance choice.
 * @csspart submit - A form's send button; `cancel` its cancel button.
 * @csspart cancel - An inline form's cancel button.
 * @csspart notice - Why residents cannot write here.
 * @csspart more - The button that loads more threads.
 * @csspart error - A failure, in words; `retry` its button.
 * @csspart loading - The loading placeholder.
 * @cssproperty --veche-comments-official - The mark of official answers (default `--veche-color-primary`).
 * @cssproperty --veche-comments-indent - The indent of replies (default `1.25em`).
 */
export class VecheComments extends VecheWidget {
  /** The catalogs it shows, loaded before the first render in English. */
  static override catalogs = [...VecheWidget.catalogs, commentsMessages];

  static override styles = [...VecheWidget.styles, styles];

  /** The project whose discussion this is. */
  @property() project?: string;

  /** The order: `newest` (default) or `useful`; the resident can switch it. */
  @property({ reflect: true }) sort: CommentSort = 'newest';

  /** Threads a page (20; at most 50). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  /** The clock for edit windows and relative times; the device's by default (tests pin it). */
  @property({ attribute: false }) clock?: () => Date;

  @state() private view?: CommentsView;
  @state() private forms?: Forms.CommentForms;
  /** The forms could not be downloaded (offline, say): said where the form would be, with a retry. */
  @state() private formsError?: VecheError;
  @state() private more?: { busy: boolean; error?: VecheError };
  /** The sign-in dialog is rendered from the first time it is needed. */
  @state() private signInShown = false;

  #timer?: ReturnType<typeof setInterval>;

  private readonly dataTask = this.load(
    () => [this.project?.trim() || undefined, SORTS.includes(this.sort) ? this.sort : 'newest', Math.min(50, Math.max(1, this.pageSize || 20))] as const,
    async (adapter, [projectId, sort, limit], signal) => {
      if (!projectId) throw setupError('project', 'No project: set project="…" on the element');
      const view = await loadView(adapter, projectId, sort, limit, signal);
      this.view = view ?? undefined;
      this.more = undefined;
      if (view && canWrite(adapter, view.capabilities) && !this.forms) void this.#loadForms(projectId);
      return view;
    },
  );

  readonly #port: CommentsPort = {
    host: this,
    view: () => this.view,
    setView: (view) => (this.view = view),
    adapter: () => this.resolvedAdapter,
    locale: () => this.locale,
    now: () => this.#now(),
    terms: (messages) => this.terms(messages),
    listMessages: commentsMessages,
    signInDialog: async () => {
      this.signInShown = true;
      await this.updateComplete;
      return this.renderRoot.querySelector('veche-sign-in');
    },
    report: (error) => this.report(error),
    describe: (error) => this.describe(error),
    announce: (text) => void this.#announce(text),
    emit: (name, detail, cancelable) => this.emit(name, detail, { cancelable: cancelable === true }),
    focus: (selector) => void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus()),
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('veche-sign-in', this.#onOtherSignIn);
    // Edit windows close and "5 minutes ago" moves on.
    this.#timer = setInterval(() => this.requestUpdate(), 30_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('veche-sign-in', this.#onOtherSignIn);
    clearInterval(this.#timer);
  }

  #now(): Date {
    return this.clock?.() ?? new Date();
  }

  get #t(): CommentsTerms {
    return this.terms(commentsMessages);
  }

  /** The forms' module, downloaded on first use (a subclass may bring its own). */
  protected importForms(): Promise<typeof Forms> {
    return loadForms();
  }

  async #loadForms(projectId: string): Promise<void> {
    this.formsError = undefined;
    try {
      const module = await this.importForms();
      if (this.locale === 'en') await tableFor(module.commentFormMessages, 'en');
      const root = this.renderRoot as ShadowRoot;
      const sheet = module.formStyles.styleSheet;
      if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      if (this.project?.trim() === projectId) this.forms = new module.CommentForms(this.#port, projectId);
    } catch (e) {
      this.formsError = this.report(e);
    }
  }

  /** Another element signed the resident in: show their own comments and marks. */
  #onOtherSignIn = (event: Event): void => {
    if (event.target !== this) void this.dataTask.run();
  };

  async #announce(text: string): Promise<void> {
    this.announcement = '';
    await this.updateComplete;
    this.announcement = text;
  }

  #setSort(sort: CommentSort): void {
    if (sort === this.sort) return;
    this.sort = sort;
  }

  async #loadMore(): Promise<void> {
    const adapter = this.resolvedAdapter;
    const view = this.view;
    if (!adapter?.listComments || !view?.nextCursor || this.more?.busy) return;
    this.more = { busy: true };
    const first = view.items.length;
    try {
      const page = await adapter.listComments(view.projectId, { sort: this.sort, cursor: view.nextCursor, limit: this.pageSize });
      const seen = new Set(view.items.map((c) => c.id));
      this.view = { ...view, items: [...view.items, ...page.items.filter((c) => !seen.has(c.id))], nextCursor: page.nextCursor };
      this.more = undefined;
      // Focus the first new thread, so the keyboard goes on where the list grew.
      await this.updateComplete;
      this.renderRoot.querySelectorAll<HTMLElement>('.list > li > article')[first]?.focus();
    } catch (e) {
      this.more = { busy: false, error: this.report(e) };
    }
  }

  protected override render() {
    return html`<div part="base" class="base">
      ${this.renderTask(this.dataTask, () => this.#renderView())} ${this.renderLive()}
      ${this.signInShown && this.view
        ? html`<veche-sign-in .adapter=${this.resolvedAdapter} action="support" .methods=${this.view.policy.signIn}></veche-sign-in>`
        : nothing}
    </div>`;
  }

  #renderView(): unknown {
    const t = this.#t;
    const view = this.view;
    if (!view) return html`<div class="section"><h2 part="label">${t.title}</h2><p part="notice" class="alert" data-kind="info">${t.unsupported}</p></div>`;
    const locale = this.locale;
    const writable = canWrite(this.resolvedAdapter, view.capabilities);
    const { stances } = view;
    // Not a landmark: two discussions of one project on a page would be two regions of one name.
    return html`<div class="section"><h2 part="label">${t.title}</h2>
      <p part="summary" class="summary">
        <span>${t.count(formatNumber(view.total, locale), view.total)}</span>
        ${stances.for + stances.against + stances.neutral > 0
          ? html`<span class="muted"
              >${t.stances}: ${(['for', 'against', 'neutral'] as const).map((s, i) => `${i ? ', ' : ''}${t.stance[s].toLowerCase()} ${formatNumber(stances[s], locale)}`)}</span
            >`
          : nothing}
      </p>
      ${!view.policy.open
        ? html`<p part="notice" class="alert" data-kind="info">${t.closed}</p>`
        : !writable
          ? html`<p part="notice" class="muted">${t.readOnly}</p>`
          : this.formsError
            ? html`<div part="error" class="alert" role="alert">
                <p>${t.formsFailed} ${this.describe(this.formsError)}</p>
                <button class="button" type="button" part="retry" @click=${() => void this.#loadForms(view.projectId)}>${this.common.retry}</button>
              </div>`
            : (this.forms?.composer() ?? nothing)}
      ${view.items.length > 1 || view.nextCursor
        ? html`<div part="sort" class="sort" role="group" aria-label=${t.order}>
            ${SORTS.map(
              (s) => html`<button class="button" part="button" type="button" aria-pressed=${this.sort === s ? 'true' : 'false'} @click=${() => this.#setSort(s)}>
                ${s === 'newest' ? t.newest : t.useful}
              </button>`,
            )}
          </div>`
        : nothing}
      ${view.items.length === 0
        ? html`<p class="muted">${t.empty}</p>`
        : html`<ol part="list" class="list">
            ${view.items.map((c) => html`<li>${this.#renderComment(c)}</li>`)}
          </ol>`}
      ${this.#renderMore(view)}</div>`;
  }

  #renderMore(view: CommentsView): unknown {
    const more = this.more;
    if (!view.nextCursor && !more?.error) return nothing;
    return html`${more?.error ? this.renderError(more.error) : nothing}
      ${view.nextCursor
        ? html`<button class="button" part="button more" type="button" aria-disabled=${more?.busy ? 'true' : 'false'} @click=${() => void this.#loadMore()}>${this.#t.more}</button>`
        : nothing}`;
  }

  #renderComment(c: Comment | Reply): TemplateResult {
    const t = this.#t;
    const locale = this.locale;
    const now = this.#now();
    const author = c.authorName ?? t.resident;
    const replies = 'replies' in c ? c.replies : [];
    return html`<article part=${c.official ? 'comment official' : 'comment'} class="comment" ?data-official=${c.official} aria-labelledby=${`a-${c.id}`} tabindex="-1">
      <p class="meta">
        <span id=${`a-${c.id}`} part="author" class="author">${author}</span>
        ${c.official ? html`<span part="badge" class="badge official"><span aria-hidden="true">★ </span>${t.official}</span>` : nothing}
        ${c.stance ? html`<span part="badge" class="badge" data-stance=${c.stance}><span aria-hidden="true">${STANCE_MARK[c.stance]} </span>${t.stance[c.stance]}</span>` : nothing}
        <time class="muted" datetime=${c.createdAt} title=${formatDate(c.createdAt, locale, 'datetime')}>${formatRelative(c.createdAt, now, locale)}</time>
        ${c.editedAt ? html`<span class="muted">(${t.edited})</span>` : nothing}
        ${c.status === 'pending' ? html`<span part="badge" class="badge pending">${t.pending}</span>` : nothing}
      </p>
      <p part="body" class="body">${c.body}</p>
      ${this.forms?.actions(c) ?? html`<div part="actions" class="actions"><span class="muted">${t.usefulCount(formatNumber(c.useful, locale))}</span></div>`}
      ${this.forms?.inline(c) ?? nothing}
      ${replies.length
        ? html`<ol class="replies" aria-label=${t.replies(author)}>
            ${replies.map((r) => html`<li>${this.#renderComment(r)}</li>`)}
          </ol>`
        : nothing}
    </article>`;
  }
}
