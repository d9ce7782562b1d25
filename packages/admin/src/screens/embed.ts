import { html, nothing, type TemplateResult } from 'lit';
import { customElement, state as litState } from 'lit/decorators.js';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import { api } from '../api.ts';
import { Screen } from '../screen.ts';
import { state } from '../state.ts';
import type { AdminProject, CampaignDetail } from '../types.ts';

interface Widget {
  tag: string;
  /** Extra attributes, given a project id when the element needs one. */
  attributes: (project: string) => Record<string, string>;
  /** The /embed/<name> page of the iframe mode, when the element has one. */
  frame?: string;
}

const WIDGETS: Widget[] = [
  { tag: 'veche-budget-ballot', attributes: () => ({}), frame: 'budget-ballot' },
  { tag: 'veche-project-list', attributes: () => ({}), frame: 'project-list' },
  { tag: 'veche-project-map', attributes: () => ({}), frame: 'project-map' },
  { tag: 'veche-idea-form', attributes: () => ({}), frame: 'idea-form' },
  { tag: 'veche-vote-button', attributes: (p) => ({ project: p }), frame: 'vote-button' },
  { tag: 'veche-progress-meter', attributes: (p) => ({ project: p }), frame: 'progress-meter' },
  { tag: 'veche-results', attributes: () => ({}), frame: 'results' },
  { tag: 'veche-share', attributes: () => ({}), frame: 'share' },
  { tag: 'veche-comments', attributes: (p) => ({ project: p }) },
  { tag: 'veche-updates', attributes: () => ({}) },
];

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Copy-paste snippets of every element of the campaign (script or iframe), each with a live preview. */
@customElement('veche-admin-embed')
export class AdminEmbed extends Screen {
  @litState() private detail: CampaignDetail | undefined;
  @litState() private project = '';
  @litState() private shown = 'veche-budget-ballot';
  @litState() private mode: 'script' | 'iframe' = 'script';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    const base = `/admin/campaigns/${encodeURIComponent(this.campaignId!)}`;
    this.detail = await this.run(() => api<CampaignDetail>('GET', base));
    const projects = await api<AdminProject[]>('GET', `${base}/projects?status=published,shortlisted,selected,in-progress,done`).catch(() => []);
    this.project = projects[0]?.project.id ?? '';
  }

  private snippet(w: Widget): string {
    const origin = location.origin;
    const id = this.campaignId!;
    const attrs = { api: `${origin}/api`, campaign: id, ...w.attributes(this.project) };
    if (this.mode === 'iframe') {
      if (!w.frame) return this.t.embed.noFrame;
      const query = new URLSearchParams({ campaign: id, ...w.attributes(this.project) });
      return `<iframe src="${origin}/embed/${w.frame}?${escape(query.toString())}" title="${escape(this.t.embed.names[w.tag as keyof typeof this.t.embed.names])}" style="width:100%;border:0" loading="lazy"></iframe>\n<script src="${origin}/veche/embed.js" async></script>`;
    }
    const list = Object.entries(attrs).map(([k, v]) => `${k}="${escape(v)}"`).join(' ');
    return `<script type="module" src="${origin}/veche/veche.js"></script>\n<${w.tag} ${list}></${w.tag}>`;
  }

  override render(): TemplateResult {
    const t = this.t.embed;
    const origins = this.detail?.embedOrigins ?? [];
    return html`
      <h1>${t.title}</h1>
      ${this.renderError()}
      <p>${t.intro}</p>
      ${origins.length === 0 ? html`<p class="alert" data-kind="info">${t.noOrigins}</p>` : html`<p class="hint">${t.origins(origins.join(', '))}</p>`}
      <fieldset>
        <legend>${t.mode}</legend>
        ${(['script', 'iframe'] as const).map((m) => html`<label class="check"><input type="radio" name="mode" .checked=${this.mode === m} @change=${() => (this.mode = m)} /> ${t.modes[m]}</label>`)}
      </fieldset>
      <ul class="plain stack">
        ${WIDGETS.map((w) => {
          const id = `snippet-${w.tag}`;
          return html`<li class="card" style="padding:0.75em;border:var(--_border-width) solid var(--_border);border-radius:var(--_radius)">
            <h2 id=${`${id}-title`} style="margin-top:0">${t.names[w.tag as keyof typeof t.names]} <code>&lt;${w.tag}&gt;</code></h2>
            <label class="sr-only" for=${id}>${t.snippetOf(t.names[w.tag as keyof typeof t.names])}</label>
            <textarea id=${id} class="code" rows="3" readonly .value=${this.snippet(w)}></textarea>
            <div class="actions">
              <button class="button" data-size="small" type="button" @click=${() => void this.copy(id)}>${t.copy}<span class="sr-only"> ${t.names[w.tag as keyof typeof t.names]}</span></button>
              <button class="button" data-size="small" type="button" aria-pressed=${this.shown === w.tag ? 'true' : 'false'} @click=${() => (this.shown = w.tag)}>${t.preview}<span class="sr-only"> ${t.names[w.tag as keyof typeof t.names]}</span></button>
            </div>
            ${this.shown === w.tag ? html`<div class="preview" role="region" aria-label=${t.previewOf(t.names[w.tag as keyof typeof t.names])}>${this.renderPreview(w)}</div>` : nothing}
          </li>`;
        })}
      </ul>
    `;
  }

  /** The element itself, on this server's API: what a resident would see now. */
  private renderPreview(w: Widget): TemplateResult {
    const attrs = w.attributes(this.project);
    if (Object.keys(attrs).length > 0 && !this.project) return html`<p class="hint">${this.t.embed.needsProject}</p>`;
    const tag = unsafeStatic(w.tag);
    return staticHtml`<${tag} api="/api" campaign=${this.campaignId!} project=${attrs['project'] ?? nothing} lang=${state.locale}></${tag}>`;
  }

  private async copy(id: string): Promise<void> {
    const area = this.renderRoot.querySelector<HTMLTextAreaElement>(`#${CSS.escape(id)}`)!;
    try {
      await navigator.clipboard.writeText(area.value);
    } catch {
      area.select();
      document.execCommand('copy');
    }
    state.announce(this.t.embed.copied);
  }
}
