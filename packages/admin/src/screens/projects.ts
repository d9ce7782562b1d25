import { type Campaign, FUNDING_SOURCES, type FundingSource, type Milestone, PROJECT_STATUSES, type Project, type ProjectStatus, formatMoney } from '@veche/core';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, state as litState } from 'lit/decorators.js';
import { api, apiUpload } from '../api.ts';
import { slug } from '../campaign-draft.ts';
import { Screen } from '../screen.ts';
import { state } from '../state.ts';
import type { AdminProject, CampaignDetail } from '../types.ts';

const emptyProject = (campaignId: string): Project => ({
  id: '',
  campaignId,
  title: '',
  cost: 0,
  status: 'shortlisted',
  categoryIds: [],
  images: [],
  coFunding: [],
  milestones: [],
  createdAt: new Date().toISOString(),
});

/**
 * Projects after ideas: status, cost after review, co-financing by source, milestones with photos,
 * progress, and news items about the project.
 */
@customElement('veche-admin-projects')
export class AdminProjects extends Screen {
  @litState() private campaign: Campaign | undefined;
  @litState() private items: AdminProject[] | undefined;
  @litState() private editing: Project | undefined;
  @litState() private isNew = false;
  @litState() private status = 'all';

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
    const status = this.status === 'all' ? PROJECT_STATUSES.filter((s) => s !== 'submitted' && s !== 'rejected').join(',') : this.status;
    this.items = await this.run(() => api<AdminProject[]>('GET', `${this.base}/projects?status=${status}`));
  }

  override render(): TemplateResult {
    const t = this.t.projects;
    return html`
      <h1>${t.title}</h1>
      ${this.renderError()}
      <div class="row">
        <div class="field" style="max-width:20em">
          <label for="p-filter">${this.t.moderation.status}</label>
          <select id="p-filter" @change=${(e: Event) => {
            this.status = (e.target as HTMLSelectElement).value;
            void this.load();
          }}>
            <option value="all">${t.onBallotAndAfter}</option>
            ${PROJECT_STATUSES.map((s) => html`<option value=${s} ?selected=${this.status === s}>${this.t.statuses[s]}</option>`)}
          </select>
        </div>
        <button class="button" data-variant="primary" type="button" @click=${() => this.edit(emptyProject(this.campaignId!), true)}>${t.add}</button>
      </div>
      ${this.items === undefined
        ? html`<p>${this.t.app.loading}</p>`
        : this.items.length === 0
          ? html`<p>${t.empty}</p>`
          : html`<div class="table-wrap"><table>
              <caption class="sr-only">${t.title}</caption>
              <thead><tr><th scope="col">${t.project}</th><th scope="col">${this.t.moderation.status}</th><th scope="col" class="number">${t.cost}</th><th scope="col" class="number">${t.supports}</th><th scope="col" class="number">${t.progress}</th></tr></thead>
              <tbody>${this.items.map(
                (i) => html`<tr>
                  <th scope="row"><button class="link" style="background:none;border:0;padding:0;text-align:start;cursor:pointer;font:inherit;font-weight:600;min-height:2.75em" type="button" @click=${() => this.edit(i.project)}>${i.project.title}</button></th>
                  <td><span class="badge">${this.t.statuses[i.project.status]}</span></td>
                  <td class="number">${formatMoney(i.project.cost, state.locale)}</td>
                  <td class="number">${i.supports}</td>
                  <td class="number">${i.project.progress ?? 0} %</td>
                </tr>`,
              )}</tbody>
            </table></div>`}
      ${this.editing ? this.renderEditor(this.editing) : nothing}
    `;
  }

  private edit(project: Project, isNew = false): void {
    this.editing = structuredClone(project);
    this.isNew = isNew;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#project-title')?.focus());
  }

  private set(mutate: (p: Project) => void): void {
    const next = structuredClone(this.editing!);
    mutate(next);
    this.editing = next;
  }

  private renderEditor(p: Project): TemplateResult {
    const t = this.t.projects;
    const c = this.campaign;
    const funded = p.coFunding.reduce((s, f) => s + f.amount, 0);
    return html`<section class="card" aria-labelledby="project-title">
      <h2 id="project-title" tabindex="-1">${this.isNew ? t.add : p.title}</h2>
      <form @submit=${this.save}>
        <div class="grid">
          <div class="field"><label for="p-title">${t.fields.title}</label><input id="p-title" required .value=${p.title} @input=${(e: Event) => this.set((x) => {
            const v = (e.target as HTMLInputElement).value;
            if (this.isNew && (!x.id || x.id === `${this.campaignId}-${slug(x.title)}`)) x.id = `${this.campaignId}-${slug(v)}`.slice(0, 64);
            x.title = v;
          })} /></div>
          ${this.isNew ? html`<div class="field"><label for="p-id">${t.fields.id}</label><input id="p-id" required .value=${p.id} @input=${(e: Event) => this.set((x) => void (x.id = (e.target as HTMLInputElement).value.trim()))} /></div>` : nothing}
          <div class="field">
            <label for="p-status">${this.t.moderation.status}</label>
            <select id="p-status" @change=${(e: Event) => this.set((x) => void (x.status = (e.target as HTMLSelectElement).value as ProjectStatus))}>
              ${PROJECT_STATUSES.map((s) => html`<option value=${s} ?selected=${p.status === s}>${this.t.statuses[s]}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="p-cost">${t.fields.cost}</label>
            <input id="p-cost" type="number" min="0" required aria-describedby="p-cost-hint" .value=${String(p.cost)} @input=${(e: Event) => this.set((x) => void (x.cost = Number((e.target as HTMLInputElement).value) || 0))} />
            <span class="hint" id="p-cost-hint">${t.costHint} ${formatMoney(p.cost, state.locale)}</span>
          </div>
          ${c && c.districts.length > 0
            ? html`<div class="field"><label for="p-district">${t.fields.district}</label><select id="p-district" @change=${(e: Event) => this.set((x) => void (x.districtId = (e.target as HTMLSelectElement).value || undefined))}>
                <option value="">—</option>${c.districts.map((d) => html`<option value=${d.id} ?selected=${p.districtId === d.id}>${d.name}</option>`)}</select></div>`
            : nothing}
          <div class="field"><label for="p-progress">${t.progress}</label><input id="p-progress" type="number" min="0" max="100" .value=${String(p.progress ?? 0)} @input=${(e: Event) => this.set((x) => void (x.progress = Number((e.target as HTMLInputElement).value) || 0))} /></div>
        </div>
        <div class="field"><label for="p-summary">${t.fields.summary}</label><textarea id="p-summary" rows="2" .value=${p.summary ?? ''} @input=${(e: Event) => this.set((x) => void (x.summary = (e.target as HTMLTextAreaElement).value || undefined))}></textarea></div>
        <div class="field"><label for="p-note">${t.fields.note}</label><textarea id="p-note" rows="2" .value=${p.statusNote ?? ''} @input=${(e: Event) => this.set((x) => void (x.statusNote = (e.target as HTMLTextAreaElement).value || undefined))}></textarea></div>
        ${c && c.categories.length > 0
          ? html`<fieldset><legend>${t.fields.categories}</legend>${c.categories.map(
              (cat) => html`<label class="check"><input type="checkbox" .checked=${p.categoryIds.includes(cat.id)} @change=${(e: Event) => this.set((x) => {
                x.categoryIds = (e.target as HTMLInputElement).checked ? [...x.categoryIds, cat.id] : x.categoryIds.filter((id) => id !== cat.id);
              })} /> ${cat.name}</label>`,
            )}</fieldset>`
          : nothing}

        <fieldset>
          <legend>${t.coFunding}</legend>
          <p class="hint">${t.coFundingTotal(formatMoney(funded, state.locale), formatMoney(p.cost, state.locale))}</p>
          <ul class="plain stack">${p.coFunding.map(
            (f, i) => html`<li class="row">
              <div class="field"><label for=${`cf-source-${i}`}>${t.source}</label><select id=${`cf-source-${i}`} @change=${(e: Event) => this.set((x) => void (x.coFunding[i]!.source = (e.target as HTMLSelectElement).value as FundingSource))}>
                ${FUNDING_SOURCES.map((s) => html`<option value=${s} ?selected=${f.source === s}>${this.t.sources[s]}</option>`)}</select></div>
              <div class="field"><label for=${`cf-amount-${i}`}>${t.amount}</label><input id=${`cf-amount-${i}`} type="number" min="0" .value=${String(f.amount)} @input=${(e: Event) => this.set((x) => void (x.coFunding[i]!.amount = Number((e.target as HTMLInputElement).value) || 0))} /></div>
              <div class="field"><label for=${`cf-note-${i}`}>${t.who}</label><input id=${`cf-note-${i}`} .value=${f.note ?? ''} @input=${(e: Event) => this.set((x) => void (x.coFunding[i]!.note = (e.target as HTMLInputElement).value || undefined))} /></div>
              <button class="button" data-variant="danger" data-size="small" type="button" @click=${() => this.set((x) => void x.coFunding.splice(i, 1))}>${t.remove}<span class="sr-only"> ${this.t.sources[f.source]}</span></button>
            </li>`,
          )}</ul>
          <button class="button" data-size="small" type="button" @click=${() => this.set((x) => void x.coFunding.push({ source: 'municipal', amount: 0 }))}>${t.addSource}</button>
        </fieldset>

        <fieldset>
          <legend>${t.milestones}</legend>
          <ol class="stack">${p.milestones.map((m, i) => this.renderMilestone(m, i))}</ol>
          <button class="button" data-size="small" type="button" @click=${() => this.set((x) => void x.milestones.push({ id: `m${x.milestones.length + 1}`, title: '', done: false, photos: [] }))}>${t.addMilestone}</button>
        </fieldset>
        <div class="actions">
          <button class="button" data-variant="primary" type="submit" ?disabled=${this.busy}>${t.save}</button>
          <button class="button" type="button" @click=${() => (this.editing = undefined)}>${this.t.common.close}</button>
        </div>
      </form>
      ${this.isNew ? nothing : html`<veche-admin-news campaignId=${this.campaignId!} project=${p.id}></veche-admin-news>`}
    </section>`;
  }

  private renderMilestone(m: Milestone, i: number): TemplateResult {
    const t = this.t.projects;
    const set = (mutate: (x: Milestone) => void) => this.set((p) => mutate(p.milestones[i]!));
    return html`<li>
      <div class="row">
        <div class="field"><label for=${`ms-title-${i}`}>${t.milestoneTitle}</label><input id=${`ms-title-${i}`} required .value=${m.title} @input=${(e: Event) => set((x) => void (x.title = (e.target as HTMLInputElement).value))} /></div>
        <div class="field"><label for=${`ms-date-${i}`}>${t.date}</label><input id=${`ms-date-${i}`} type="date" .value=${m.date ?? ''} @input=${(e: Event) => set((x) => void (x.date = (e.target as HTMLInputElement).value || undefined))} /></div>
        <label class="check"><input type="checkbox" .checked=${m.done} @change=${(e: Event) => set((x) => void (x.done = (e.target as HTMLInputElement).checked))} /> ${t.done}</label>
      </div>
      <ul class="plain row">${m.photos.map(
        (photo, j) => html`<li class="stack" style="max-width:14em">
          <img src=${photo.url} alt=${photo.alt} style="max-width:100%;max-height:8em" />
          <div class="field"><label for=${`ms-alt-${i}-${j}`}>${t.alt}</label><input id=${`ms-alt-${i}-${j}`} .value=${photo.alt} @input=${(e: Event) => set((x) => void (x.photos[j]!.alt = (e.target as HTMLInputElement).value))} /></div>
          <button class="button" data-variant="danger" data-size="small" type="button" @click=${() => set((x) => void x.photos.splice(j, 1))}>${t.removePhoto}</button>
        </li>`,
      )}</ul>
      <div class="actions">
        ${state.can('administrator')
          ? html`<span class="field" style="margin:0"><label for=${`ms-photo-${i}`}>${t.addPhoto}</label>
              <input id=${`ms-photo-${i}`} type="file" accept="image/jpeg,image/png,image/webp" @change=${(e: Event) => void this.upload(i, e)} /></span>`
          : nothing}
        <button class="button" data-variant="danger" data-size="small" type="button" @click=${() => this.set((p) => void p.milestones.splice(i, 1))}>${t.removeMilestone}</button>
      </div>
    </li>`;
  }

  private async upload(index: number, event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    const uploaded = await this.run(() => apiUpload<{ url: string; width: number; height: number }>(`${this.base}/uploads`, file), this.t.projects.uploaded);
    if (uploaded) this.set((p) => void p.milestones[index]!.photos.push({ url: uploaded.url, alt: '', width: uploaded.width, height: uploaded.height }));
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const p = { ...this.editing!, updatedAt: new Date().toISOString() };
    const saved = await this.run(() => api<Project>('PUT', `/admin/projects/${encodeURIComponent(p.id)}`, p), this.t.projects.saved);
    if (saved) {
      this.editing = saved;
      this.isNew = false;
      await this.load();
    }
  }
}
