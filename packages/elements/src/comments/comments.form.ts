import {
  REPORT_REASONS,
  STANCES,
  formatDate,
  formatNumber,
  nameConsentVersion,
  type Comment,
  type CommentMark,
  type Reply,
  type ReportReason,
  type Stance,
  type VecheError,
} from '@veche/core';
import { html, nothing, type TemplateResult } from 'lit';
import { defineLazily } from '../base/define-lazily.ts';
import { commentFormMessages, type CommentFormTerms } from './comments.form.i18n.ts';
import { formStyles } from './comments.form.styles.ts';
import { accessFor, type Access } from '../sign-in/access.ts';
import { canWrite, type CommentsPort, type CommentsView } from './comments.model.ts';

/**
 * The resident's access to the discussion (its own sign-in methods). Here, with the forms, and not in
 * the model: the entry itself never asks, and the sign-in rules would ride along in it.
 */
const accessOf = (view: Pick<CommentsView, 'policy' | 'identity' | 'capabilities'>): Access =>
  accessFor(view.policy.signIn, view.capabilities.signIn, view.identity);

export { commentFormMessages, formStyles };

/** What changed after an action: a comment posted or edited, a mark, a report, or the session ended. */
type Change = { comment: Comment } | { mark: CommentMark } | { reported: string } | { signedOut: true };

/** The threads with one comment (or reply) changed, wherever it is; a thread keeps its replies. */
function patch(items: Comment[], id: string, change: (c: Reply) => Reply): Comment[] {
  return items.map((c) =>
    c.id === id ? { ...change(c), replies: c.replies } : c.replies.some((r) => r.id === id) ? { ...c, replies: c.replies.map((r) => (r.id === id ? change(r) : r)) } : c,
  );
}

type Kind = 'new' | 'reply' | 'edit' | 'report';

interface Drafts {
  /** The new comment, with the Idempotency-Key of its sending (stable across retries and reloads). */
  new: { body: string; stance: Stance | ''; showName: boolean; name: string; key: string };
  replies: Record<string, string>;
  edits: Record<string, { body: string; stance: Stance | '' }>;
}

const newKey = (): string =>
  globalThis.crypto?.randomUUID?.() ?? Array.from(globalThis.crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

const emptyDrafts = (): Drafts => ({ new: { body: '', stance: '', showName: false, name: '', key: newKey() }, replies: {}, edits: {} });

/** The drafts kept for a project; storage that is off or damaged gives empty drafts. */
function readDrafts(key: string): Drafts {
  const drafts = emptyDrafts();
  try {
    const raw = JSON.parse(localStorage.getItem(key) ?? 'null') as Partial<Drafts> | null;
    const n = raw?.new;
    if (n && typeof n.body === 'string') {
      drafts.new = {
        body: n.body,
        stance: (STANCES as readonly string[]).includes(n.stance ?? '') ? (n.stance as Stance) : '',
        showName: n.showName === true,
        name: typeof n.name === 'string' ? n.name : '',
        key: typeof n.key === 'string' && n.key ? n.key : drafts.new.key,
      };
    }
    for (const [id, text] of Object.entries(raw?.replies ?? {})) if (typeof text === 'string') drafts.replies[id] = text;
    for (const [id, edit] of Object.entries(raw?.edits ?? {})) {
      if (typeof edit?.body === 'string') drafts.edits[id] = { body: edit.body, stance: (STANCES as readonly string[]).includes(edit.stance) ? edit.stance : '' };
    }
  } catch {
    // A damaged draft is dropped; the form starts empty.
  }
  return drafts;
}

const value = (e: Event) => (e.target as HTMLInputElement | HTMLTextAreaElement).value;

/**
 * The forms of `veche-comments`, loaded the first time the element can show them: a comment's buttons,
 * the new comment (text, stance, the name with its own consent), replies, edits within the edit window and
 * reports, the useful marks, and signing in on the first action. What a resident types is kept in
 * localStorage per project until it is sent, and stays in the form after any failure; server issues are
 * shown by the field they concern.
 */
export class CommentForms {
  readonly #port: CommentsPort;
  readonly #storageKey: string;
  #drafts: Drafts;
  /** The inline form open under a comment (one at a time). */
  open?: { kind: Exclude<Kind, 'new'>; id: string };
  #report: { reason: ReportReason; note: string } = { reason: 'spam', note: '' };
  /** The form being sent. */
  #busy?: string;
  readonly #errors = new Map<string, { message: string; field?: string }>();
  readonly #keys = new Map<string, string>();
  /** What this form changed on screen while a re-read was on its way (it is newer than that page). */
  #sinceReload?: Change[];

  constructor(port: CommentsPort, projectId: string) {
    this.#port = port;
    this.#storageKey = `veche:comments:${projectId}`;
    this.#drafts = readDrafts(this.#storageKey);
  }

  get #t(): CommentFormTerms {
    return this.#port.terms(commentFormMessages);
  }

  #save(): void {
    try {
      const d = this.#drafts;
      const blank = !d.new.body.trim() && !d.new.name.trim() && Object.keys(d.replies).length === 0 && Object.keys(d.edits).length === 0;
      if (blank) localStorage.removeItem(this.#storageKey);
      else localStorage.setItem(this.#storageKey, JSON.stringify(d));
    } catch {
      // Private mode or a full quota: the form still holds the text.
    }
  }

  #update(): void {
    this.#save();
    this.#port.host.requestUpdate();
  }

  /** Shows what an action changed in the threads on screen. */
  #apply(change: Change): void {
    const port = this.#port;
    const view = port.view();
    if (!view) return;
    this.#sinceReload?.push(change);
    if ('signedOut' in change) port.setView({ ...view, identity: null });
    else if ('mark' in change) {
      const { mark } = change;
      port.setView({ ...view, items: patch(view.items, mark.commentId, (c) => ({ ...c, useful: mark.useful, marked: mark.marked })) });
    } else if ('reported' in change) port.setView({ ...view, items: patch(view.items, change.reported, (c) => ({ ...c, reported: true })) });
    else {
      const { comment } = change;
      const known = view.items.some((c) => c.id === comment.id || c.replies.some((r) => r.id === comment.id));
      let items: Comment[];
      if (known) items = patch(view.items, comment.id, () => comment);
      else if (comment.parentId) items = view.items.map((c) => (c.id === comment.parentId ? { ...c, replies: [...c.replies, comment] } : c));
      else {
        // A new comment goes first after the pinned official answers.
        const at = view.items.findIndex((c) => !c.official);
        items = at < 0 ? [...view.items, comment] : [...view.items.slice(0, at), comment, ...view.items.slice(at)];
      }
      port.setView({ ...view, items, total: view.total + (!known && comment.status === 'published' ? 1 : 0) });
    }
  }

  /** Signs the resident in through the dialog when they must; true once they may act. */
  async #ensureAccess(): Promise<boolean> {
    const port = this.#port;
    const view = port.view();
    if (!view) return false;
    const access = accessOf(view);
    if (access === 'ok') return true;
    if (access !== 'sign-in' && access !== 'wrong-method') return false;
    await defineLazily('veche-sign-in', () => import('../sign-in/define.ts'));
    const dialog = await port.signInDialog();
    if (!dialog) return false;
    dialog.methods = view.policy.signIn;
    await dialog.updateComplete;
    const identity = await dialog.open('support');
    const now = port.view();
    if (!identity || !now) return false;
    const signedIn = { ...now, identity };
    port.setView(signedIn);
    // Their own comments, marks and reports: read again in the background.
    void this.#reload();
    return accessOf(signedIn) === 'ok';
  }

  /** The first page again, keeping what is on screen until it arrives. */
  async #reload(): Promise<void> {
    const port = this.#port;
    const adapter = port.adapter();
    const view = port.view();
    if (!adapter?.listComments || !view) return;
    const since: Change[] = [];
    this.#sinceReload = since;
    try {
      const page = await adapter.listComments(view.projectId, { sort: port.host.sort, limit: view.items.length || port.host.pageSize });
      const now = port.view();
      if (now?.projectId !== view.projectId) return;
      port.setView({ ...now, ...page });
      // The page may have been read before the comment that the sign-in was for (or a mark) was stored:
      // what was done meanwhile goes on top of it again, so it does not vanish from the screen.
      if (this.#sinceReload === since) this.#sinceReload = undefined;
      for (const change of since) this.#apply(change);
    } catch (e) {
      port.report(e);
    } finally {
      if (this.#sinceReload === since) this.#sinceReload = undefined;
    }
  }

  /** Opens a reply, edit or report form under a comment, with focus in it. */
  toggle(kind: Exclude<Kind, 'new'>, comment: Reply): void {
    if (this.open?.kind === kind && this.open.id === comment.id) return this.close();
    this.open = { kind, id: comment.id };
    if (kind === 'edit' && !this.#drafts.edits[comment.id]) this.#drafts.edits[comment.id] = { body: comment.body, stance: comment.stance ?? '' };
    if (kind === 'report') this.#report = { reason: 'spam', note: '' };
    this.#errors.delete(`${kind}:${comment.id}`);
    this.#update();
    this.#port.focus(kind === 'report' ? `[name="reason-${comment.id}"]` : `[id="${kind}-${comment.id}"]`);
  }

  /** Closes the inline form and gives focus back to the button that opened it. */
  close(): void {
    const open = this.open;
    if (!open) return;
    this.open = undefined;
    this.#update();
    this.#port.focus(`[data-action="${open.kind}"][data-id="${open.id}"]`);
  }

  /** A local check before sending: empty, too long, a name asked for but not given. */
  #check(form: string, body: string, showName = false, name = ''): boolean {
    const t = this.#t;
    const view = this.#port.view()!;
    const text = body.trim();
    let error: { message: string; field: string } | undefined;
    if (!text) error = { field: 'body', message: t.required };
    else if (text.length > view.policy.maxLength) error = { field: 'body', message: t.tooLong(formatNumber(view.policy.maxLength, this.#port.locale())) };
    else if (showName && !name.trim() && !view.identity?.displayName) error = { field: 'name', message: t.nameRequired };
    if (error) {
      this.#errors.set(form, error);
      this.#port.host.requestUpdate();
      this.#port.focus(error.field === 'name' ? '[id="new-name"]' : `[id="${form.replace(':', '-')}"]`);
    }
    return error === undefined;
  }

  /** Explains a failure by the field it concerns, from the server's issues when it sent some. */
  #explain(error: VecheError): { message: string; field?: string } {
    const t = this.#t;
    const issues = (error.details?.['issues'] as { field?: string; code?: string; limit?: number }[] | undefined) ?? [];
    for (const issue of issues) {
      if (issue.code === 'too-long') return { field: 'body', message: t.tooLong(formatNumber(issue.limit ?? 0, this.#port.locale())) };
      if (issue.code === 'required') return { field: 'body', message: t.required };
      if (issue.code === 'consent-outdated') return { field: 'name', message: t.consentOutdated };
    }
    return { message: `${t.failed} ${this.#port.describe(error)}` };
  }

  /** Sends one form: the cancelable request, sign-in if needed, the call, the outcome; typed text survives failures. */
  async send(kind: Kind, id = '', again = false): Promise<void> {
    const port = this.#port;
    const view = port.view();
    const adapter = port.adapter();
    const form = kind === 'new' ? 'new' : `${kind}:${id}`;
    if (!view || !adapter || (this.#busy && !again)) return;
    const d = this.#drafts;
    const edit = d.edits[id];
    const valid =
      kind === 'new' ? this.#check(form, d.new.body, d.new.showName, d.new.name) : kind === 'reply' ? this.#check(form, d.replies[id] ?? '') : kind === 'edit' ? this.#check(form, edit?.body ?? '') : true;
    if (!valid) return;
    const action = kind === 'new' ? 'post' : kind;
    if (!again && !port.emit('veche-comment-request', { projectId: view.projectId, action, ...(id ? { commentId: id } : {}) }, true)) return;
    this.#busy = form;
    this.#errors.delete(form);
    port.host.requestUpdate();
    const key = this.#keys.get(form) ?? (kind === 'new' ? d.new.key : newKey());
    this.#keys.set(form, key);
    try {
      if (!(await this.#ensureAccess())) return;
      const projectId = view.projectId;
      const t = this.#t;
      let comment: Comment | undefined;
      if (kind === 'new') {
        const name = d.new.showName ? d.new.name.trim() || port.view()?.identity?.displayName : undefined;
        comment = await adapter.postComment!(projectId, {
          body: d.new.body,
          ...(d.new.stance ? { stance: d.new.stance } : {}),
          ...(name ? { authorName: name, consents: [{ kind: 'publish-name', version: nameConsentVersion(view.policy), accepted: true }] } : {}),
        }, { idempotencyKey: key });
        d.new = { ...emptyDrafts().new, showName: d.new.showName, name: d.new.name };
      } else if (kind === 'reply') {
        comment = await adapter.postComment!(projectId, { body: d.replies[id]!, parentId: id }, { idempotencyKey: key });
        delete d.replies[id];
      } else if (kind === 'edit') {
        comment = await adapter.editComment!(id, { body: edit!.body, ...(edit!.stance ? { stance: edit!.stance } : {}) }, { idempotencyKey: key });
        delete d.edits[id];
      } else {
        await adapter.reportComment!(id, { reason: this.#report.reason, ...(this.#report.note.trim() ? { note: this.#report.note.trim() } : {}) }, { idempotencyKey: key });
        this.#apply({ reported: id });
      }
      this.#keys.delete(form);
      if (comment) this.#apply({ comment });
      if (kind !== 'new') this.close();
      this.#save();
      port.announce(kind === 'report' ? t.reportSent : kind === 'edit' ? t.saved : comment?.status === 'pending' ? t.postedPending : t.posted);
      port.emit('veche-comment', { projectId, action, commentId: comment?.id ?? id, ...(comment ? { comment } : {}) });
    } catch (e) {
      const error = port.report(e);
      if (error.code === 'unauthorized' && !again) {
        // The session ended meanwhile: sign in again, then send.
        this.#apply({ signedOut: true });
        return this.send(kind, id, true);
      }
      this.#errors.set(form, this.#explain(error));
      port.focus(`[id="${form.replace(':', '-')}-error"]`);
    } finally {
      if (this.#busy === form) this.#busy = undefined;
      port.host.requestUpdate();
    }
  }

  /** Marks a comment useful or takes the mark back, shown at once and rolled back if it fails. */
  async mark(comment: Reply): Promise<void> {
    const port = this.#port;
    const adapter = port.adapter();
    const view = port.view();
    const form = `mark:${comment.id}`;
    if (!adapter || !view || this.#busy === form) return;
    const next = !comment.marked;
    const action = next ? 'mark' : 'unmark';
    if (!port.emit('veche-comment-request', { projectId: view.projectId, action, commentId: comment.id }, true)) return;
    this.#busy = form;
    this.#errors.delete(form);
    try {
      if (!(await this.#ensureAccess())) return;
      this.#apply({ mark: { commentId: comment.id, useful: Math.max(0, comment.useful + (next ? 1 : -1)), marked: next } });
      const mark = await adapter.markComment!(comment.id, next, { idempotencyKey: newKey() });
      this.#apply({ mark });
      port.emit('veche-comment', { projectId: view.projectId, action, commentId: comment.id });
    } catch (e) {
      this.#apply({ mark: { commentId: comment.id, useful: comment.useful, marked: comment.marked === true } });
      this.#errors.set(form, { message: `${this.#t.markFailed} ${port.describe(port.report(e))}` });
    } finally {
      this.#busy = undefined;
      port.host.requestUpdate();
    }
  }

  /**
   * A form's failure, shown once: by its field (`field`), or with `field` null only a failure of no
   * field (the foot of a form with several fields); without `field`, any failure (one-field forms).
   */
  #error(form: string, field?: string | null): TemplateResult | typeof nothing {
    const error = this.#errors.get(form);
    if (!error || (field !== undefined && (error.field ?? null) !== field)) return nothing;
    return html`<p id=${`${form.replace(':', '-')}-error`} part="error" class="alert" role="alert" tabindex="-1">${error.message}</p>`;
  }

  #invalid(form: string, field: string): 'true' | 'false' {
    return this.#errors.get(form)?.field === field ? 'true' : 'false';
  }

  #stances(name: string, current: Stance | '', set: (s: Stance | '') => void): TemplateResult {
    const t = this.#t;
    const words = this.#port.terms(this.#port.listMessages).stance;
    return html`<fieldset part="stance" class="stances">
      <legend>${t.stance}</legend>
      ${(['', ...STANCES] as const).map(
        (s) => html`<label class="choice">
          <input type="radio" name=${name} value=${s} .checked=${current === s} @change=${() => set(s)} />
          ${s ? words[s] : t.noStance}
        </label>`,
      )}
    </fieldset>`;
  }

  #textarea(id: string, form: string, label: string, text: string, set: (v: string) => void): TemplateResult {
    const view = this.#port.view()!;
    const left = view.policy.maxLength - text.trim().length;
    const locale = this.#port.locale();
    const t = this.#t;
    return html`<label class="label" for=${id}>${label}</label>
      <textarea
        id=${id}
        part="input"
        rows="4"
        .value=${text}
        aria-invalid=${this.#invalid(form, 'body')}
        aria-describedby=${`${id}-count ${id}-error`}
        @input=${(e: Event) => set(value(e))}
      ></textarea>
      <p id=${`${id}-count`} class="muted count" ?data-over=${left < 0}>${left >= 0 ? t.left(formatNumber(left, locale)) : t.over(formatNumber(-left, locale))}</p>`;
  }

  #buttons(form: string, label: string, cancel: boolean): TemplateResult {
    return html`<div class="buttons">
      <button class="button" data-variant="primary" part="submit" type="submit" aria-disabled=${this.#busy === form ? 'true' : 'false'}>${label}</button>
      ${cancel ? html`<button class="button" part="cancel" type="button" @click=${() => this.close()}>${this.#t.cancel}</button>` : nothing}
    </div>`;
  }

  #submit(kind: Kind, id?: string) {
    return (e: Event) => {
      e.preventDefault();
      void this.send(kind, id);
    };
  }

  /** The new-comment form, or why there is none. */
  composer(): unknown {
    const port = this.#port;
    const view = port.view();
    if (!view || !view.policy.open || !canWrite(port.adapter(), view.capabilities)) return nothing;
    const t = this.#t;
    const access = accessOf(view);
    if (access === 'host-only' || access === 'not-allowed') {
      return html`<p part="notice" class="alert" data-kind="info">${access === 'host-only' ? t.hostOnly : t.notAllowed}</p>`;
    }
    const d = this.#drafts.new;
    const set = (change: Partial<Drafts['new']>) => {
      this.#drafts.new = { ...this.#drafts.new, ...change };
      this.#update();
    };
    return html`<form part="form" class="form" novalidate @submit=${this.#submit('new')}>
      ${this.#textarea('new', 'new', t.yourComment, d.body, (body) => set({ body }))} ${this.#error('new', 'body')}
      ${this.#stances('new-stance', d.stance, (stance) => set({ stance }))}
      <label class="choice consent">
        <input type="checkbox" .checked=${d.showName} @change=${(e: Event) => set({ showName: (e.target as HTMLInputElement).checked })} />
        <span><strong>${t.showName}.</strong> ${view.policy.nameConsent?.text ?? t.nameConsent}</span>
      </label>
      ${d.showName
        ? html`<label class="label" for="new-name">${t.name}</label>
            <input
              id="new-name"
              part="input"
              autocomplete="name"
              maxlength="200"
              .value=${d.name || view.identity?.displayName || ''}
              aria-invalid=${this.#invalid('new', 'name')}
              @input=${(e: Event) => set({ name: value(e) })}
            />
            ${this.#error('new', 'name')}`
        : nothing}
      ${view.policy.premoderation ? html`<p class="muted">${t.premoderation}</p>` : nothing}
      ${access === 'ok' ? nothing : html`<p class="muted">${t.signInFirst}</p>`} ${this.#error('new', null)}
      ${this.#buttons('new', t.send, false)}
    </form>`;
  }

  /** A comment's buttons: useful, reply, edit within the window, report (the count alone where they cannot act). */
  actions(c: Reply): TemplateResult {
    const port = this.#port;
    const view = port.view()!;
    const t = this.#t;
    const count = port.terms(port.listMessages).usefulCount(formatNumber(c.useful, port.locale()));
    const writable = canWrite(port.adapter(), view.capabilities);
    const access = accessOf(view);
    const canAct = writable && c.status === 'published' && (access === 'ok' || access === 'sign-in' || access === 'wrong-method');
    const button = (action: Exclude<Kind, 'new'> | 'mark', label: string, pressed?: boolean) =>
      html`<button
        class="button small"
        part="button"
        type="button"
        data-action=${action}
        data-id=${c.id}
        aria-pressed=${pressed === undefined ? nothing : pressed ? 'true' : 'false'}
        aria-expanded=${action === 'mark' ? nothing : this.open?.kind === action && this.open.id === c.id ? 'true' : 'false'}
        @click=${() => (action === 'mark' ? void this.mark(c) : this.toggle(action, c))}
      >
        ${label}
      </button>`;
    const editable = c.mine && c.editableUntil !== undefined && Date.parse(c.editableUntil) > port.now().getTime();
    return html`<div part="actions" class="actions">
      ${canAct && !c.mine ? button('mark', count, c.marked === true) : html`<span class="muted">${count}</span>`}
      ${canAct && view.policy.open && c.parentId === undefined ? button('reply', t.reply) : nothing}
      ${writable && editable ? button('edit', t.edit) : nothing}
      ${canAct && !c.mine && !c.official ? (c.reported ? html`<span class="muted">${t.reported}</span>` : button('report', t.report)) : nothing}
    </div>`;
  }

  /** The form open under `comment`, and the failure of a mark. */
  inline(comment: Reply): unknown {
    const open = this.open;
    const markError = this.#error(`mark:${comment.id}`);
    if (!open || open.id !== comment.id) return markError;
    const t = this.#t;
    const id = comment.id;
    const form = `${open.kind}:${id}`;
    if (open.kind === 'reply') {
      return html`<form part="form" class="form inline" novalidate @submit=${this.#submit('reply', id)}>
        ${this.#textarea(`reply-${id}`, form, t.yourReply, this.#drafts.replies[id] ?? '', (v) => {
          this.#drafts.replies[id] = v;
          this.#update();
        })}
        ${this.#error(form)} ${this.#buttons(form, t.send, true)}
      </form>`;
    }
    if (open.kind === 'edit') {
      const draft = this.#drafts.edits[id] ?? { body: comment.body, stance: comment.stance ?? '' };
      const set = (change: Partial<typeof draft>) => {
        this.#drafts.edits[id] = { ...draft, ...change };
        this.#update();
      };
      const until = comment.editableUntil;
      const over = !until || Date.parse(until) <= this.#port.now().getTime();
      return html`<form part="form" class="form inline" novalidate @submit=${this.#submit('edit', id)}>
        ${this.#textarea(`edit-${id}`, form, t.yourComment, draft.body, (body) => set({ body }))}
        ${comment.parentId === undefined ? this.#stances(`edit-stance-${id}`, draft.stance, (stance) => set({ stance })) : nothing}
        <p class="muted">${over ? t.editOver : t.editUntil(formatDate(until, this.#port.locale(), 'time'))}</p>
        ${this.#error(form)} ${this.#buttons(form, t.save, true)}
      </form>`;
    }
    return html`<form part="form" class="form inline" novalidate @submit=${this.#submit('report', id)}>
      <fieldset class="stances">
        <legend>${t.reportTitle}</legend>
        ${REPORT_REASONS.map(
          (r) => html`<label class="choice">
            <input type="radio" name=${`reason-${id}`} value=${r} .checked=${this.#report.reason === r} @change=${() => (this.#report = { ...this.#report, reason: r })} />
            ${t.reason[r]}
          </label>`,
        )}
      </fieldset>
      <label class="label" for=${`report-${id}`}>${t.note}</label>
      <input id=${`report-${id}`} part="input" maxlength="500" .value=${this.#report.note} @input=${(e: Event) => (this.#report = { ...this.#report, note: value(e) })} />
      ${this.#error(form)} ${this.#buttons(form, t.send, true)}
    </form>`;
  }
}

