import { formatNumber } from '@veche/core';
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, state as litState } from 'lit/decorators.js';
import { api } from '../api.ts';
import { Screen } from '../screen.ts';
import { state } from '../state.ts';
import type { CampaignSummary } from '../types.ts';

/** Every campaign with its counts, and the way to a new one. */
@customElement('veche-admin-campaigns')
export class AdminCampaigns extends Screen {
  @litState() private campaigns: CampaignSummary[] | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    this.campaigns = await this.run(() => api<CampaignSummary[]>('GET', '/admin/campaigns'));
  }

  override render(): TemplateResult {
    const t = this.t.campaigns;
    const list = this.campaigns;
    return html`
      <h1>${t.title}</h1>
      ${this.renderError()}
      ${state.can('administrator') ? html`<p><a class="button" data-variant="primary" href="#/new">${this.t.nav.newCampaign}</a></p>` : nothing}
      ${list === undefined
        ? html`<p>${this.t.app.loading}</p>`
        : list.length === 0
          ? html`<p>${t.empty}</p>`
          : html`<div class="table-wrap"><table>
              <caption class="sr-only">${t.title}</caption>
              <thead><tr><th scope="col">${t.name}</th><th scope="col">${t.id}</th><th scope="col" class="number">${t.projects}</th><th scope="col" class="number">${t.ballots}</th><th scope="col">${t.origins}</th></tr></thead>
              <tbody>
                ${list.map(
                  (c) => html`<tr>
                    <th scope="row"><a class="link" href=${`#/c/${encodeURIComponent(c.id)}/settings`}>${c.title}</a></th>
                    <td><code>${c.id}</code></td>
                    <td class="number">${formatNumber(c.projects, state.locale)}</td>
                    <td class="number">${formatNumber(c.ballots, state.locale)}</td>
                    <td>${c.embedOrigins.join(', ') || '—'}</td>
                  </tr>`,
                )}
              </tbody>
            </table></div>`}
    `;
  }
}
