import { type Campaign, type ParticipationEntry, type ParticipationReport, formatMoney, formatNumber, formatShare, resultsPublished } from '@veche/core';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, state as litState } from 'lit/decorators.js';
import { api, apiText, download } from '../api.ts';
import { Screen } from '../screen.ts';
import { state } from '../state.ts';
import type { CampaignDetail, ResultsPreview } from '../types.ts';

/** Results before and after publication, publishing, exports, and the participation report with offline counts. */
@customElement('veche-admin-results')
export class AdminResults extends Screen {
  @litState() private detail: CampaignDetail | undefined;
  @litState() private preview: ResultsPreview | undefined;
  @litState() private participation: ParticipationReport | undefined;
  /** What was entered for the campaign's year: the form shows it and changes only the offline counts. */
  @litState() private entry: ParticipationEntry | undefined;

  private get base(): string {
    return `/admin/campaigns/${encodeURIComponent(this.campaignId!)}`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    this.detail = await this.run(() => api<CampaignDetail>('GET', this.base));
    this.preview = await this.run(() => api<ResultsPreview>('GET', `${this.base}/results`));
    this.participation = await api<ParticipationReport>('GET', `/campaigns/${encodeURIComponent(this.campaignId!)}/participation`).catch(() => undefined);
    await this.loadEntry();
  }

  private async loadEntry(): Promise<void> {
    const year = this.participation?.year;
    this.entry = year === undefined ? undefined : await api<ParticipationEntry>('GET', `${this.base}/participation/${year}`).catch(() => undefined);
  }

  override render(): TemplateResult {
    const t = this.t.results;
    const p = this.preview;
    const campaign = this.detail?.campaign;
    const published = campaign ? resultsPublished(campaign) : false;
    return html`
      <h1>${t.title}</h1>
      ${this.renderError()}
      ${campaign ? html`<p>${published ? html`<span class="badge" data-kind="ok">${t.published}</span>` : html`<span class="badge" data-kind="warn">${t.preliminary}</span>`}</p>` : nothing}
      ${p ? this.renderTable(p, campaign) : html`<p>${this.t.app.loading}</p>`}
      <div class="actions">
        ${state.can('administrator') && campaign && !published
          ? html`<button class="button" data-variant="primary" type="button" ?disabled=${this.busy} @click=${() => void this.publish()}>${t.publish}</button>`
          : nothing}
        <button class="button" type="button" @click=${() => void this.export('csv')}>${t.exportCsv}</button>
        <button class="button" type="button" @click=${() => void this.export('pb')}>${t.exportPb}</button>
      </div>
      ${this.renderParticipation()}
    `;
  }

  private renderTable(p: ResultsPreview, campaign: Campaign | undefined): TemplateResult {
    const t = this.t.results;
    const r = p.results;
    const byId = new Map(p.projects.map((x) => [x.id, x]));
    return html`
      <p>${t.summary(formatNumber(r.turnout, state.locale), formatMoney(r.budgetUsed, state.locale), formatMoney(r.budget, state.locale))}
        ${r.population16 ? ` ${t.turnoutShare(formatShare(r.turnout / r.population16, state.locale))}` : ''}</p>
      <div class="table-wrap"><table>
        <caption>${t.caption(campaign?.title ?? '')}</caption>
        <thead><tr><th scope="col" class="number">№</th><th scope="col">${t.project}</th><th scope="col" class="number">${t.cost}</th><th scope="col" class="number">${t.votes}</th><th scope="col" class="number">${t.points}</th><th scope="col">${t.selected}</th></tr></thead>
        <tbody>${r.projects.map((x, i) => html`<tr>
          <td class="number">${i + 1}</td>
          <th scope="row">${byId.get(x.id)?.title ?? x.id}</th>
          <td class="number">${formatMoney(byId.get(x.id)?.cost ?? 0, state.locale)}</td>
          <td class="number">${formatNumber(x.votes, state.locale)}</td>
          <td class="number">${formatNumber(x.points, state.locale)}</td>
          <td>${x.selected ? html`<span class="badge" data-kind="ok">${t.winner}</span>` : '—'}</td>
        </tr>`)}</tbody>
      </table></div>`;
  }

  private async publish(): Promise<void> {
    const t = this.t.results;
    const votingOpen = this.detail?.phase === 'voting';
    if (!confirm(votingOpen ? t.confirmEarly : t.confirm)) return;
    const done = await this.run(() => api('POST', `${this.base}/results/publish`), t.done);
    if (done) await this.load();
  }

  private async export(format: 'csv' | 'pb'): Promise<void> {
    const text = await this.run(() => apiText(`${this.base}/export?format=${format}`), this.t.results.exported);
    if (text !== undefined) download(`${this.campaignId}.${format}`, text, format === 'csv' ? 'text/csv' : 'text/plain');
  }

  private renderParticipation(): TemplateResult {
    const t = this.t.results;
    const report = this.participation;
    const year = report?.years.find((y) => y.year === report.year);
    return html`<section class="card" aria-labelledby="part-title" style="margin-top:1.5em">
      <h2 id="part-title">${t.participation}</h2>
      ${report === undefined
        ? html`<p class="hint">${t.noParticipation}</p>`
        : html`<div class="table-wrap"><table>
            <caption class="sr-only">${t.participation}</caption>
            <thead><tr><th scope="col">${t.year}</th><th scope="col" class="number">${t.online}</th><th scope="col" class="number">${t.offline}</th><th scope="col" class="number">${t.share16}</th></tr></thead>
            <tbody>${report.years.map((y) => html`<tr>
              <th scope="row">${y.year}</th>
              <td class="number">${formatNumber(y.participants.online, state.locale)}</td>
              <td class="number">${formatNumber(y.participants.offline, state.locale)}</td>
              <td class="number">${y.shares.participants16 !== undefined ? formatShare(y.shares.participants16, state.locale) : '—'}</td>
            </tr>`)}</tbody>
          </table></div>
          <div class="actions">
            <a class="button" href=${`/api/campaigns/${encodeURIComponent(this.campaignId!)}/participation.csv`} download=${`${this.campaignId}-participation.csv`}>${t.participationCsv}</a>
            <a class="button" href=${`/api/campaigns/${encodeURIComponent(this.campaignId!)}/participation.html`} target="_blank" rel="noopener">${t.participationPrint}</a>
          </div>`}
      ${state.can('administrator') && year
        ? html`<form @submit=${this.saveOffline}>
            <h3>${t.offlineTitle(year.year)}</h3>
            <p class="hint">${t.offlineHint}</p>
            <div class="grid">
              ${(['ideas', 'support', 'votes', 'comments', 'total'] as const).map(
                (k) => html`<div class="field"><label for=${`off-${k}`}>${t.actions[k]}</label><input id=${`off-${k}`} name=${k} type="number" min="0" .value=${String(this.entry?.offline[k] ?? '')} /></div>`,
              )}
            </div>
            <input type="hidden" name="year" .value=${String(year.year)} />
            <button class="button" type="submit" ?disabled=${this.busy}>${t.saveOffline}</button>
          </form>`
        : nothing}
    </section>`;
  }

  private async saveOffline(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const offline: Record<string, number> = {};
    for (const k of ['ideas', 'support', 'votes', 'comments', 'total']) {
      const v = String(data.get(k) ?? '').trim();
      if (v !== '') offline[k] = Number(v);
    }
    // The rest of the year's entry (online figures, population) stays as it was.
    const body = { ...this.entry, offline };
    const done = await this.run(() => api<ParticipationReport>('PUT', `${this.base}/participation/${data.get('year')}`, body), this.t.results.offlineSaved);
    if (done) {
      this.participation = done;
      await this.loadEntry();
    }
  }
}
