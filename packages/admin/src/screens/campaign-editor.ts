import {
  CONSENT_KINDS,
  type CampaignInput,
  type ConsentText,
  DISTRICT_MODES,
  PHASE_IDS,
  type PhaseId,
  type ProjectInput,
  SIGN_IN_METHODS,
  VOTING_METHODS,
  formatDate,
  formatMoney,
} from '@veche/core';
import { MemoryAdapter } from '@veche/core/memory';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, state as litState } from 'lit/decorators.js';
import { api } from '../api.ts';
import { calendar, districtsFromGeoJson, fromLocalInput, newCampaign, previewCampaign, sampleProjects, slug, toLocalInput } from '../campaign-draft.ts';
import { Screen } from '../screen.ts';
import { navigate, state } from '../state.ts';
import type { AdminProject, CampaignDetail } from '../types.ts';

type Draft = CampaignInput & { districts: NonNullable<CampaignInput['districts']>; categories: NonNullable<CampaignInput['categories']>; consents: NonNullable<CampaignInput['consents']> };

const num = (value: string): number | undefined => (value.trim() === '' ? undefined : Number(value.replace(/\s/g, '').replace(',', '.')));

/**
 * The campaign editor: basics, phases with a calendar of the whole cycle, districts from GeoJSON on the
 * map, categories, voting rules with a live ballot preview (locked once voting opens), consent texts
 * with versions, sign-in methods, embedding origins; the phase controls that open a stage now.
 */
@customElement('veche-admin-campaign-editor')
export class AdminCampaignEditor extends Screen {
  @litState() private draft: Draft | undefined;
  @litState() private detail: CampaignDetail | undefined;
  @litState() private origins = '';
  @litState() private preview: MemoryAdapter | undefined;
  @litState() private previewProblem = '';
  @litState() private geoProblem = '';
  #ballotProjects: ProjectInput[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;

  private get isNew(): boolean {
    return !this.campaignId;
  }

  private get editable(): boolean {
    return state.can('administrator');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    if (this.isNew) {
      this.draft = newCampaign() as Draft;
      this.refreshPreview(0);
      return;
    }
    const detail = await this.run(() => api<CampaignDetail>('GET', `/admin/campaigns/${encodeURIComponent(this.campaignId!)}`));
    if (!detail) return;
    this.detail = detail;
    this.draft = structuredClone(detail.campaign) as Draft;
    this.origins = detail.embedOrigins.join('\n');
    const projects = await api<AdminProject[]>('GET', `/admin/campaigns/${encodeURIComponent(this.campaignId!)}/projects?status=shortlisted`).catch(() => []);
    this.#ballotProjects = projects.map((p) => p.project);
    this.refreshPreview(0);
  }

  /** Rebuilds the in-browser backend of the previews from the draft, a moment after the last change. */
  private refreshPreview(delay = 400): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      if (!this.draft) return;
      const shown = previewCampaign(this.draft);
      if ('problem' in shown) {
        this.previewProblem = shown.problem;
        return;
      }
      const projects = (this.#ballotProjects.length > 0 ? this.#ballotProjects : sampleProjects(shown.campaign, this.t.editor.sampleTitles)).map((p) => ({ ...p, campaignId: shown.campaign.id }));
      try {
        this.preview = new MemoryAdapter({ fixtures: [{ campaign: shown.campaign, projects }], storage: null });
        this.previewProblem = '';
      } catch (error) {
        this.previewProblem = error instanceof Error ? error.message : String(error);
      }
    }, delay);
  }

  private change(mutate: (d: Draft) => void, preview = true): void {
    const next = structuredClone(this.draft!);
    mutate(next);
    this.draft = next;
    if (preview) this.refreshPreview();
  }

  override render(): TemplateResult {
    const t = this.t.editor;
    const d = this.draft;
    if (!d) return html`<h1>${this.isNew ? t.newTitle : t.title}</h1>${this.renderError()}<p>${this.t.app.loading}</p>`;
    const locked = this.detail?.locked ?? false;
    return html`
      <h1>${this.isNew ? t.newTitle : d.title}</h1>
      ${this.detail ? this.renderStatus(this.detail) : nothing}
      <form @submit=${this.save} novalidate>
        <fieldset ?disabled=${!this.editable} class="stack">
          <legend>${t.basics}</legend>
          ${this.renderBasics(d, locked)}
        </fieldset>
        ${this.renderPhases(d)}
        ${this.renderDistricts(d, locked)}
        ${this.renderCategories(d)}
        ${this.renderRules(d, locked)}
        ${this.renderConsents(d)}
        ${this.renderSignIn(d)}
        <fieldset ?disabled=${!this.editable}>
          <legend>${t.origins}</legend>
          <div class="field">
            <label for="origins">${t.originsLabel}</label>
            <textarea id="origins" rows="4" class="code" aria-describedby="origins-hint" .value=${this.origins} @input=${(e: Event) => (this.origins = (e.target as HTMLTextAreaElement).value)}></textarea>
            <span class="hint" id="origins-hint">${t.originsHint}</span>
            ${this.renderIssue('origins', 'embedOrigins')}
          </div>
        </fieldset>
        ${this.renderError()}
        ${this.editable
          ? html`<div class="actions"><button class="button" data-variant="primary" type="submit" ?disabled=${this.busy}>${this.isNew ? t.create : t.save}</button></div>`
          : html`<p class="hint">${t.readOnly}</p>`}
      </form>
    `;
  }

  private renderStatus(detail: CampaignDetail): TemplateResult {
    const t = this.t.editor;
    const phase = detail.phase as PhaseId | null;
    return html`<section class="card" aria-labelledby="status-title">
      <h2 id="status-title">${t.status}</h2>
      <p>
        ${t.currentPhase}: <strong>${phase ? this.t.phases[phase] : t.noPhase}</strong>.
        ${t.counts(detail.counts.projects['submitted'] ?? 0, detail.counts.projects['shortlisted'] ?? 0, detail.counts.ballots)}
      </p>
      ${detail.locked ? html`<p class="alert" data-kind="info" id="locked-note">${t.locked}</p>` : nothing}
      ${this.editable
        ? html`<div class="actions" role="group" aria-label=${t.openNow}>
            ${detail.campaign.phases.map(
              (p) => html`<button class="button" data-size="small" type="button" ?disabled=${this.busy || p.id === phase} @click=${() => void this.movePhase(p.id)}>
                ${t.open(this.t.phases[p.id])}
              </button>`,
            )}
          </div>`
        : nothing}
    </section>`;
  }

  private async movePhase(phase: PhaseId): Promise<void> {
    const t = this.t.editor;
    if (!confirm(t.confirmPhase(this.t.phases[phase]))) return;
    const done = await this.run(() => api('POST', `/admin/campaigns/${encodeURIComponent(this.campaignId!)}/phase`, { phase }), t.phaseMoved(this.t.phases[phase]));
    if (done) await this.load();
  }

  private input(id: string, label: string, value: string | number | undefined, set: (value: string) => void, opts: { type?: string; hint?: string; field?: string; required?: boolean; disabled?: boolean; pattern?: string } = {}): TemplateResult {
    const issue = opts.field ? this.issue(opts.field) : undefined;
    const described = [opts.hint ? `${id}-hint` : '', issue ? `${id}-issue` : ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for=${id}>${label}${opts.required ? html` <span aria-hidden="true">*</span>` : nothing}</label>
      <input
        id=${id}
        type=${opts.type ?? 'text'}
        .value=${value === undefined ? '' : String(value)}
        ?required=${opts.required}
        ?disabled=${opts.disabled}
        pattern=${opts.pattern ?? nothing}
        aria-invalid=${issue ? 'true' : 'false'}
        aria-describedby=${described || nothing}
        @input=${(e: Event) => set((e.target as HTMLInputElement).value)}
      />
      ${opts.hint ? html`<span class="hint" id=${`${id}-hint`}>${opts.hint}</span>` : nothing}
      ${issue ? html`<span class="issue" id=${`${id}-issue`}>${issue}</span>` : nothing}
    </div>`;
  }

  private renderBasics(d: Draft, locked: boolean): TemplateResult {
    const t = this.t.editor;
    const field = (name: string) => `campaign.${name}`;
    return html`<div class="grid">
        ${this.input('c-title', t.fields.title, d.title, (v) => this.change((x) => {
          x.title = v;
          if (this.isNew && (!x.id || x.id === slug(d.title))) x.id = slug(v);
        }), { required: true, field: field('title') })}
        ${this.input('c-id', t.fields.id, d.id, (v) => this.change((x) => void (x.id = v.trim())), { required: true, disabled: !this.isNew, hint: t.fields.idHint, field: field('id') })}
        ${this.input('c-municipality', t.fields.municipality, d.municipality, (v) => this.change((x) => void (x.municipality = v), false), { required: true, field: field('municipality') })}
        ${this.input('c-region', t.fields.region, d.region, (v) => this.change((x) => void (x.region = v || undefined), false), { field: field('region') })}
        ${this.input('c-budget', t.fields.budget, d.budget || '', (v) => this.change((x) => void (x.budget = num(v) ?? 0)), { type: 'number', required: true, disabled: locked, hint: d.budget ? formatMoney(d.budget, state.locale) : t.fields.budgetHint, field: field('budget') })}
        ${this.input('c-population16', t.fields.population16, d.population16, (v) => this.change((x) => void (x.population16 = num(v)), false), { type: 'number', hint: t.fields.population16Hint, field: field('population16') })}
        ${this.input('c-url', t.fields.url, d.url, (v) => this.change((x) => void (x.url = v.trim() || undefined), false), { type: 'url', hint: t.fields.urlHint, field: field('url') })}
        <div class="field">
          <label for="c-visibility">${t.fields.visibility}</label>
          <select id="c-visibility" @change=${(e: Event) => this.change((x) => void (x.voteVisibility = (e.target as HTMLSelectElement).value as 'always'))}>
            ${(['after-close', 'always'] as const).map((v) => html`<option value=${v} ?selected=${(d.voteVisibility ?? 'after-close') === v}>${t.visibility[v]}</option>`)}
          </select>
        </div>
      </div>
      <div class="field">
        <label for="c-description">${t.fields.description}</label>
        <textarea id="c-description" rows="3" .value=${d.description ?? ''} @input=${(e: Event) => this.change((x) => void (x.description = (e.target as HTMLTextAreaElement).value || undefined), false)}></textarea>
      </div>
      <label class="check"><input type="checkbox" .checked=${d.allowRevote ?? true} @change=${(e: Event) => this.change((x) => void (x.allowRevote = (e.target as HTMLInputElement).checked))} /> ${t.fields.allowRevote}</label>`;
  }

  private renderPhases(d: Draft): TemplateResult {
    const t = this.t.editor;
    const cal = calendar(d.phases);
    const present = new Set(d.phases.map((p) => p.id));
    return html`<fieldset ?disabled=${!this.editable}>
      <legend>${t.phasesTitle}</legend>
      <figure class="calendar" style="margin:0 0 1em">
        <figcaption class="hint">${t.calendarCaption}</figcaption>
        <ol class="plain" style="display:grid;gap:0.35em;margin-top:0.5em">
          ${d.phases.map((p, i) => {
            const bar = cal.bars[i]!;
            return html`<li style="display:grid;grid-template-columns:minmax(8em,12em) 1fr;gap:0.5em;align-items:center">
              <span><strong>${this.t.phases[p.id]}</strong><br /><span class="hint">${formatDate(p.start, state.locale, 'date')} – ${formatDate(p.end, state.locale, 'date')}</span></span>
              <span aria-hidden="true" style="position:relative;display:block;height:1.25em;background:var(--_track);border-radius:var(--_radius)">
                <span style=${`position:absolute;inset-block:0;inset-inline-start:${bar.left}%;width:${bar.width}%;background:var(--_primary);border-radius:var(--_radius)`}></span>
                ${cal.today !== null ? html`<span style=${`position:absolute;inset-block:-0.2em;inset-inline-start:${cal.today}%;border-inline-start:2px solid var(--_danger)`}></span>` : nothing}
              </span>
            </li>`;
          })}
        </ol>
        <p class="hint" aria-hidden="true" style="display:flex;flex-wrap:wrap;gap:0.25em 1em">
          ${cal.months.map((m) => html`<span>${m.date.toLocaleDateString(state.locale === 'en' ? 'en-GB' : 'ru-RU', { month: 'short', year: 'numeric' })}</span>`)}
          ${cal.today !== null ? html`<span style="color:var(--_danger)">│ ${t.today}</span>` : nothing}
        </p>
      </figure>
      <div class="table-wrap"><table>
        <caption class="sr-only">${t.phasesTitle}</caption>
        <thead><tr><th scope="col">${t.phase}</th><th scope="col">${t.starts}</th><th scope="col">${t.ends}</th></tr></thead>
        <tbody>
          ${PHASE_IDS.map((id) => {
            const p = d.phases.find((x) => x.id === id);
            return html`<tr>
              <th scope="row"><label class="check"><input type="checkbox" .checked=${present.has(id)} @change=${(e: Event) => this.togglePhase(id, (e.target as HTMLInputElement).checked)} /> ${this.t.phases[id]}</label></th>
              <td>${p ? html`<input type="datetime-local" aria-label=${`${this.t.phases[id]}: ${t.starts}`} .value=${toLocalInput(p.start)} @change=${(e: Event) => this.setDate(id, 'start', (e.target as HTMLInputElement).value)} />` : '—'}</td>
              <td>${p ? html`<input type="datetime-local" aria-label=${`${this.t.phases[id]}: ${t.ends}`} .value=${toLocalInput(p.end)} @change=${(e: Event) => this.setDate(id, 'end', (e.target as HTMLInputElement).value)} />` : '—'}</td>
            </tr>`;
          })}
        </tbody>
      </table></div>
      ${this.renderIssue('phases', 'campaign.phases')}
    </fieldset>`;
  }

  private togglePhase(id: PhaseId, on: boolean): void {
    this.change((x) => {
      if (!on) {
        x.phases = x.phases.filter((p) => p.id !== id);
        return;
      }
      const index = PHASE_IDS.indexOf(id);
      const before = x.phases.filter((p) => PHASE_IDS.indexOf(p.id) < index).at(-1);
      const start = before ? Date.parse(before.end) : Date.now();
      x.phases = [...x.phases, { id, start: new Date(start).toISOString(), end: new Date(start + 14 * 86_400_000).toISOString() }].sort((a, b) => PHASE_IDS.indexOf(a.id) - PHASE_IDS.indexOf(b.id));
    });
  }

  private setDate(id: PhaseId, which: 'start' | 'end', value: string): void {
    const iso = fromLocalInput(value);
    if (!iso) return;
    this.change((x) => {
      const p = x.phases.find((q) => q.id === id);
      if (p) p[which] = iso;
    });
  }

  private renderDistricts(d: Draft, locked: boolean): TemplateResult {
    const t = this.t.editor;
    return html`<fieldset ?disabled=${!this.editable}>
      <legend>${t.districts}</legend>
      <div class="field">
        <label for="geojson">${t.geojson}</label>
        <input id="geojson" type="file" accept=".geojson,.json,application/geo+json,application/json" aria-describedby="geojson-hint" @change=${this.uploadGeoJson} />
        <span class="hint" id="geojson-hint">${t.geojsonHint}</span>
        ${this.geoProblem ? html`<span class="issue" role="alert">${this.geoProblem}</span>` : nothing}
      </div>
      ${d.districts.length === 0
        ? html`<p class="hint">${t.noDistricts}</p>`
        : html`<ul class="plain stack">
            ${d.districts.map(
              (district, i) => html`<li class="row">
                ${this.input(`d-name-${i}`, t.districtName, district.name, (v) => this.change((x) => void (x.districts[i]!.name = v)))}
                ${this.input(`d-id-${i}`, t.districtId, district.id, (v) => this.change((x) => void (x.districts[i]!.id = v.trim())))}
                ${this.input(`d-budget-${i}`, t.districtBudget, district.budget, (v) => this.change((x) => void (x.districts[i]!.budget = num(v))), { type: 'number', disabled: locked })}
                ${this.input(`d-pop-${i}`, t.fields.population16, district.population16, (v) => this.change((x) => void (x.districts[i]!.population16 = num(v)), false), { type: 'number' })}
                <button class="button" data-variant="danger" data-size="small" type="button" ?disabled=${locked} @click=${() => this.change((x) => void x.districts.splice(i, 1))}>${t.remove(district.name)}</button>
              </li>`,
            )}
          </ul>
          <h2>${t.map}</h2>
          ${this.preview
            ? html`<veche-project-map .adapter=${this.preview} campaign=${d.id || 'preview'} lang=${state.locale} style="height:22em"></veche-project-map>`
            : nothing}`}
      ${this.renderIssue('districts', 'campaign.districts')}
    </fieldset>`;
  }

  private async uploadGeoJson(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    try {
      const districts = districtsFromGeoJson(await file.text());
      this.geoProblem = '';
      this.change((x) => void (x.districts = districts));
      state.announce(this.t.editor.districtsLoaded(districts.length));
    } catch (error) {
      this.geoProblem = this.t.editor.geojsonBad(error instanceof Error ? error.message : String(error));
    }
  }

  private renderCategories(d: Draft): TemplateResult {
    const t = this.t.editor;
    return html`<fieldset ?disabled=${!this.editable}>
      <legend>${t.categories}</legend>
      <ul class="plain stack">
        ${d.categories.map(
          (c, i) => html`<li class="row">
            ${this.input(`cat-name-${i}`, t.categoryName, c.name, (v) => this.change((x) => {
              const cat = x.categories[i]!;
              if (!cat.id || cat.id === slug(c.name)) cat.id = slug(v) || `c${i + 1}`;
              cat.name = v;
            }))}
            ${this.input(`cat-id-${i}`, t.districtId, c.id, (v) => this.change((x) => void (x.categories[i]!.id = v.trim())))}
            <div class="field"><label for=${`cat-color-${i}`}>${t.color}</label><input id=${`cat-color-${i}`} type="color" .value=${c.color ?? '#1a7f5a'} @input=${(e: Event) => this.change((x) => void (x.categories[i]!.color = (e.target as HTMLInputElement).value))} /></div>
            <button class="button" data-variant="danger" data-size="small" type="button" @click=${() => this.change((x) => void x.categories.splice(i, 1))}>${t.remove(c.name)}</button>
          </li>`,
        )}
      </ul>
      <button class="button" data-size="small" type="button" @click=${() => this.change((x) => void x.categories.push({ id: '', name: '' }))}>${t.addCategory}</button>
      ${this.renderIssue('categories', 'campaign.categories')}
    </fieldset>`;
  }

  private renderRules(d: Draft, locked: boolean): TemplateResult {
    const t = this.t.editor;
    const r = d.votingRules;
    const set = (mutate: (rules: Draft['votingRules']) => void) => this.change((x) => mutate(x.votingRules));
    return html`<fieldset ?disabled=${!this.editable || locked} aria-describedby=${locked ? 'rules-locked' : nothing}>
      <legend>${t.rules}</legend>
      ${locked ? html`<p class="alert" data-kind="info" id="rules-locked">${t.rulesLocked}</p>` : nothing}
      <div class="grid">
        <div class="field">
          <label for="r-method">${t.method}</label>
          <select id="r-method" aria-describedby="r-method-hint" @change=${(e: Event) => set((x) => {
            x.method = (e.target as HTMLSelectElement).value as Draft['votingRules']['method'];
            if (x.method === 'cumulative' && !x.points) x.points = 10;
          })}>
            ${VOTING_METHODS.map((m) => html`<option value=${m} ?selected=${r.method === m}>${t.methods[m]}</option>`)}
          </select>
          <span class="hint" id="r-method-hint">${t.methodHints[r.method]}</span>
        </div>
        ${this.input('r-min', t.minProjects, r.minProjects, (v) => set((x) => void (x.minProjects = num(v))), { type: 'number', field: 'campaign.votingRules.minProjects' })}
        ${this.input('r-max', t.maxProjects, r.maxProjects, (v) => set((x) => void (x.maxProjects = num(v))), { type: 'number', field: 'campaign.votingRules.maxProjects' })}
        ${r.method === 'knapsack'
          ? html`${this.input('r-budget', t.ballotBudget, r.budget, (v) => set((x) => void (x.budget = num(v))), { type: 'number', hint: t.ballotBudgetHint })}
            ${this.input('r-spend', t.minSpend, r.minSpendShare === undefined ? undefined : Math.round(r.minSpendShare * 100), (v) => set((x) => void (x.minSpendShare = num(v) === undefined ? undefined : num(v)! / 100)), { type: 'number', hint: t.minSpendHint })}`
          : nothing}
        ${r.method === 'cumulative'
          ? html`${this.input('r-points', t.points, r.points, (v) => set((x) => void (x.points = num(v))), { type: 'number', field: 'campaign.votingRules.points' })}
            ${this.input('r-ppp', t.pointsPerProject, r.maxPointsPerProject, (v) => set((x) => void (x.maxPointsPerProject = num(v))), { type: 'number' })}`
          : nothing}
        ${d.districts.length > 0
          ? html`<div class="field">
              <label for="r-districts">${t.districtMode}</label>
              <select id="r-districts" @change=${(e: Event) => set((x) => void (x.districtMode = ((e.target as HTMLSelectElement).value || undefined) as 'one' | undefined))}>
                <option value="" ?selected=${!r.districtMode}>${t.districtModes.none}</option>
                ${DISTRICT_MODES.map((m) => html`<option value=${m} ?selected=${r.districtMode === m}>${t.districtModes[m]}</option>`)}
              </select>
            </div>`
          : nothing}
      </div>
      ${this.renderIssue('rules', 'campaign.votingRules')}
      <h2 id="preview-title">${t.preview}</h2>
      <p class="hint">${t.previewHint}</p>
      <div class="preview" role="region" aria-labelledby="preview-title">
        ${this.previewProblem
          ? html`<p class="hint">${t.previewProblem(this.previewProblem)}</p>`
          : this.preview
            ? html`<veche-budget-ballot .adapter=${this.preview} campaign=${d.id || 'preview'} lang=${state.locale}></veche-budget-ballot>`
            : html`<p>${this.t.app.loading}</p>`}
      </div>
    </fieldset>`;
  }

  private renderConsents(d: Draft): TemplateResult {
    const t = this.t.editor;
    const saved = this.detail?.campaign.consents ?? [];
    return html`<fieldset ?disabled=${!this.editable}>
      <legend>${t.consents}</legend>
      <p class="hint">${t.consentsHint}</p>
      <ul class="plain stack">
        ${d.consents.map((c, i) => {
          const old = saved.find((s) => s.kind === c.kind && s.version === c.version);
          const stale = old !== undefined && old.text !== c.text;
          return html`<li class="card" style="padding:0.75em;border:var(--_border-width) solid var(--_border);border-radius:var(--_radius)">
            <div class="row">
              <div class="field">
                <label for=${`cs-kind-${i}`}>${t.consentKind}</label>
                <select id=${`cs-kind-${i}`} @change=${(e: Event) => this.change((x) => void (x.consents[i]!.kind = (e.target as HTMLSelectElement).value as ConsentText['kind']), false)}>
                  ${CONSENT_KINDS.map((k) => html`<option value=${k} ?selected=${c.kind === k}>${t.consentKinds[k]}</option>`)}
                </select>
              </div>
              ${this.input(`cs-version-${i}`, t.version, c.version, (v) => this.change((x) => void (x.consents[i]!.version = v), false), { field: `campaign.consents[${i}].version` })}
              <label class="check"><input type="checkbox" .checked=${c.required} @change=${(e: Event) => this.change((x) => void (x.consents[i]!.required = (e.target as HTMLInputElement).checked), false)} /> ${t.required}</label>
            </div>
            <div class="field">
              <label for=${`cs-text-${i}`}>${t.consentText}</label>
              <textarea id=${`cs-text-${i}`} rows="4" aria-describedby=${stale ? `cs-stale-${i}` : nothing} .value=${c.text} @input=${(e: Event) => this.change((x) => void (x.consents[i]!.text = (e.target as HTMLTextAreaElement).value), false)}></textarea>
              ${stale ? html`<span class="issue" id=${`cs-stale-${i}`}>${t.newVersionNeeded}</span>` : nothing}
            </div>
            <div class="actions">
              <button class="button" data-size="small" type="button" @click=${() => this.change((x) => void (x.consents[i]!.version = nextVersion(c.version)), false)}>${t.bumpVersion}</button>
              <button class="button" data-variant="danger" data-size="small" type="button" @click=${() => this.change((x) => void x.consents.splice(i, 1), false)}>${t.remove(t.consentKinds[c.kind])}</button>
            </div>
          </li>`;
        })}
      </ul>
      <button class="button" data-size="small" type="button" @click=${() => this.change((x) => void x.consents.push({ kind: 'notifications', version: '1', text: '', required: false }), false)}>${t.addConsent}</button>
    </fieldset>`;
  }

  private renderSignIn(d: Draft): TemplateResult {
    const t = this.t.editor;
    const policy = d.signIn ?? { ideas: [], support: [], voting: [] };
    return html`<fieldset ?disabled=${!this.editable}>
      <legend>${t.signIn}</legend>
      <p class="hint">${t.signInHint}</p>
      <div class="grid">
        ${(['ideas', 'support', 'voting'] as const).map(
          (action) => html`<fieldset style="margin:0">
            <legend>${t.signInFor[action]}</legend>
            ${SIGN_IN_METHODS.map(
              (m) => html`<label class="check"><input type="checkbox" .checked=${(policy[action] ?? []).includes(m)} @change=${(e: Event) => this.change((x) => {
                const list = new Set(x.signIn?.[action] ?? []);
                if ((e.target as HTMLInputElement).checked) list.add(m);
                else list.delete(m);
                x.signIn = { ideas: [], support: [], voting: [], ...x.signIn, [action]: SIGN_IN_METHODS.filter((s) => list.has(s)) };
              }, false)} /> ${t.methodsSignIn[m]}</label>`,
            )}
          </fieldset>`,
        )}
      </div>
    </fieldset>`;
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = this.t.editor;
    const d = this.draft!;
    const stale = d.consents.some((c) => (this.detail?.campaign.consents ?? []).some((s) => s.kind === c.kind && s.version === c.version && s.text !== c.text));
    if (stale) {
      state.announce(t.newVersionNeeded, 'error');
      return;
    }
    const embedOrigins = this.origins.split(/[\s,]+/).map((o) => o.trim().replace(/\/$/, '')).filter(Boolean);
    const campaign = { ...d, votingRules: clean(d.votingRules) };
    const saved = this.isNew
      ? await this.run(() => api('POST', '/admin/campaigns', { campaign, embedOrigins }), t.created)
      : await this.run(() => api('PUT', `/admin/campaigns/${encodeURIComponent(d.id)}`, { campaign, embedOrigins }), t.saved);
    if (!saved) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"], .issue')?.scrollIntoView?.({ block: 'center' });
      return;
    }
    if (this.isNew) navigate(`/c/${encodeURIComponent(d.id)}/settings`);
    else await this.load();
  }
}

/** Drops empty optional numbers so the server sees only what was set. */
function clean<T extends object>(rules: T): T {
  return Object.fromEntries(Object.entries(rules).filter(([, v]) => v !== undefined && !(typeof v === 'number' && Number.isNaN(v)))) as T;
}

/** `1` → `2`, `2026-1` → `2026-2`, `v3` → `v4`; otherwise `-2` is added. */
export function nextVersion(version: string): string {
  const match = /^(.*?)(\d+)$/.exec(version);
  return match ? `${match[1]}${Number(match[2]) + 1}` : `${version}-2`;
}
