import { VecheError, type Campaign, type Project } from '@veche/core';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { VecheWidget, setupError } from '../base/veche-widget.ts';
import { projectFromHash, setProjectHash } from '../config/project-link.ts';
import { statusTerms } from '../i18n/core.ts';
import { holdProject } from './claim.ts';
import { projectMessages, type ProjectTerms } from './project.i18n.ts';
import { projectStyles } from './project.styles.ts';
import { projectFacts, renderFacts, renderStatus, renderVoteButton, votable } from './project.ts';
import { styles } from './project-detail.styles.ts';
import './project-detail.types.ts';
import { dialogStyles } from '../styles/dialog.ts';
import { defineLazily } from '../base/define-lazily.ts';

interface DetailData {
  project: Project;
  campaign: Campaign;
}

/** The element that has focus, looking inside shadow roots; null when nothing does. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}

const loadMeter = () => defineLazily('veche-progress-meter', () => import('../progress-meter/define.ts'));
const loadVoteButton = () => defineLazily('veche-vote-button', () => import('../vote-button/define.ts'));

/**
 * One project in a modal dialog: its photos, status (with the administration's note), summary and full
 * description, cost, district, categories, address and author, the co-financing by source and the
 * milestones (`<veche-progress-meter>`, loaded when the project has them), and the vote button while
 * its phase is open. `veche-project-list` and `veche-project-map` open it; a host page can too:
 * `detail.show('17', button)`.
 *
 * While open, the address bar names the project (`#veche-project=<id>`), so a copied link opens it
 * again. Escape, the close button or a click beside the dialog close it, and focus returns to the opener.
 *
 * @summary A project's full description in a dialog.
 * @event veche-project-open - The dialog shows a project: `detail.projectId`.
 * @event veche-project-close - The dialog closed: `detail.projectId`.
 * @event veche-error - Loading failed (the dialog says so, with a retry), or `show()` got no project id.
 * @csspart dialog - The native `<dialog>`.
 * @csspart base - The dialog's content.
 * @csspart title - The project's title.
 * @csspart close - The close button.
 * @csspart status - The status label.
 * @csspart note - The administration's note on the status.
 * @csspart photos - The list of photos; `photo` is each image.
 * @csspart photo - One photo.
 * @csspart facts - Cost, district, categories, address, author, count.
 * @csspart funding - The co-financing meter.
 * @csspart timeline - The phases and milestones meter.
 * @csspart vote - The vote button.
 * @csspart loading - The loading state.
 * @csspart error - A failure, in words; `retry` is its button.
 * @cssproperty --veche-project-detail-width - The dialog's preferred width (48em); it never exceeds the viewport.
 * @cssproperty --veche-project-detail-backdrop - The colour behind the dialog.
 */
export class VecheProjectDetail extends VecheWidget {
  static override styles = [...VecheWidget.styles, dialogStyles, projectStyles, styles];

  /** The catalogs it shows, loaded before the first render in English. */
  static override catalogs = [...VecheWidget.catalogs, projectMessages, statusTerms];

  /** Where the campaign's ballot is, for the vote button of knapsack and cumulative voting. */
  @property({ attribute: 'ballot-href' }) ballotHref?: string;

  /** The clock for phases; the device's by default (stories and tests pin it). */
  @property({ attribute: false }) clock?: () => Date;

  /** The project shown, while the dialog is open. */
  @state() private projectId?: string;

  /** A part loaded on demand (the meter, the vote button) could not be downloaded. */
  @state() private partError?: VecheError;

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  #opener: HTMLElement | null = null;
  #release?: () => void;

  private readonly data = this.load(
    () => [this.projectId, this.campaignId] as const,
    async (adapter, [id, campaignId], signal): Promise<DetailData | null> => {
      if (!id) return null;
      const options = { signal };
      const [project, named] = await Promise.all([
        adapter.getProject(id, options),
        campaignId ? adapter.getCampaign(campaignId, options).catch(() => undefined) : undefined,
      ]);
      const campaign = named?.id === project.campaignId ? named : await adapter.getCampaign(project.campaignId, options);
      this.partError = undefined;
      const parts: Promise<unknown>[] = [];
      if (project.coFunding.length || project.milestones.length || project.progress !== undefined) parts.push(loadMeter());
      if (votable(campaign, project, adapter.capabilities, this.#now())) parts.push(loadVoteButton());
      Promise.all(parts).catch((error: unknown) => (this.partError = this.report(error)));
      return { project, campaign };
    },
  );

  /** The project shown now, or undefined when closed. */
  get openProject(): string | undefined {
    return this.projectId;
  }

  /**
   * Opens the dialog on a project (or switches to another while open) and resolves once it is open.
   * Focus goes to the dialog and, on closing, back to `opener` (by default what had focus before).
   */
  async show(projectId: string, opener?: HTMLElement): Promise<void> {
    const id = typeof projectId === 'string' ? projectId.trim() : '';
    if (!id) {
      this.report(setupError('project', 'show() needs a project id'));
      return;
    }
    if (!this.isConnected) return;
    if (opener || !this.projectId) this.#opener = opener ?? deepActiveElement();
    this.projectId = id;
    setProjectHash(id);
    await this.updateComplete;
    const dialog = this.dialog;
    if (this.projectId !== id || !dialog) return;
    if (!dialog.open) dialog.showModal();
    this.renderRoot.querySelector<HTMLElement>('[part=close]')?.focus();
    this.emit('veche-project-open', { projectId: id });
  }

  /** Closes the dialog; focus returns to the opener. */
  close(): void {
    this.dialog?.close();
    this.#closed();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#release = holdProject(() => this.projectId);
    window.addEventListener('hashchange', this.#onHash);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#release?.();
    window.removeEventListener('hashchange', this.#onHash);
    this.#closed();
  }

  /** The address no longer names a project (the resident edited it): the dialog closes. */
  #onHash = (): void => {
    if (this.projectId && !projectFromHash()) this.close();
  };

  /** After `close()`, Escape, or removal; a late `close` event of an earlier opening is ignored. */
  #closed = (): void => {
    const id = this.projectId;
    if (!id || (this.isConnected && this.dialog?.open)) return;
    this.projectId = undefined;
    if (projectFromHash() === id) setProjectHash(undefined);
    const opener = this.#opener;
    this.#opener = null;
    if (opener?.isConnected) opener.focus();
    this.emit('veche-project-close', { projectId: id });
  };

  /** A click on the backdrop (the dialog element itself, outside its content) closes it. */
  #onClick = (event: Event): void => {
    if (event.target === this.dialog) this.close();
  };

  #now(): Date {
    return this.clock?.() ?? new Date();
  }

  private get t(): ProjectTerms {
    return this.terms(projectMessages);
  }

  protected override describe(error: unknown): string {
    return VecheError.from(error).code === 'not-found' ? this.t.notFound : super.describe(error);
  }

  /** The loaded data, if it is the project asked for (not the previous one while the next loads). */
  get #current(): DetailData | undefined {
    const value = this.data.value;
    return value && value.project.id === this.projectId ? value : undefined;
  }

  protected override render() {
    const current = this.#current;
    // The click closes from the backdrop; the keyboard's way is Escape, which the native dialog handles.
    // eslint-disable-next-line lit-a11y/click-events-have-key-events
    return html`<dialog part="dialog" aria-labelledby="title" @close=${this.#closed} @click=${this.#onClick}>
      <div part="base" class="panel">
        <div class="head">
          <h2 id="title" part="title">${current?.project.title ?? this.t.project}</h2>
          <button class="button" type="button" part="close" @click=${() => this.close()}>${this.common.close}</button>
        </div>
        ${this.projectId ? this.renderTask(this.data, () => (current ? this.#body(current) : this.renderLoading())) : nothing}
      </div>
    </dialog>`;
  }

  #body({ project, campaign }: DetailData): TemplateResult {
    const t = this.t;
    const adapter = this.resolvedAdapter;
    const vote = !!adapter && votable(campaign, project, adapter.capabilities, this.#now());
    const now = this.clock ? this.#now() : undefined;
    const meter = (view: 'funding' | 'timeline') =>
      html`<veche-progress-meter part=${view} view=${view} campaign=${campaign.id} project=${project.id} .adapter=${adapter} .now=${now}></veche-progress-meter>`;
    return html`
      <p>${renderStatus(project, this.table(statusTerms))}</p>
      ${project.statusNote ? html`<p part="note" class="alert" data-kind="info"><strong>${t.statusNote}</strong> ${project.statusNote}</p>` : nothing}
      ${project.images.length
        ? html`<ul part="photos" class="photos" aria-label=${t.photos}>
            ${project.images.map(
              (image) => html`<li>
                <img part="photo" src=${image.url} alt=${image.alt} width=${image.width ?? nothing} height=${image.height ?? nothing} loading="lazy" />
              </li>`,
            )}
          </ul>`
        : nothing}
      ${project.summary ? html`<p class="summary">${project.summary}</p>` : nothing}
      ${project.description ? html`<p class="description">${project.description}</p>` : nothing}
      ${renderFacts(projectFacts(project, campaign, { t, locale: this.locale, full: true, count: !vote }))}
      ${this.partError ? this.renderError(this.partError, () => void this.data.run()) : nothing}
      ${vote ? renderVoteButton(project, adapter, this.clock, this.ballotHref) : nothing}
      ${project.coFunding.length ? meter('funding') : nothing}
      ${project.milestones.length || project.progress !== undefined ? meter('timeline') : nothing}
    `;
  }
}
