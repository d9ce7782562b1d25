import { type Image, type UpdateItem, formatDate } from '@veche/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state as litState } from 'lit/decorators.js';
import { api, apiUpload } from '../api.ts';
import { Screen } from '../screen.ts';
import { state } from '../state.ts';
import type { AdminProject } from '../types.ts';

/**
 * News from the administration: publish an item (with photos described for those who cannot see
 * them) about the whole campaign or one project, see what residents see in the feed, take an item down.
 * A screen of its own (`#/c/<id>/news`), and with `project` the news part of the project editor.
 */
@customElement('veche-admin-news')
export class AdminNews extends Screen {
  /** Only this project's news, inside the project editor: no page heading, headings a level down. */
  @property() project?: string;

  @litState() private items: UpdateItem[] | undefined;
  @litState() private photos: Image[] = [];
  @litState() private projects: AdminProject[] = [];

  private get base(): string {
    return `/admin/campaigns/${encodeURIComponent(this.campaignId!)}`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if ((changed.has('project') || changed.has('campaignId')) && this.campaignId) void this.load();
  }

  private async load(): Promise<void> {
    this.items = undefined;
    this.photos = [];
    if (!this.project && this.projects.length === 0) {
      this.projects = await api<AdminProject[]>('GET', `${this.base}/projects?status=published,shortlisted,selected,not-selected,in-progress,done`).catch(() => []);
    }
    await this.loadItems();
  }

  private async loadItems(): Promise<void> {
    const path = this.project
      ? `/projects/${encodeURIComponent(this.project)}/updates?limit=50`
      : `/campaigns/${encodeURIComponent(this.campaignId!)}/updates?limit=50`;
    const page = await this.run(() => api<{ items: UpdateItem[] }>('GET', path));
    this.items = page?.items ?? [];
  }

  /** An h1 for the screen; h3 (under the editor's h2) inside the project editor. */
  private heading(id: string, text: string, top = false): TemplateResult {
    if (this.project) return html`<h3 id=${id}>${text}</h3>`;
    return top ? html`<h1 id=${id}>${text}</h1>` : html`<h2 id=${id}>${text}</h2>`;
  }

  override render(): TemplateResult {
    const t = this.t.news;
    const p = this.t.projects;
    const titleOf = (id: string | undefined) => (id ? (this.projects.find((x) => x.project.id === id)?.project.title ?? id) : t.wholeCampaign);
    return html`
      ${this.project ? nothing : html`${this.heading('news-page-title', t.title, true)}<p>${t.intro}</p>`}
      ${this.renderError()}
      <form class=${this.project ? '' : 'card'} @submit=${this.publish} aria-labelledby="news-title">
        ${this.heading('news-title', this.project ? p.news : t.add)}
        <p class="hint">${p.newsHint}</p>
        ${this.project
          ? nothing
          : html`<div class="field"><label for="n-project">${t.about}</label>
              <select id="n-project" name="projectId">
                <option value="">${t.wholeCampaign}</option>
                ${this.projects.map((x) => html`<option value=${x.project.id}>${x.project.title}</option>`)}
              </select></div>`}
        <div class="field"><label for="n-title">${p.newsTitle}</label><input id="n-title" name="title" required maxlength="300" /></div>
        <div class="field"><label for="n-text">${p.newsText}</label><textarea id="n-text" name="text" rows="3" maxlength="10000"></textarea></div>
        ${this.project
          ? nothing
          : html`<div class="field"><label for="n-link">${t.link}</label><input id="n-link" name="link" type="url" aria-describedby="n-link-hint" /><span class="hint" id="n-link-hint">${t.linkHint}</span></div>`}
        <ul class="plain row">${this.photos.map(
          (photo, j) => html`<li class="stack" style="max-width:14em">
            <img src=${photo.url} alt=${photo.alt} style="max-width:100%;max-height:8em" />
            <div class="field"><label for=${`n-alt-${j}`}>${p.alt}</label><input id=${`n-alt-${j}`} required .value=${photo.alt} @input=${(e: Event) => {
              const next = [...this.photos];
              next[j] = { ...photo, alt: (e.target as HTMLInputElement).value };
              this.photos = next;
            }} /></div>
            <button class="button" data-variant="danger" data-size="small" type="button" @click=${() => (this.photos = this.photos.filter((_, k) => k !== j))}>${p.removePhoto}</button>
          </li>`,
        )}</ul>
        ${state.can('administrator')
          ? html`<div class="field"><label for="n-photo">${p.addPhoto}</label>
              <input id="n-photo" type="file" accept="image/jpeg,image/png,image/webp" @change=${(e: Event) => void this.upload(e)} /></div>`
          : nothing}
        <button class="button" data-variant=${this.project ? nothing : 'primary'} type="submit" ?disabled=${this.busy}>${p.publishNews}</button>
      </form>
      ${this.heading('news-list-title', this.project ? p.newsList : t.list)}
      ${this.items === undefined
        ? html`<p>${this.t.app.loading}</p>`
        : this.items.length === 0
          ? html`<p class="hint">${this.project ? p.noNews : t.empty}</p>`
          : html`<ul class="plain stack" aria-labelledby="news-list-title">${this.items.map(
              (item) => html`<li style="padding:0.5em 0;border-bottom:var(--_border-width) solid var(--_border)">
                <p style="margin:0"><strong>${item.title}</strong> · <time datetime=${item.date}>${formatDate(item.date, state.locale, 'date')}</time>${item.photos.length ? ` · ${p.photos(item.photos.length)}` : ''}</p>
                <p class="hint" style="margin:0.25em 0 0">${t.kinds[item.kind]}${this.project ? '' : ` · ${titleOf(item.projectId)}`}</p>
                ${item.text ? html`<p style="margin:0.25em 0 0;white-space:pre-line">${item.text.length > 300 ? `${item.text.slice(0, 300)}…` : item.text}</p>` : nothing}
                ${item.kind === 'news'
                  ? html`<button class="button" data-variant="danger" data-size="small" type="button" ?disabled=${this.busy} @click=${() => void this.takeDown(item)} aria-label=${`${p.takeDown}: ${item.title}`}>${p.takeDown}</button>`
                  : nothing}
              </li>`,
            )}</ul>`}
    `;
  }

  private async upload(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const uploaded = await this.run(() => apiUpload<{ url: string; width: number; height: number }>(`${this.base}/uploads`, file), this.t.projects.uploaded);
    input.value = '';
    if (uploaded) {
      this.photos = [...this.photos, { url: uploaded.url, alt: '', width: uploaded.width, height: uploaded.height }];
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>(`#n-alt-${this.photos.length - 1}`)?.focus();
    }
  }

  private async publish(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const projectId = this.project ?? value('projectId');
    const body = {
      title: value('title'),
      ...(projectId ? { projectId } : {}),
      ...(value('text') ? { text: value('text') } : {}),
      ...(value('link') ? { link: value('link') } : {}),
      ...(this.photos.length ? { photos: this.photos } : {}),
    };
    const done = await this.run(() => api('POST', `${this.base}/updates`, body), this.t.projects.newsPublished);
    if (done) {
      form.reset();
      this.photos = [];
      await this.loadItems();
    }
  }

  private async takeDown(item: UpdateItem): Promise<void> {
    if (!confirm(this.t.projects.confirmTakeDown(item.title))) return;
    await this.run(() => api('DELETE', `${this.base}/updates/${encodeURIComponent(item.id)}`), this.t.projects.takenDown);
    if (!this.error) await this.loadItems();
  }
}
