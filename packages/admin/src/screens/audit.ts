import { html, nothing, type TemplateResult } from 'lit';
import { customElement, state as litState } from 'lit/decorators.js';
import { api, apiText, download } from '../api.ts';
import { renderEntry } from '../history.ts';
import { Screen } from '../screen.ts';
import { state } from '../state.ts';
import type { AuditEntry } from '../types.ts';

/** The audit log: every staff action with who, what, when, before and after; filters; CSV export. */
@customElement('veche-admin-audit')
export class AdminAudit extends Screen {
  @litState() private items: AuditEntry[] | undefined;
  @litState() private next: string | null = null;
  @litState() private filters: Record<string, string> = {};

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private query(extra: Record<string, string> = {}): string {
    const params = new URLSearchParams(Object.entries({ ...this.filters, ...extra }).filter(([, v]) => v.trim() !== ''));
    return params.toString();
  }

  private async load(more = false): Promise<void> {
    const page = await this.run(() => api<{ items: AuditEntry[]; nextCursor: string | null }>('GET', `/admin/audit?${this.query(more && this.next ? { cursor: this.next } : {})}`));
    if (!page) return;
    this.items = more ? [...(this.items ?? []), ...page.items] : page.items;
    this.next = page.nextCursor;
  }

  override render(): TemplateResult {
    const t = this.t.audit;
    return html`
      <h1>${t.title}</h1>
      <form class="row" role="search" aria-label=${t.filters} @submit=${(e: SubmitEvent) => {
        e.preventDefault();
        const data = new FormData(e.target as HTMLFormElement);
        this.filters = Object.fromEntries([...data.entries()].map(([k, v]) => [k, String(v)]));
        void this.load();
      }}>
        <div class="field"><label for="a-campaign">${t.campaign}</label><input id="a-campaign" name="campaign" /></div>
        <div class="field"><label for="a-actor">${t.actor}</label><input id="a-actor" name="actor" /></div>
        <div class="field">
          <label for="a-action">${t.action}</label>
          <select id="a-action" name="action">
            <option value="">${t.anyAction}</option>
            ${Object.entries(t.groups).map(([value, label]) => html`<option value=${value}>${label}</option>`)}
          </select>
        </div>
        <button class="button" type="submit">${t.apply}</button>
        <button class="button" type="button" @click=${() => void this.export()}>${t.export}</button>
      </form>
      ${this.renderError()}
      ${this.items === undefined
        ? html`<p>${this.t.app.loading}</p>`
        : this.items.length === 0
          ? html`<p>${t.empty}</p>`
          : html`<ol class="plain stack" aria-label=${t.entries}>
              ${this.items.map(
                (e) => html`<li style="padding:0.6em 0;border-bottom:var(--_border-width) solid var(--_border)">
                  ${renderEntry(e, this.t, state.locale)}
                  <p class="hint" style="margin:0.25em 0 0">${[e.targetType && e.targetId ? `${e.targetType}: ${e.targetId}` : '', e.campaignId ? `${t.campaign}: ${e.campaignId}` : '', e.ip ? `IP ${e.ip}` : ''].filter(Boolean).join(' · ')}</p>
                </li>`,
              )}
            </ol>`}
      ${this.next ? html`<button class="button" type="button" @click=${() => void this.load(true)}>${t.more}</button>` : nothing}
    `;
  }

  private async export(): Promise<void> {
    const text = await this.run(() => apiText(`/admin/audit.csv?${this.query()}`), this.t.audit.exported);
    if (text !== undefined) download('veche-audit.csv', text, 'text/csv');
  }
}
