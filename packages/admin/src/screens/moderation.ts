import { type Campaign, type Project, type ProjectStatus, formatDate, formatMoney } from '@veche/core';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, query, state as litState } from 'lit/decorators.js';
import { api } from '../api.ts';
import { renderEntry } from '../history.ts';
import { Screen } from '../screen.ts';
import { state } from '../state.ts';
import type { AdminProject, AuditEntry, CampaignDetail } from '../types.ts';

interface CommentRecord {
  comment: { id: string; projectId: string; parentId?: string; body: string; authorName?: string; status: string; official?: boolean; createdAt: string };
  reports: { reason: string; note: string | null; at: string }[];
  /** The moderator's note of the last decision. */
  note?: string | null;
}

type Pending = { kind: 'reject' | 'publish'; ids: string[] } | { kind: 'merge'; ids: [string] };

/**
 * The moderation queue: ideas (and comments) with filters, publish / reject with a reason told to the
 * author, merge duplicates, edit with the visible history, bulk actions and keyboard shortcuts.
 */
@customElement('veche-admin-moderation')
export class AdminModeration extends Screen {
  @litState() private campaign: Campaign | undefined;
  @litState() private items: AdminProject[] | undefined;
  @litState() private all: AdminProject[] = [];
  @litState() private status = 'submitted';
  @litState() private district = '';
  @litState() private category = '';
  @litState() private q = '';
  @litState() private selected = new Set<string>();
  @litState() private focusIndex = 0;
  @litState() private open: AdminProject | undefined;
  @litState() private history: AuditEntry[] = [];
  @litState() private pending: Pending | undefined;
  @litState() private tab: 'ideas' | 'comments' = 'ideas';
  @litState() private comments: CommentRecord[] | undefined;
  @litState() private commentQueue = 'pending';
  /** The comment whose hide or answer form is open. */
  @litState() private commentForm: { id: string; kind: 'hide' | 'answer' } | undefined;
  @query('#decision') private dialog!: HTMLDialogElement;
  @query('#help') private help!: HTMLDialogElement;

  private get base(): string {
    return `/admin/campaigns/${encodeURIComponent(this.campaignId!)}`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    const detail = await this.run(() => api<CampaignDetail>('GET', this.base));
    if (detail) this.campaign = detail.campaign;
    await this.reload();
  }

  private async reload(): Promise<void> {
    const params = new URLSearchParams();
    if (this.status !== 'all') params.set('status', this.status);
    if (this.district) params.set('district', this.district);
    if (this.category) params.set('category', this.category);
    if (this.q.trim()) params.set('q', this.q.trim());
    const items = await this.run(() => api<AdminProject[]>('GET', `${this.base}/projects?${params}`));
    if (items) {
      this.items = items;
      this.selected = new Set([...this.selected].filter((id) => items.some((i) => i.project.id === id)));
      this.focusIndex = Math.min(this.focusIndex, Math.max(0, items.length - 1));
    }
    this.all = (await api<AdminProject[]>('GET', `${this.base}/projects`).catch(() => [])) ?? [];
  }

  private async loadComments(): Promise<void> {
    this.comments = await this.run(() => api<CommentRecord[]>('GET', `${this.base}/comments?status=${this.commentQueue}`));
  }

  override render(): TemplateResult {
    const t = this.t.moderation;
    return html`
      <h1>${t.title}</h1>
      <div class="actions" role="group" aria-label=${t.title}>
        <button class="button" type="button" aria-pressed=${this.tab === 'ideas' ? 'true' : 'false'} @click=${() => (this.tab = 'ideas')}>${t.ideas}</button>
        <button class="button" type="button" aria-pressed=${this.tab === 'comments' ? 'true' : 'false'} @click=${() => {
          this.tab = 'comments';
          void this.loadComments();
        }}>${t.comments}</button>
      </div>
      ${this.renderError()}
      ${this.tab === 'ideas' ? this.renderIdeas() : this.renderComments()}
      ${this.renderDialog()}
      <dialog id="help" aria-labelledby="help-title">
        <div class="panel">
          <h2 id="help-title">${t.shortcuts}</h2>
          <dl>${t.keys.map(([key, what]) => html`<dt><kbd>${key}</kbd></dt><dd>${what}</dd>`)}</dl>
          <button class="button" type="button" @click=${() => this.help.close()}>${this.t.common.close}</button>
        </div>
      </dialog>
    `;
  }

  private renderIdeas(): TemplateResult {
    const t = this.t.moderation;
    const items = this.items;
    const c = this.campaign;
    return html`
      <form class="row no-print" role="search" aria-label=${t.filters} @submit=${(e: Event) => {
        e.preventDefault();
        void this.reload();
      }}>
        <div class="field">
          <label for="f-status">${t.status}</label>
          <select id="f-status" @change=${(e: Event) => {
            this.status = (e.target as HTMLSelectElement).value;
            void this.reload();
          }}>
            ${['submitted', 'published', 'rejected', 'shortlisted', 'all'].map((s) => html`<option value=${s} ?selected=${this.status === s}>${s === 'all' ? t.allStatuses : this.t.statuses[s as ProjectStatus]}</option>`)}
          </select>
        </div>
        ${c && c.districts.length > 0
          ? html`<div class="field"><label for="f-district">${t.district}</label><select id="f-district" @change=${(e: Event) => {
              this.district = (e.target as HTMLSelectElement).value;
              void this.reload();
            }}><option value="">${t.any}</option>${c.districts.map((d) => html`<option value=${d.id} ?selected=${this.district === d.id}>${d.name}</option>`)}</select></div>`
          : nothing}
        ${c && c.categories.length > 0
          ? html`<div class="field"><label for="f-category">${t.category}</label><select id="f-category" @change=${(e: Event) => {
              this.category = (e.target as HTMLSelectElement).value;
              void this.reload();
            }}><option value="">${t.any}</option>${c.categories.map((x) => html`<option value=${x.id} ?selected=${this.category === x.id}>${x.name}</option>`)}</select></div>`
          : nothing}
        <div class="field"><label for="f-q">${t.search}</label><input id="f-q" type="search" .value=${this.q} @input=${(e: Event) => (this.q = (e.target as HTMLInputElement).value)} /></div>
        <button class="button" type="submit">${t.apply}</button>
      </form>
      <p class="hint">${t.shortcutHint} <button class="button" data-size="small" type="button" @click=${() => this.help.showModal()}>${t.shortcuts}</button></p>
      ${this.selected.size > 0
        ? html`<div class="actions" role="group" aria-label=${t.bulk}>
            <strong>${t.selected(this.selected.size)}</strong>
            <button class="button" type="button" @click=${() => this.ask({ kind: 'publish', ids: [...this.selected] })}>${t.publishSelected}</button>
            <button class="button" data-variant="danger" type="button" @click=${() => this.ask({ kind: 'reject', ids: [...this.selected] })}>${t.rejectSelected}</button>
            <button class="button" type="button" @click=${() => (this.selected = new Set())}>${t.clearSelection}</button>
          </div>`
        : nothing}
      ${items === undefined
        ? html`<p>${this.t.app.loading}</p>`
        : items.length === 0
          ? html`<p>${t.empty}</p>`
          : html`<div class="table-wrap" @keydown=${this.onKey}>
              <table aria-describedby="queue-hint">
                <caption class="sr-only" id="queue-hint">${t.caption(items.length)}</caption>
                <thead><tr>
                  <th scope="col"><input type="checkbox" aria-label=${t.selectAll} .checked=${items.length > 0 && items.every((i) => this.selected.has(i.project.id))} @change=${(e: Event) => (this.selected = (e.target as HTMLInputElement).checked ? new Set(items.map((i) => i.project.id)) : new Set())} /></th>
                  <th scope="col">${t.idea}</th><th scope="col">${t.author}</th><th scope="col">${t.status}</th><th scope="col">${t.actions}</th>
                </tr></thead>
                <tbody>${items.map((item, i) => this.renderRow(item, i))}</tbody>
              </table>
            </div>`}
      ${this.open ? this.renderDetail(this.open) : nothing}
    `;
  }

  private renderRow(item: AdminProject, i: number): TemplateResult {
    const t = this.t.moderation;
    const p = item.project;
    const district = this.campaign?.districts.find((d) => d.id === p.districtId)?.name;
    return html`<tr aria-selected=${this.selected.has(p.id) ? 'true' : 'false'} data-index=${i}>
      <td><input type="checkbox" aria-label=${t.select(p.title)} .checked=${this.selected.has(p.id)} @change=${() => this.toggle(p.id)} /></td>
      <td>
        <button class="link" style="background:none;border:0;padding:0;font-weight:600;text-align:start;cursor:pointer;min-height:2.75em" type="button" tabindex=${i === this.focusIndex ? '0' : '-1'} data-row=${i} @focus=${() => (this.focusIndex = i)} @click=${() => void this.openIdea(item)}>${p.title}</button>
        <div class="hint">${district ? `${district} · ` : ''}${formatMoney(p.cost, state.locale)} · ${formatDate(item.submittedAt, state.locale, 'date')}</div>
        ${p.statusNote ? html`<div class="hint">${t.reason}: ${p.statusNote}</div>` : nothing}
      </td>
      <td>${item.author?.name ?? '—'}<div class="hint">${item.author?.email ?? item.author?.phone ?? ''}</div></td>
      <td><span class="badge">${this.t.statuses[p.status]}</span></td>
      <td><div class="actions" style="margin:0">
        ${p.status !== 'published' ? html`<button class="button" data-size="small" type="button" @click=${() => this.ask({ kind: 'publish', ids: [p.id] })} aria-label=${`${t.publish}: ${p.title}`}>${t.publish}</button>` : nothing}
        ${p.status !== 'rejected' ? html`<button class="button" data-variant="danger" data-size="small" type="button" @click=${() => this.ask({ kind: 'reject', ids: [p.id] })} aria-label=${`${t.reject}: ${p.title}`}>${t.reject}</button>` : nothing}
        <button class="button" data-size="small" type="button" @click=${() => this.ask({ kind: 'merge', ids: [p.id] })} aria-label=${`${t.merge}: ${p.title}`}>${t.merge}</button>
      </div></td>
    </tr>`;
  }

  private toggle(id: string): void {
    const next = new Set(this.selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.selected = next;
  }

  /** j/k or arrows move, x selects, p publishes, r rejects, m merges, e opens, ? lists the keys. */
  private onKey(event: KeyboardEvent): void {
    const target = event.composedPath()[0] as HTMLElement;
    if (target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && target.type !== 'checkbox') || target instanceof HTMLSelectElement) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const items = this.items ?? [];
    const item = items[this.focusIndex];
    const move = (to: number) => {
      this.focusIndex = Math.max(0, Math.min(items.length - 1, to));
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-row="${this.focusIndex}"]`)?.focus());
    };
    const actions: Record<string, () => void> = {
      j: () => move(this.focusIndex + 1),
      ArrowDown: () => move(this.focusIndex + 1),
      k: () => move(this.focusIndex - 1),
      ArrowUp: () => move(this.focusIndex - 1),
      x: () => item && this.toggle(item.project.id),
      p: () => item && this.ask({ kind: 'publish', ids: [item.project.id] }),
      r: () => item && this.ask({ kind: 'reject', ids: [item.project.id] }),
      m: () => item && this.ask({ kind: 'merge', ids: [item.project.id] }),
      e: () => item && void this.openIdea(item),
      '?': () => this.help.showModal(),
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  }

  private ask(pending: Pending): void {
    this.pending = pending;
    void this.updateComplete.then(() => this.dialog.showModal());
  }

  private renderDialog(): TemplateResult {
    const t = this.t.moderation;
    const p = this.pending;
    const titleOf = (id: string) => this.all.find((i) => i.project.id === id)?.project.title ?? this.items?.find((i) => i.project.id === id)?.project.title ?? id;
    const heading = !p ? '' : p.kind === 'merge' ? t.mergeTitle(titleOf(p.ids[0])) : p.kind === 'reject' ? t.rejectTitle(p.ids.length === 1 ? titleOf(p.ids[0]!) : t.selected(p.ids.length)) : t.publishTitle(p.ids.length === 1 ? titleOf(p.ids[0]!) : t.selected(p.ids.length));
    return html`<dialog id="decision" aria-labelledby="decision-title" @close=${() => (this.pending = undefined)}>
      <form class="panel" method="dialog" @submit=${this.decide}>
        <h2 id="decision-title">${heading}</h2>
        ${p?.kind === 'merge'
          ? html`<div class="field">
              <label for="merge-into">${t.mergeInto}</label>
              <select id="merge-into" name="into" required>
                ${this.all.filter((i) => i.project.id !== p.ids[0] && i.project.status !== 'rejected').map((i) => html`<option value=${i.project.id}>${i.project.title} (${this.t.statuses[i.project.status]})</option>`)}
              </select>
              <span class="hint">${t.mergeHint}</span>
            </div>`
          : html`<div class="field">
              <label for="reason">${p?.kind === 'reject' ? t.reasonRequired : t.note}</label>
              <textarea id="reason" name="reason" rows="4" ?required=${p?.kind === 'reject'} maxlength="2000"></textarea>
            </div>`}
        <label class="check"><input type="checkbox" name="notify" checked /> ${t.notify}</label>
        <div class="actions">
          <button class="button" data-variant="primary" type="submit" ?disabled=${this.busy}>${p?.kind === 'merge' ? t.merge : p?.kind === 'reject' ? t.reject : t.publish}</button>
          <button class="button" type="button" @click=${() => this.dialog.close()}>${this.t.common.cancel}</button>
        </div>
      </form>
    </dialog>`;
  }

  private async decide(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const p = this.pending;
    if (!p) return;
    const t = this.t.moderation;
    const form = new FormData(event.target as HTMLFormElement);
    const reason = String(form.get('reason') ?? '').trim();
    const notify = form.get('notify') === 'on';
    if (p.kind === 'reject' && !reason) {
      this.renderRoot.querySelector<HTMLTextAreaElement>('#reason')?.reportValidity();
      return;
    }
    let done: unknown;
    if (p.kind === 'merge') {
      done = await this.run(() => api('POST', `/admin/projects/${encodeURIComponent(p.ids[0])}/merge`, { into: String(form.get('into')), notify }), t.merged);
    } else if (p.ids.length === 1) {
      const current = this.items?.find((i) => i.project.id === p.ids[0])?.project.status;
      const status = p.kind === 'reject' ? 'rejected' : 'published';
      done = await this.run(
        () => api('POST', `/admin/ideas/${encodeURIComponent(p.ids[0]!)}/decision`, { status, notify, ...(reason ? { reason } : {}), ...(current ? { from: current } : {}) }),
        p.kind === 'reject' ? t.rejected : t.published,
      );
    } else {
      const result = await this.run(() =>
        api<{ done: string[]; failed: { id: string }[] }>('POST', `${this.base}/ideas/bulk`, { ids: p.ids, status: p.kind === 'reject' ? 'rejected' : 'published', notify, ...(reason ? { reason } : {}) }),
      );
      if (result) state.announce(t.bulkDone(result.done.length, result.failed.length), result.failed.length ? 'error' : 'info');
      done = result;
    }
    this.dialog.close();
    if (done) {
      this.selected = new Set();
      if (this.open && p.ids.includes(this.open.project.id)) this.open = undefined;
      await this.reload();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`[data-row="${this.focusIndex}"]`)?.focus();
    }
  }

  private async openIdea(item: AdminProject): Promise<void> {
    this.open = structuredClone(item);
    this.history = (await this.run(() => api<AuditEntry[]>('GET', `/admin/projects/${encodeURIComponent(item.project.id)}/history`))) ?? [];
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#detail-title')?.focus();
  }

  private renderDetail(item: AdminProject): TemplateResult {
    const t = this.t.moderation;
    const p = item.project;
    const set = (mutate: (x: Project) => void) => {
      const next = structuredClone(this.open!);
      mutate(next.project);
      this.open = next;
    };
    return html`<section class="card" aria-labelledby="detail-title">
      <h2 id="detail-title" tabindex="-1">${t.edit}: ${p.title}</h2>
      <form @submit=${this.saveIdea}>
        <div class="field"><label for="e-title">${t.fields.title}</label><input id="e-title" .value=${p.title} @input=${(e: Event) => set((x) => void (x.title = (e.target as HTMLInputElement).value))} /></div>
        <div class="field"><label for="e-summary">${t.fields.summary}</label><textarea id="e-summary" rows="2" .value=${p.summary ?? ''} @input=${(e: Event) => set((x) => void (x.summary = (e.target as HTMLTextAreaElement).value || undefined))}></textarea></div>
        <div class="field"><label for="e-description">${t.fields.description}</label><textarea id="e-description" rows="6" .value=${p.description ?? ''} @input=${(e: Event) => set((x) => void (x.description = (e.target as HTMLTextAreaElement).value || undefined))}></textarea></div>
        <div class="grid">
          <div class="field"><label for="e-cost">${t.fields.cost}</label><input id="e-cost" type="number" min="0" .value=${String(p.cost)} @input=${(e: Event) => set((x) => void (x.cost = Number((e.target as HTMLInputElement).value) || 0))} /></div>
          ${this.campaign && this.campaign.districts.length > 0
            ? html`<div class="field"><label for="e-district">${t.district}</label><select id="e-district" @change=${(e: Event) => set((x) => void (x.districtId = (e.target as HTMLSelectElement).value || undefined))}>
                <option value="">—</option>${this.campaign.districts.map((d) => html`<option value=${d.id} ?selected=${p.districtId === d.id}>${d.name}</option>`)}
              </select></div>`
            : nothing}
        </div>
        ${p.images.length > 0 ? html`<div class="row">${p.images.map((img) => html`<img src=${img.url} alt=${img.alt} style="max-width:12em;max-height:9em" />`)}</div>` : nothing}
        <p class="hint">${t.authorLine(item.author?.name ?? '—', item.author?.email ?? item.author?.phone ?? '—', item.supports)}</p>
        <div class="actions">
          <button class="button" data-variant="primary" type="submit" ?disabled=${this.busy}>${t.saveEdit}</button>
          <button class="button" type="button" @click=${() => (this.open = undefined)}>${this.t.common.close}</button>
        </div>
      </form>
      <h3>${t.history}</h3>
      ${this.history.length === 0 ? html`<p class="hint">${t.noHistory}</p>` : html`<ol class="stack">${this.history.map((e) => html`<li>${renderEntry(e, this.t, state.locale)}</li>`)}</ol>`}
    </section>`;
  }

  private async saveIdea(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const p = this.open!.project;
    const saved = await this.run(() => api<Project>('PUT', `/admin/projects/${encodeURIComponent(p.id)}`, { ...p, updatedAt: new Date().toISOString() }), this.t.moderation.savedEdit);
    if (saved) {
      await this.reload();
      const again = this.items?.find((i) => i.project.id === p.id) ?? this.all.find((i) => i.project.id === p.id);
      if (again) await this.openIdea(again);
    }
  }

  private renderComments(): TemplateResult {
    const t = this.t.moderation;
    const list = this.comments;
    return html`
      <div class="field" style="max-width:20em">
        <label for="c-queue">${t.queue}</label>
        <select id="c-queue" @change=${(e: Event) => {
          this.commentQueue = (e.target as HTMLSelectElement).value;
          void this.loadComments();
        }}>${(['pending', 'reported', 'hidden', 'published'] as const).map((q) => html`<option value=${q} ?selected=${this.commentQueue === q}>${t.queues[q]}</option>`)}</select>
      </div>
      ${list === undefined
        ? html`<p>${this.t.app.loading}</p>`
        : list.length === 0
          ? html`<p>${t.noComments}</p>`
          : html`<ul class="plain stack">${list.map((r) => this.renderComment(r))}</ul>`}
    `;
  }

  private renderComment(r: CommentRecord): TemplateResult {
    const t = this.t.moderation;
    const c = r.comment;
    const project = this.all.find((i) => i.project.id === c.projectId)?.project.title ?? c.projectId;
    const form = this.commentForm?.id === c.id ? this.commentForm.kind : undefined;
    const id = (what: string) => `${what}-${c.id}`;
    return html`<li class="card" style="padding:0.75em;border:var(--_border-width) solid var(--_border);border-radius:var(--_radius)">
      <p style="margin:0;white-space:pre-line">${c.body}</p>
      <p class="hint">${c.official ? t.officialBy(c.authorName ?? '') : (c.authorName ?? t.anonymous)} · ${formatDate(c.createdAt, state.locale, 'date')} · ${project}${c.parentId ? ` · ${t.isReply}` : ''}</p>
      ${r.reports.length
        ? html`<p class="hint" style="margin:0">${t.reports(r.reports.length)}: ${r.reports.map((x) => `${t.reportReasons[x.reason as keyof typeof t.reportReasons] ?? x.reason}${x.note ? ` («${x.note}»)` : ''}`).join('; ')}</p>`
        : nothing}
      ${r.note ? html`<p class="hint" style="margin:0">${t.reason}: ${r.note}</p>` : nothing}
      <div class="actions">
        ${c.status !== 'published' ? html`<button class="button" data-size="small" type="button" ?disabled=${this.busy} @click=${() => void this.moderateComment(c.id, 'published')}>${t.publish}</button>` : nothing}
        ${c.status !== 'hidden'
          ? html`<button class="button" data-variant="danger" data-size="small" type="button" aria-expanded=${form === 'hide' ? 'true' : 'false'} @click=${() => this.openCommentForm(c.id, 'hide')}>${t.hide}…</button>`
          : nothing}
        ${c.official
          ? nothing
          : html`<button class="button" data-size="small" type="button" aria-expanded=${form === 'answer' ? 'true' : 'false'} @click=${() => this.openCommentForm(c.id, 'answer')}>${t.answer}…</button>`}
      </div>
      ${form === 'hide'
        ? html`<form @submit=${(e: SubmitEvent) => void this.hideComment(e, c.id)}>
            <div class="field"><label for=${id('note')}>${t.hideNote}</label><textarea id=${id('note')} name="note" rows="2" maxlength="500"></textarea></div>
            <div class="actions">
              <button class="button" data-variant="danger" type="submit" ?disabled=${this.busy}>${t.hideConfirm}</button>
              <button class="button" type="button" @click=${() => (this.commentForm = undefined)}>${this.t.common.cancel}</button>
            </div>
          </form>`
        : nothing}
      ${form === 'answer'
        ? html`<form @submit=${(e: SubmitEvent) => void this.answerComment(e, r)}>
            <div class="field"><label for=${id('answer')}>${t.answerText}</label><textarea id=${id('answer')} name="body" rows="4" required maxlength="5000" aria-describedby=${id('answer-hint')}></textarea>
              <span class="hint" id=${id('answer-hint')}>${t.answerHint}</span></div>
            <div class="field"><label for=${id('signature')}>${t.signature}</label><input id=${id('signature')} name="authorName" required maxlength="200" .value=${t.signatureDefault} /></div>
            <div class="actions">
              <button class="button" data-variant="primary" type="submit" ?disabled=${this.busy}>${t.sendAnswer}</button>
              <button class="button" type="button" @click=${() => (this.commentForm = undefined)}>${this.t.common.cancel}</button>
            </div>
          </form>`
        : nothing}
    </li>`;
  }

  private openCommentForm(id: string, kind: 'hide' | 'answer'): void {
    this.commentForm = this.commentForm?.id === id && this.commentForm.kind === kind ? undefined : { id, kind };
    if (this.commentForm) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(`${kind === 'hide' ? 'note' : 'answer'}-${id}`)}`)?.focus());
  }

  private async hideComment(event: SubmitEvent, id: string): Promise<void> {
    event.preventDefault();
    const note = String(new FormData(event.target as HTMLFormElement).get('note') ?? '').trim();
    const done = await this.run(() => api('POST', `/admin/comments/${encodeURIComponent(id)}/moderation`, { status: 'hidden', ...(note ? { note } : {}) }), this.t.moderation.hidden);
    if (done) {
      this.commentForm = undefined;
      await this.loadComments();
    }
  }

  private async answerComment(event: SubmitEvent, r: CommentRecord): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const body = { body: String(data.get('body') ?? '').trim(), authorName: String(data.get('authorName') ?? '').trim() || this.t.moderation.signatureDefault, parentId: r.comment.parentId ?? r.comment.id };
    const done = await this.run(() => api('POST', `/admin/projects/${encodeURIComponent(r.comment.projectId)}/comments`, body), this.t.moderation.answered);
    if (done) {
      this.commentForm = undefined;
      await this.loadComments();
    }
  }

  private async moderateComment(id: string, status: 'published' | 'hidden'): Promise<void> {
    const done = await this.run(() => api('POST', `/admin/comments/${encodeURIComponent(id)}/moderation`, { status }), status === 'published' ? this.t.moderation.published : this.t.moderation.hidden);
    if (done) await this.loadComments();
  }
}
