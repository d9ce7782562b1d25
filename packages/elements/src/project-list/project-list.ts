import {
  PROJECT_SORTS,
  PUBLIC_PROJECT_STATUSES,
  VecheError,
  formatCount,
  type Campaign,
  type Project,
  type ProjectQuery,
  type ProjectSort,
} from '@veche/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { TaskStatus, VecheWidget } from '../base/veche-widget.ts';
import { onSharedFilters, shareFilters, type ProjectFilters } from '../config/filters.ts';
import { projectFromHash, projectHash } from '../config/project-link.ts';
import { statusTerms } from '../i18n/core.ts';
import { claimProject, holdProject } from '../project-detail/claim.ts';
import { projectMessages } from '../project-detail/project.i18n.ts';
import { projectStyles } from '../project-detail/project.styles.ts';
import { projectFacts, renderFacts, renderStatus, renderVoteButton, votable } from '../project-detail/project.ts';
import '../project-detail/project-detail.types.ts';
import { projectListMessages, type ProjectListTerms } from './project-list.i18n.ts';
import { styles } from './project-list.styles.ts';
import { FILTER_KEYS, LIST_LAYOUTS, type FilterKey, type ListLayout } from './project-list.types.ts';
import { fieldStyles } from '../styles/fields.ts';
import { defineLazily } from '../base/define-lazily.ts';

const SEARCH_DELAY = 400;
const words = (value: string | undefined) => value?.split(/[\s,]+/).filter(Boolean) ?? [];
const newSeed = () => Math.floor(Math.random() * 2 ** 31);
const has = <T extends string>(list: readonly T[], value: unknown): value is T => list.includes(value as T);

const loadDetail = () => defineLazily('veche-project-detail', () => import('../project-detail/define.ts'));
const loadVoteButton = () => defineLazily('veche-vote-button', () => import('../vote-button/define.ts'));

/**
 * A campaign's projects as cards (or rows): photo, title, status, cost, district, categories, the support or
 * vote count, and the vote button while the phase allows one click to count. Residents search (as they
 * type), filter by status, category and district, sort (newest, most supported, by cost, shuffled with a
 * stable seed, by title) and load more ("Показать ещё", through the adapter's cursor). The result count
 * is announced politely; an empty result offers to reset the filters.
 *
 * A card opens `<veche-project-detail>` (loaded on demand) and puts the project in the address
 * (`#veche-project=<id>`), so a shared link opens the same project; focus returns to the card. Filters are
 * shared with the other lists and maps of the campaign on the page (`veche-filter-change`).
 *
 * @summary A campaign's projects with search, filters, sort and paging; opens a project's detail.
 * @event veche-project-select - Cancelable, before a card opens the detail: `detail` {campaignId, projectId}. `preventDefault()` keeps the dialog shut (the host shows the project its own way).
 * @event veche-project-open - The detail dialog shows a project: `detail.projectId`.
 * @event veche-project-close - The detail dialog closed: `detail.projectId`.
 * @event veche-filter-change - The resident changed search, filters or sort: `detail` {campaignId, filters}.
 * @event veche-error - Loading failed or an attribute is wrong; the element shows it too.
 * @csspart base - The wrapper.
 * @csspart filters - The search and filter form.
 * @csspart search - The search field.
 * @csspart select - Each filter and the sort select.
 * @csspart count - How many projects are found or shown.
 * @csspart list - The list of projects.
 * @csspart card - One project.
 * @csspart photo - The project's first photo.
 * @csspart title - The project's title (a heading); `link` is the link in it.
 * @csspart link - The link that opens the project.
 * @csspart status - The status label.
 * @csspart facts - Cost, district, categories, count.
 * @csspart vote - The vote button.
 * @csspart more - The "show more" button.
 * @csspart empty - The empty result; `reset` is its button.
 * @csspart reset - The button that resets the filters.
 * @csspart loading - The loading state.
 * @csspart error - A failure, in words; `retry` is its button.
 * @cssproperty --veche-project-list-card-bg - A card's background (the surface colour).
 * @cssproperty --veche-project-list-card-min - A card's least width before the grid wraps (17em).
 */
export class VecheProjectList extends VecheWidget {
  static override styles = [...VecheWidget.styles, fieldStyles, projectStyles, styles];

  /** The catalogs it shows, loaded before the first render in English. */
  static override catalogs = [...VecheWidget.catalogs, projectListMessages, projectMessages, statusTerms];

  /** The statuses shown at first (the status filter's default): `shortlisted`, or several, comma-separated. */
  @property() status?: string;

  /** The category (or categories) shown at first. */
  @property() category?: string;

  /** The district (or districts) shown at first. */
  @property() district?: string;

  /** The order at first: `newest` (default), `supported`, `cost-asc`, `cost-desc`, `random`, `title`. */
  @property() sort: ProjectSort = 'newest';

  /** The seed of the `random` order: the same seed, the same order on every page and every visit. Set when shuffled. */
  @property({ type: Number, reflect: true }) seed?: number;

  /** Projects per page (1–100, default 12). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 12;

  /** `cards` (a grid, the default) or `rows` (one project per line). */
  @property({ reflect: true }) layout: ListLayout = 'cards';

  /** `off` hides the search, filters and sort. */
  @property() filters?: string;

  /** The level of each project's heading (2–6, default 3), to fit the page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  /** Where the campaign's ballot is, for the vote buttons of knapsack and cumulative voting. */
  @property({ attribute: 'ballot-href' }) ballotHref?: string;

  /** The clock for phases; the device's by default (stories and tests pin it). */
  @property({ attribute: false }) clock?: () => Date;

  /** The search, filters and order in force. */
  @state() private query: ProjectFilters = {};
  /** What the resident typed; becomes `query.q` after a pause. */
  @state() private search = '';
  @state() private items: Project[] = [];
  @state() private next: string | null = null;
  @state() private loadingMore = false;
  @state() private moreError?: VecheError;
  /** The detail dialog, once a card or a link asked for it. */
  @state() private detailWanted = false;
  /** A part loaded on demand (the dialog, the vote button) could not be downloaded. */
  @state() private partError?: { error: VecheError; retry: () => void };

  #searchTimer?: ReturnType<typeof setTimeout>;
  #moreAbort?: AbortController;
  /** Announce the count after the next load (the resident changed something). */
  #speak = false;
  /** A project from a link, held while its dialog loads. */
  #opening?: string;
  /** The open dialog came from a link, not a card: on closing, focus goes to the card. */
  #linkOpened = false;
  #voteButtons = false;
  #off: (() => void)[] = [];

  private readonly campaignTask = this.load(
    () => [this.campaignId] as const,
    (adapter, [id], signal) => adapter.getCampaign(this.requireCampaign(id), { signal }),
  );

  private readonly pageTask = this.load(
    () => [this.campaignId, this.#key()] as const,
    async (adapter, [id, key], signal) => {
      if (!id) return null;
      const page = await adapter.listProjects(id, JSON.parse(key) as ProjectQuery, { signal });
      this.#moreAbort?.abort();
      this.items = page.items;
      this.next = page.nextCursor;
      this.moreError = undefined;
      if (this.#speak) {
        this.#speak = false;
        void this.#announce(this.#countText());
      }
      return page;
    },
  );

  override connectedCallback(): void {
    super.connectedCallback();
    this.#off.push(
      holdProject(() => this.#opening),
      onSharedFilters(this, () => this.campaignId, this.#adopt),
    );
    window.addEventListener('hashchange', this.#fromLink);
    this.#fromLink();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#off.forEach((off) => off());
    this.#off = [];
    window.removeEventListener('hashchange', this.#fromLink);
    clearTimeout(this.#searchTimer);
    this.#moreAbort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.hasUpdated || changed.has('status') || changed.has('category') || changed.has('district') || changed.has('sort')) {
      // The host changed the defaults: they replace the filters, but the resident's search stays.
      this.query = { ...this.#defaults(), q: this.query.q };
    } else if (changed.has('seed') && this.query.sort === 'random' && this.seed !== this.query.seed) {
      this.query = { ...this.query, seed: this.#seed() };
    }
    if (changed.has('layout') && !has(LIST_LAYOUTS, this.layout)) {
      this.report(new VecheError('invalid-input', `Unknown layout "${String(this.layout)}": use cards or rows`));
      this.layout = 'cards';
    }
  }

  protected override updated(): void {
    // The vote buttons load the first time a card needs one.
    const campaign = this.campaignTask.value;
    const adapter = this.resolvedAdapter;
    if (this.#voteButtons || !campaign || !adapter) return;
    const now = this.#now();
    if (!this.items.some((p) => votable(campaign, p, adapter.capabilities, now, true))) return;
    this.#voteButtons = true;
    this.#need(loadVoteButton, () => {
      this.#voteButtons = false;
      this.requestUpdate();
    });
  }

  /** Loads a part; a failure is shown with a retry. */
  #need(load: () => Promise<unknown>, retry: () => void): Promise<boolean> {
    return load().then(
      () => true,
      (error: unknown) => {
        this.partError = { error: this.report(error), retry: () => ((this.partError = undefined), retry()) };
        return false;
      },
    );
  }

  /** The filters the attributes ask for; wrong values are left out (and reported, unless `quiet`). */
  #defaults(quiet = false): ProjectFilters {
    const statuses = words(this.status);
    const known = statuses.filter((s) => has(PUBLIC_PROJECT_STATUSES, s));
    let sort = this.sort;
    if (!quiet && known.length < statuses.length) {
      this.report(new VecheError('invalid-input', `Unknown status in "${this.status}": use ${PUBLIC_PROJECT_STATUSES.join(', ')}`));
    }
    if (!has(PROJECT_SORTS, sort)) {
      if (!quiet) this.report(new VecheError('invalid-input', `Unknown sort "${String(sort)}": use ${PROJECT_SORTS.join(', ')}`));
      sort = 'newest';
    }
    const filters: ProjectFilters = { sort };
    if (known.length) filters.status = known;
    const category = words(this.category);
    if (category.length) filters.category = category;
    const district = words(this.district);
    if (district.length) filters.district = district;
    if (sort === 'random') filters.seed = quiet ? this.seed : this.#seed();
    return filters;
  }

  /** The seed of the random order: the attribute's, else a new one kept in the attribute. */
  #seed(): number {
    if (!Number.isInteger(this.seed) || this.seed! < 0) this.seed = newSeed();
    return this.seed!;
  }

  /** The adapter query of the first page, as a string (the data task compares it). */
  #key(): string {
    const { status, category, district, q, sort, seed } = this.query;
    const limit = Math.min(100, Math.max(1, Math.round(this.pageSize) || 12));
    const query: ProjectQuery = { status, category, district, q, sort, limit, ...(sort === 'random' ? { seed } : {}) };
    return JSON.stringify(query);
  }

  #now(): Date {
    return this.clock?.() ?? new Date();
  }

  /** Applies new filters, tells the other elements of the campaign, and announces the result. */
  #apply(filters: ProjectFilters): void {
    this.query = filters;
    this.#speak = true;
    const id = this.campaignId;
    if (id) shareFilters(this, id, filters);
  }

  /** Another list or map of the campaign changed the filters; the order stays unless it says one. */
  #adopt = (filters: ProjectFilters): void => {
    const { status, category, district, q } = filters;
    const sort = has(PROJECT_SORTS, filters.sort) ? filters.sort : this.query.sort;
    const seed = filters.seed ?? this.query.seed;
    if (sort === 'random' && seed !== undefined) this.seed = seed;
    this.query = { status, category, district, q, sort, ...(sort === 'random' ? { seed: seed ?? this.#seed() } : {}) };
    this.search = q ?? '';
    clearTimeout(this.#searchTimer);
    this.#speak = true;
  };

  #pick(key: FilterKey | 'sort', value: string): void {
    const filters = { ...this.query };
    if (key === 'sort') {
      filters.sort = value as ProjectSort;
      if (value === 'random') filters.seed = filters.seed ?? this.#seed();
    } else if (value !== '*') (filters as Record<FilterKey, string[] | undefined>)[key] = value ? [value] : undefined;
    this.#apply(filters);
  }

  #onInput = (event: Event): void => {
    this.search = (event.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(this.#searchNow, SEARCH_DELAY);
  };

  #searchNow = (event?: Event): void => {
    event?.preventDefault();
    clearTimeout(this.#searchTimer);
    const q = this.search.trim() || undefined;
    if (q !== this.query.q) this.#apply({ ...this.query, q });
  };

  /** Back to what the attributes ask for, without search text; focus goes to the search field. */
  #reset = async (): Promise<void> => {
    this.search = '';
    this.#apply(this.#defaults());
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#q')?.focus();
  };

  /** Whether the resident narrowed the list beyond the attributes' filters. */
  get #narrowed(): boolean {
    const pick = ({ status, category, district, q }: ProjectFilters) => JSON.stringify([status, category, district, q]);
    return pick(this.query) !== pick(this.#defaults(true));
  }

  async #announce(text: string): Promise<void> {
    this.announcement = '';
    await this.updateComplete;
    this.announcement = text;
  }

  #countText(): string {
    const t = this.#t;
    const count = formatCount(this.items.length, 'project', this.locale);
    return this.next ? t.shown(count) : t.found(count);
  }

  #more = async (): Promise<void> => {
    const adapter = this.resolvedAdapter;
    const id = this.campaignId;
    const cursor = this.next;
    if (!adapter || !id || !cursor || this.loadingMore) return;
    const key = this.#key();
    const abort = (this.#moreAbort = new AbortController());
    this.loadingMore = true;
    this.moreError = undefined;
    try {
      const page = await adapter.listProjects(id, { ...(JSON.parse(key) as ProjectQuery), cursor }, { signal: abort.signal });
      if (abort.signal.aborted || key !== this.#key()) return;
      const known = new Set(this.items.map((p) => p.id));
      const added = page.items.filter((p) => !known.has(p.id));
      const first = this.items.length;
      this.items = [...this.items, ...added];
      this.next = page.nextCursor;
      const locale = this.locale;
      void this.#announce(this.#t.added(formatCount(added.length, 'project', locale), formatCount(this.items.length, 'project', locale)));
      await this.updateComplete;
      // The button is gone with the last page: focus moves on to the first new project.
      if (!this.next) this.renderRoot.querySelectorAll<HTMLElement>('[part=link]')[first]?.focus();
    } catch (error) {
      if (!abort.signal.aborted) this.moreError = this.report(error);
    } finally {
      if (this.#moreAbort === abort) this.loadingMore = false;
    }
  };

  /** A card's link: opens the detail, unless the resident wants a new tab or the host handles it. */
  #onLink = (event: MouseEvent, project: Project): void => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const detail = { campaignId: project.campaignId, projectId: project.id };
    if (this.emit('veche-project-select', detail, { cancelable: true })) void this.#open(project.id, event.currentTarget as HTMLElement);
  };

  /** The address names a project (a shared link, on load or later): this list opens it, unless another element does. */
  #fromLink = (): void => {
    const id = projectFromHash();
    if (id && claimProject(id)) void this.#open(id);
  };

  async #open(projectId: string, opener?: HTMLElement): Promise<void> {
    this.#opening = projectId;
    this.#linkOpened = !opener;
    this.detailWanted = true;
    if (!(await this.#need(loadDetail, () => void this.#open(projectId, opener)))) {
      this.#opening = undefined;
      return;
    }
    await this.updateComplete;
    const detail = this.renderRoot.querySelector('veche-project-detail');
    const shown = detail?.show(projectId, opener);
    this.#opening = undefined;
    await shown;
  }

  /** A dialog opened from a link had no opener: focus goes to the project's card if it is shown, else to the search. */
  #onDetailClose = (event: CustomEvent<{ projectId: string }>): void => {
    if (!this.#linkOpened) return;
    this.#linkOpened = false;
    const href = projectHash(event.detail.projectId);
    const links = [...this.renderRoot.querySelectorAll<HTMLElement>('[part=link]')];
    (links.find((a) => a.getAttribute('href') === href) ?? this.renderRoot.querySelector<HTMLElement>('#q') ?? links[0])?.focus();
  };

  get #t(): ProjectListTerms {
    return this.terms(projectListMessages);
  }

  protected override render() {
    return html`<div part="base" class="base">
      ${this.renderTask(this.campaignTask, (campaign) => this.#renderCampaign(campaign))}
      ${this.partError ? this.renderError(this.partError.error, this.partError.retry) : nothing} ${this.renderLive()}
      ${this.detailWanted
        ? html`<veche-project-detail
            api=${this.api ?? nothing}
            campaign=${this.campaignId ?? nothing}
            ballot-href=${this.ballotHref ?? nothing}
            .adapter=${this.resolvedAdapter}
            .clock=${this.clock}
            @veche-project-close=${this.#onDetailClose}
          ></veche-project-detail>`
        : nothing}
    </div>`;
  }

  #renderCampaign(campaign: Campaign): TemplateResult {
    const pending = this.pageTask.status === TaskStatus.PENDING;
    return html`${this.filters === 'off' ? nothing : this.#renderFilters(campaign)}
      <div class="results" aria-busy=${pending ? 'true' : 'false'}>
        ${this.renderTask(this.pageTask, () => this.#renderResults(campaign, pending))}
      </div>`;
  }

  #renderFilters(campaign: Campaign): TemplateResult {
    const t = this.#t;
    const status = this.table(statusTerms);
    const named = (list: { id: string; name: string }[]): [string, string][] => list.map((x) => [x.id, x.name]);
    const options: Record<FilterKey, [string, string][]> = {
      status: PUBLIC_PROJECT_STATUSES.map((s) => [s, status[s]]),
      category: named(campaign.categories),
      district: named(campaign.districts),
    };
    const all = { status: t.allStatuses, category: t.allCategories, district: t.allDistricts };
    // Not a landmark: two lists on a page would give two search landmarks of the same name.
    return html`<form part="filters" class="filters" @submit=${this.#searchNow}>
      <div class="field search">
        <label for="q">${t.search}</label>
        <input id="q" part="search" type="search" maxlength="200" autocomplete="off" enterkeyhint="search" .value=${this.search} @input=${this.#onInput} />
      </div>
      ${FILTER_KEYS.map((key) => (options[key].length ? this.#renderSelect(key, t[key], options[key], all[key]) : nothing))}
      ${this.#renderSelect('sort', t.sort, PROJECT_SORTS.map((s) => [s, t.sorts[s]]))}
    </form>`;
  }

  /** A select; several values at once (from the attributes or a map) show as one option naming them all. */
  #renderSelect(key: FilterKey | 'sort', label: string, options: [string, string][], all?: string): TemplateResult {
    const current = this.query[key];
    const values: string[] = current === undefined ? [] : Array.isArray(current) ? current : [current];
    const value = values.length > 1 ? '*' : (values[0] ?? '');
    const name = (v: string) => options.find(([id]) => id === v)?.[1] ?? v;
    return html`<div class="field">
      <label for=${key}>${label}</label>
      <select id=${key} part="select" @change=${(e: Event) => this.#pick(key, (e.target as HTMLSelectElement).value)}>
        ${all === undefined ? nothing : html`<option value="" .selected=${value === ''}>${all}</option>`}
        ${value === '*' ? html`<option value="*" selected>${values.map(name).join(', ')}</option>` : nothing}
        ${options.map(([id, text]) => html`<option value=${id} .selected=${id === value}>${text}</option>`)}
      </select>
    </div>`;
  }

  #renderResults(campaign: Campaign, pending: boolean): TemplateResult {
    const t = this.#t;
    const items = this.items;
    if (!items.length) {
      return this.#narrowed
        ? html`<div part="empty" class="empty">
            <p class="title">${t.nothingFound}</p>
            <p>${t.nothingHint}</p>
            <button class="button" type="button" part="reset" @click=${this.#reset}>${t.reset}</button>
          </div>`
        : html`<p part="empty" class="empty">${t.noProjects}</p>`;
    }
    return html`<p part="count" class="count muted">${pending ? this.common.loading : this.#countText()}</p>
      <ul part="list" class="list" aria-label=${t.list}>
        ${items.map((p) => this.#renderCard(p, campaign))}
      </ul>
      ${this.moreError
        ? html`<div part="error" class="alert" role="alert"><p>${t.moreFailed} ${this.describe(this.moreError)}</p></div>`
        : nothing}
      ${this.next
        ? html`<button class="button more" type="button" part="more" aria-disabled=${this.loadingMore ? 'true' : 'false'} @click=${this.#more}>
            ${this.loadingMore ? this.common.loading : this.moreError ? this.common.retry : t.more}
          </button>`
        : nothing}`;
  }

  #renderCard(project: Project, campaign: Campaign): TemplateResult {
    const adapter = this.resolvedAdapter;
    const vote = !!adapter && votable(campaign, project, adapter.capabilities, this.#now(), true);
    const photo = project.images[0];
    const level = Math.min(6, Math.max(2, Math.round(this.headingLevel) || 3));
    return html`<li part="card" class="card">
      <div class="body">
        <div part="title" class="title" role="heading" aria-level=${level}>
          <a part="link" href=${projectHash(project.id)} @click=${(e: MouseEvent) => this.#onLink(e, project)}>${project.title}</a>
        </div>
        <p>${renderStatus(project, this.table(statusTerms))}</p>
        ${renderFacts(projectFacts(project, campaign, { t: this.terms(projectMessages), locale: this.locale, count: !vote }))}
        ${vote ? renderVoteButton(project, adapter, this.clock, this.ballotHref) : nothing}
      </div>
      ${photo ? html`<img part="photo" src=${photo.url} alt=${photo.alt} loading="lazy" />` : nothing}
    </li>`;
  }
}
