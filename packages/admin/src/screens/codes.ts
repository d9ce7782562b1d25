import { type Campaign, formatDate, formatNumber } from '@veche/core';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, state as litState } from 'lit/decorators.js';
import { api } from '../api.ts';
import { qrCode } from '../qr.ts';
import { Screen } from '../screen.ts';
import { state } from '../state.ts';
import type { CampaignDetail, CodeStats } from '../types.ts';

/** Voting codes: issue a batch, print it as letters with QR cards, see how many are used. */
@customElement('veche-admin-codes')
export class AdminCodes extends Screen {
  @litState() private campaign: Campaign | undefined;
  @litState() private stats: CodeStats | undefined;
  @litState() private batch: { codes: string[]; districtId?: string } | undefined;

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
    this.stats = await this.run(() => api<CodeStats>('GET', `${this.base}/codes/stats`));
  }

  override render(): TemplateResult {
    const t = this.t.codes;
    const s = this.stats;
    const districtName = (id: string | null | undefined) => (id ? (this.campaign?.districts.find((d) => d.id === id)?.name ?? id) : t.anyDistrict);
    return html`
      <h1 class="no-print">${t.title}</h1>
      ${this.renderError()}
      <div class="no-print">
        ${s
          ? html`<p>${t.summary(formatNumber(s.issued, state.locale), formatNumber(s.used, state.locale), s.issued ? Math.round((s.used / s.issued) * 100) : 0)}</p>
              ${s.batches.length > 0
                ? html`<div class="table-wrap"><table>
                    <caption>${t.batches}</caption>
                    <thead><tr><th scope="col">${t.issuedAt}</th><th scope="col">${t.district}</th><th scope="col" class="number">${t.issued}</th><th scope="col" class="number">${t.used}</th></tr></thead>
                    <tbody>${s.batches.map((b) => html`<tr><td>${formatDate(b.createdAt, state.locale, 'datetime')}</td><td>${districtName(b.districtId)}</td><td class="number">${formatNumber(b.issued, state.locale)}</td><td class="number">${formatNumber(b.used, state.locale)}</td></tr>`)}</tbody>
                  </table></div>`
                : nothing}`
          : nothing}
        ${state.can('administrator')
          ? html`<form class="card" @submit=${this.issueCodes} aria-labelledby="issue-title" style="margin-top:1em">
              <h2 id="issue-title">${t.issue}</h2>
              <p class="hint">${t.issueHint}</p>
              <div class="row">
                <div class="field"><label for="count">${t.count}</label><input id="count" name="count" type="number" min="1" max="100000" value="50" required /></div>
                ${this.campaign && this.campaign.districts.length > 0
                  ? html`<div class="field"><label for="district">${t.district}</label><select id="district" name="district"><option value="">${t.anyDistrict}</option>${this.campaign.districts.map((d) => html`<option value=${d.id}>${d.name}</option>`)}</select></div>`
                  : nothing}
                <button class="button" data-variant="primary" type="submit" ?disabled=${this.busy}>${t.generate}</button>
              </div>
            </form>`
          : nothing}
      </div>
      ${this.batch ? this.renderBatch(this.batch, districtName(this.batch.districtId)) : nothing}
    `;
  }

  private async issueCodes(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const count = Number(data.get('count'));
    const districtId = String(data.get('district') ?? '') || undefined;
    const done = await this.run(() => api<{ codes: string[] }>('POST', `${this.base}/codes`, { count, ...(districtId ? { districtId } : {}) }), this.t.codes.issued(count));
    if (done) {
      this.batch = { codes: done.codes, ...(districtId ? { districtId } : {}) };
      this.stats = await api<CodeStats>('GET', `${this.base}/codes/stats`);
    }
  }

  private renderBatch(batch: { codes: string[] }, district: string): TemplateResult {
    const t = this.t.codes;
    const c = this.campaign;
    const url = c?.url ? new URL(c.url, location.origin).href : location.origin;
    return html`<section aria-labelledby="batch-title">
      <h2 id="batch-title" class="no-print">${t.batchTitle(batch.codes.length)}</h2>
      <p class="alert no-print" data-kind="info">${t.onceOnly}</p>
      <div class="actions no-print">
        <button class="button" data-variant="primary" type="button" @click=${() => window.print()}>${t.print}</button>
        <button class="button" type="button" @click=${() => (this.batch = undefined)}>${this.t.common.close}</button>
      </div>
      <ol class="plain letters" style="display:grid;gap:1em;grid-template-columns:repeat(auto-fill,minmax(min(100%,18em),1fr))">
        ${batch.codes.map(
          (code) => html`<li style="break-inside:avoid;padding:1em;border:2px dashed #000;background:#fff;color:#000">
            <p style="margin:0 0 0.5em;font-weight:700">${c?.title ?? ''}</p>
            <p style="margin:0 0 0.5em">${t.letter(c?.municipality ?? '', district)}</p>
            ${qrCode(url, t.qrLabel(url), 120)}
            <p style="margin:0.5em 0 0">${t.yourCode}</p>
            <p style="margin:0;font-size:1.6em;font-family:ui-monospace,monospace;letter-spacing:0.05em"><strong>${code}</strong></p>
            <p class="hint" style="margin:0.5em 0 0;color:#000">${url}</p>
          </li>`,
        )}
      </ol>
    </section>`;
  }
}
