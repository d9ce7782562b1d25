import {
  PROJECT_STATUSES,
  VecheError,
  formatCount,
  formatNumber,
  type Campaign,
  type Project,
  type ProjectQuery,
  type ProjectStatus,
  type VecheAdapter,
} from '@veche/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { cssProps } from '../base/css-props.ts';
import { defineLazily } from '../base/define-lazily.ts';
import { VecheWidget } from '../base/veche-widget.ts';
import { onSharedFilters, shareFilters, type ProjectFilters } from '../config/filters.ts';
import { projectFromHash } from '../config/project-link.ts';
import { claimProject, holdProject } from '../project-detail/claim.ts';
import type { VecheProjectSelectDetail } from '../project-detail/project-detail.types.ts';
import { statusTerms } from '../i18n/core.ts';
import { districtAt, isLatLng, readDistricts, type DistrictShape } from './project-map.geo.ts';
import { messages, type ProjectMapTerms } from './project-map.i18n.ts';
import type * as Leaflet from './project-map.leaflet.ts';
import type { MapMarker, MapPoint, MapView } from './project-map.leaflet.ts';
import { styles } from './project-map.styles.ts';
import { readTiles, TILE_PRESETS, type TileSource } from './project-map.tiles.ts';
import {
  COLOR_BY,
  MAP_MODES,
  MAP_VIEWS,
  STATUS_COLORS,
  isOneOf,
  type ColorBy,
  type MapMode,
  type MapView as ViewName,
  type PickedLocation,
} from './project-map.types.ts';

type ViewModule = typeof Leaflet;

let viewModule: Promise<ViewModule> | undefined;

/**
 * The Leaflet part of the map, loaded the first time a map is drawn: `veche.js` and the other entries do
 * not carry Leaflet. The map's own entry hands it over at once (`useMapView`), so it needs no second request.
 */
function loadMapView(): Promise<ViewModule> {
  viewModule ??= import('./project-map.leaflet.ts').catch((e: unknown) => {
    viewModule = undefined;
    throw e;
  });
  return viewModule;
}

/** The shared project dialog, loaded the first time a project opens (veche.js has it already). */
const loadDetail = () => defineLazily('veche-project-detail', () => import('../project-detail/define.ts'));

/** Gives the map its Leaflet part up front (the map's own entry bundles it). */
export function useMapView(module: ViewModule): void {
  viewModule = Promise.resolve(module);
}

interface Loaded {
  campaign: Campaign;
  shapes: DistrictShape[];
  /** Names of districts whose GeoJSON could not be read. */
  broken: string[];
}

const PAGE = 100;
/** More pages than this means the adapter's cursor goes round in circles. */
const MAX_PAGES = 2_000;
const LIST_PAGE = 20;

const words = (value: string | undefined): string[] | undefined => {
  const list = value?.split(/[\s,]+/).filter(Boolean);
  return list?.length ? list : undefined;
};

/** The filters as a query for `listProjects` (empty ones left out). */
function queryOf(f: ProjectFilters): ProjectQuery {
  const q: ProjectQuery = {};
  if (f.status?.length) q.status = f.status;
  if (f.category?.length) q.category = f.category;
  if (f.district?.length) q.district = f.district;
  if (f.q?.trim()) q.q = f.q.trim().slice(0, 200);
  if (f.sort) q.sort = f.sort;
  if (f.seed !== undefined) q.seed = f.seed;
  return q;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * A campaign's projects on a map: markers coloured by category or status, grouped into clusters (the
 * count shows; a click or Enter zooms in), the districts' outlines, and under the map the same projects as
 * a list — the view screen-reader users get (the map's pictures are hidden from them, and a link skips
 * the map). Filters are the list's: the `status`, `category` and `district` attributes, the map's own
 * selects, and any `<veche-project-list>` of the campaign on the page (`veche-filter-change`). A project
 * opens in the shared project detail dialog.
 *
 * Tiles come only from a server the host names in `tiles` (`osm`, `2gis` or a URL template); by default
 * (`none`) the map draws districts and markers on a plain background and makes no request of its own.
 *
 * With `mode="pick"` it is a place picker (the `location` slot of `<veche-idea-form>`): the resident taps
 * the map, or moves it under the crosshair with the arrow keys and presses Enter; it then emits
 * `veche-location` with the point and the district it lies in.
 *
 * Keyboard, on the map: arrows go from marker to marker (top to bottom, left to right), Enter opens a
 * project or zooms into a group, `+`/`-` zoom, Escape shows everything. In pick mode arrows move the map
 * (Shift: further), Enter picks the point under the crosshair.
 *
 * @summary Projects and districts on a map, clustered, filterable, with a list alternative; or a place picker.
 *
 * @event veche-project-select - Cancelable: a resident chose a project on the map or in the list: `{ campaignId, projectId }`. `preventDefault()` keeps the detail dialog shut.
 * @event veche-location - Pick mode: a place was chosen: `{ lat, lng, districtId? }`.
 * @event veche-filter-change - The resident changed the map's filters: `{ campaignId, filters }` (the campaign's lists follow).
 * @event veche-error - Loading failed, a district's GeoJSON is broken, tiles did not load, or an attribute is wrong: `{ code, message, error }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart header - The heading, filters and the «Карта / Список» switch.
 * @csspart filters - The filter selects; `select` each of them.
 * @csspart toggle - The «Карта / Список» buttons; `button` each.
 * @csspart skip-link - The «skip the map» link (shown when focused).
 * @csspart map - The map's frame.
 * @csspart controls - The zoom buttons over the map; `button` each.
 * @csspart crosshair - Pick mode's crosshair.
 * @csspart legend - The colour key.
 * @csspart attribution - The tile provider's credit.
 * @csspart notice - Notes: projects without a place, broken districts, tiles that failed, the map that failed.
 * @csspart list - The list of projects; `item` each project, `link` its button, `more` the «show more» button.
 * @csspart picked - Pick mode: the chosen place in words.
 * @csspart loading - The loading state.
 * @csspart error - An error message; `retry` is its button.
 *
 * @cssproperty --veche-project-map-height - The map's height (26em, at most 75 % of the window).
 * @cssproperty --veche-project-map-bg - The map's background where there are no tiles (the surface colour).
 * @cssproperty --veche-project-map-district - Districts' outlines (the primary colour).
 * @cssproperty --veche-project-map-group - Clusters' background (the primary colour).
 * @cssproperty --veche-project-map-group-text - Clusters' count (the on-primary colour).
 * @cssproperty --veche-project-map-marker-size - A project marker's size (1.5em).
 * @cssproperty --veche-project-map-status-<status> - A marker's colour by status, e.g. `--veche-project-map-status-selected`.
 */
export class VecheProjectMap extends VecheWidget {
  static override styles = [...VecheWidget.styles, styles];

  /** `view` (the default) shows projects; `pick` lets a resident choose a place. */
  @property({ reflect: true }) mode: MapMode = 'view';

  /** What colours the markers: `category` (the default, `campaign.categories[].color`) or `status`. */
  @property({ attribute: 'color-by', reflect: true }) colorBy: ColorBy = 'category';

  /** `map` (the default) shows the map with the list under it; `list` the list alone. The resident switches too. */
  @property({ reflect: true }) view: ViewName = 'map';

  /**
   * Where tiles come from: `none` (the default: districts and markers only, no request), `osm`
   * (OpenStreetMap), `2gis`, or a URL template such as `https://tiles.city.example/{z}/{x}/{y}.png`.
   */
  @property() tiles?: string;

  /** The credit of a custom tile server, shown under the map (plain text). */
  @property() attribution?: string;

  /** Only projects with these statuses (space- or comma-separated). */
  @property() status?: string;
  /** Only projects of these categories (ids). */
  @property() category?: string;
  /** Only projects in these districts (ids). */
  @property() district?: string;
  /** Only projects whose text contains this. */
  @property() q?: string;

  /** `off` hides the map's own filter selects (when a project list beside it has them), as on the list. */
  @property() filters?: string;

  /** Pick mode: the chosen place, shown as a pin (a host may preset it). */
  @property({ attribute: false }) location?: { lat: number; lng: number };

  /** The filters in force: from the attributes, then from the resident or another element of the campaign. */
  @state() private query: ProjectFilters = {};
  @state() private mapState: 'idle' | 'ready' | 'failed' = 'idle';
  @state() private tilesFailed = false;
  /** The list shows only these projects (a group on the map that no zoom splits). */
  @state() private group?: string[];
  @state() private listLimit = LIST_PAGE;
  /** Bumped on every redraw of the markers. */
  @state() private drawn = 0;
  @state() private detailReady = false;

  #view?: MapView;
  #viewHost?: HTMLElement;
  #viewKey = '';
  #synced: { shapes?: unknown; points?: unknown; colorBy?: ColorBy; pin?: unknown; locale?: string } = {};
  #announceDraw = false;
  #drawQueued = false;
  #creating = false;
  #tiles: TileSource | undefined;
  #off: (() => void)[] = [];
  /** The project this map is opening (it answers other elements' claims for it meanwhile). */
  #opening?: string;
  /** The dialog was opened by a link, not from the map: focus goes to the list when it closes. */
  #linkOpened = false;

  readonly campaignTask = this.load(
    () => [this.campaignId] as const,
    async (adapter, [id], signal): Promise<Loaded> => {
      const campaign = await adapter.getCampaign(this.requireCampaign(id), { signal });
      if (!campaign || typeof campaign !== 'object' || typeof campaign.id !== 'string') {
        throw new VecheError('invalid-response', 'getCampaign did not answer with a campaign');
      }
      const { shapes, broken } = readDistricts(campaign.districts);
      if (broken.length) {
        this.report(new VecheError('invalid-response', `Districts with broken GeoJSON are left off the map: ${broken.join(', ')}`));
      }
      return { campaign: { ...campaign, categories: Array.isArray(campaign.categories) ? campaign.categories : [] }, shapes, broken };
    },
  );

  readonly projectsTask = this.load(
    () => [this.campaignId, this.#mode, JSON.stringify(queryOf(this.query))] as const,
    async (adapter, [id, mode], signal): Promise<Project[]> => {
      if (mode === 'pick') return [];
      return this.#fetchAll(adapter, this.requireCampaign(id), queryOf(this.query), signal);
    },
  );

  /** Every page of the campaign's projects through the adapter's cursor. */
  async #fetchAll(adapter: VecheAdapter, campaignId: string, query: ProjectQuery, signal: AbortSignal): Promise<Project[]> {
    const out: Project[] = [];
    const seen = new Set<string>();
    let cursor: string | undefined;
    for (let pages = 0; pages < MAX_PAGES; pages++) {
      const page = await adapter.listProjects(campaignId, { ...query, limit: PAGE, ...(cursor ? { cursor } : {}) }, { signal });
      if (!page || !Array.isArray(page.items)) throw new VecheError('invalid-response', 'listProjects did not answer with a page of projects');
      for (const p of page.items) {
        if (p && typeof p.id === 'string' && !seen.has(p.id)) {
          seen.add(p.id);
          out.push(p);
        }
      }
      const next = typeof page.nextCursor === 'string' && page.nextCursor ? page.nextCursor : undefined;
      if (!next) return out;
      if (next === cursor) break;
      cursor = next;
    }
    throw new VecheError('invalid-response', 'listProjects keeps answering with more pages');
  }

  get #mode(): MapMode {
    return isOneOf(MAP_MODES, this.mode) ? this.mode : 'view';
  }

  get #colorBy(): ColorBy {
    return isOneOf(COLOR_BY, this.colorBy) ? this.colorBy : 'category';
  }

  get #t(): ProjectMapTerms {
    return this.terms(messages);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page (moved): the map is drawn again.
    this.requestUpdate();
    this.#off.push(
      holdProject(() => this.#opening),
      onSharedFilters(
        this,
        () => this.campaignId,
        (filters) => {
          this.query = { ...filters };
          this.group = undefined;
          this.listLimit = LIST_PAGE;
        },
      ),
    );
    window.addEventListener('hashchange', this.#fromLink);
    this.#fromLink();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#off.forEach((off) => off());
    this.#off = [];
    window.removeEventListener('hashchange', this.#fromLink);
    this.#destroyView();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('status') || changed.has('category') || changed.has('district') || changed.has('q')) {
      const status = words(this.status)?.filter((s): s is ProjectStatus => isOneOf(PROJECT_STATUSES, s));
      this.query = {
        ...(status?.length ? { status } : {}),
        ...(words(this.category) ? { category: words(this.category)! } : {}),
        ...(words(this.district) ? { district: words(this.district)! } : {}),
        ...(this.q?.trim() ? { q: this.q.trim() } : {}),
      };
      this.group = undefined;
      this.listLimit = LIST_PAGE;
    }
    if (changed.has('tiles')) {
      const tiles = readTiles(this.tiles);
      if (tiles === 'invalid') {
        this.report(new VecheError('invalid-input', `tiles="${this.tiles}" is not none, osm, 2gis or a URL template with {z}, {x} and {y}; drawing without tiles`));
      }
      this.#tiles = typeof tiles === 'object' ? tiles : undefined;
      this.tilesFailed = false;
    }
    const checked = [
      ['mode', 'mode', this.mode, MAP_MODES],
      ['colorBy', 'color-by', this.colorBy, COLOR_BY],
      ['view', 'view', this.view, MAP_VIEWS],
    ] as const;
    for (const [key, name, value, list] of checked) {
      if (changed.has(key) && !isOneOf(list, value)) this.report(new VecheError('invalid-input', `${name}="${String(value)}" is not one of ${list.join(', ')}`));
    }
  }

  protected override updated(): void {
    const host = this.renderRoot.querySelector<HTMLElement>('#map') ?? undefined;
    const key = `${this.#mode}|${this.#tiles?.url ?? ''}`;
    if (this.#view && (this.#viewHost !== host || this.#viewKey !== key)) this.#destroyView();
    // Only while in the page: a removed element must not start (and, failing that, retry) a map forever.
    if (host && this.isConnected && !this.#view && !this.#creating && this.mapState === 'idle') void this.#createView(host, key);
    this.#sync();
  }

  async #createView(host: HTMLElement, key: string): Promise<void> {
    this.#creating = true;
    let module: ViewModule;
    try {
      module = await loadMapView();
    } catch (error) {
      this.mapState = 'failed';
      this.report(new VecheError('network', 'The map could not be loaded', { cause: error }));
      return;
    } finally {
      this.#creating = false;
    }
    if (!this.isConnected || host !== this.renderRoot.querySelector('#map')) {
      this.requestUpdate();
      return;
    }
    const root = this.renderRoot as ShadowRoot;
    const sheet = module.leafletStyles.styleSheet;
    if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    this.#viewHost = host;
    this.#viewKey = key;
    this.#synced = {};
    this.#view = new module.MapView(host, {
      tiles: this.#tiles,
      animate: !matchMedia('(prefers-reduced-motion: reduce)').matches,
      label: (m) => this.#label(m),
      count: (n) => formatNumber(n, this.locale),
      onDraw: () => this.#onDraw(),
      onMarker: (m) => this.#activate(m, host),
      onClick: (lat, lng) => {
        if (this.#mode === 'pick') this.#pick(lat, lng);
      },
      onTileError: () => {
        if (this.tilesFailed) return;
        this.tilesFailed = true;
        this.report(new VecheError('network', `Map tiles from ${this.#tiles?.url ?? ''} did not load`));
      },
    });
    this.mapState = 'ready';
  }

  #destroyView(): void {
    this.#view?.destroy();
    this.#view = undefined;
    this.#viewHost = undefined;
    if (this.mapState !== 'failed') this.mapState = 'idle';
  }

  /** Gives the map what changed: districts, projects, the picked point, the language of the markers' names. */
  #sync(): void {
    const view = this.#view;
    const loaded = this.campaignTask.value;
    if (!view || !loaded) return;
    const synced = this.#synced;
    let fit = false;
    if (synced.shapes !== loaded.shapes) {
      view.setDistricts(loaded.shapes);
      synced.shapes = loaded.shapes;
      fit = true;
    }
    const projects = this.projectsTask.value;
    if (projects && (synced.points !== projects || synced.colorBy !== this.#colorBy)) {
      view.setPoints(this.#points(projects, loaded.campaign));
      synced.points = projects;
      synced.colorBy = this.#colorBy;
      synced.locale = this.locale;
      fit = true;
    }
    if (synced.locale !== this.locale) {
      synced.locale = this.locale;
      view.redraw();
    }
    const pin = this.#mode === 'pick' && isLatLng(this.location) ? this.location : undefined;
    if (synced.pin !== pin) {
      view.setPin(pin);
      synced.pin = pin;
    }
    if (fit) view.fit(true);
  }

  #points(projects: Project[], campaign: Campaign): MapPoint[] {
    const colors = new Map(campaign.categories.map((c) => [c.id, c.color]));
    const byStatus = this.#colorBy === 'status';
    const out: MapPoint[] = [];
    for (const p of projects) {
      if (!isLatLng(p.location)) continue;
      const color = byStatus
        ? `var(--veche-project-map-status-${p.status}, ${STATUS_COLORS[p.status] ?? STATUS_COLORS.published})`
        : (colors.get(p.categoryIds?.[0] ?? '') ?? 'var(--_pm-no-category)');
      out.push({ id: p.id, lat: p.location.lat, lng: p.location.lng, color });
    }
    return out;
  }

  /** The map drew its markers (often during this element's own update): render once more, after it. */
  #onDraw(): void {
    if (this.#drawQueued) return;
    this.#drawQueued = true;
    queueMicrotask(() => {
      this.#drawQueued = false;
      this.drawn++;
      if (this.#announceDraw) {
        this.#announceDraw = false;
        this.announcement = this.#t.zoomed(this.#view?.markers.length ?? 0);
      }
    });
  }

  /** A project's kind in words: its first category or its status, as the markers are coloured. */
  #kindOf(p: Project | undefined, campaign: Campaign | undefined): string {
    if (!p) return '';
    if (this.#colorBy === 'status') return this.table(statusTerms)[p.status] ?? p.status;
    return campaign?.categories.find((c) => c.id === p.categoryIds?.[0])?.name ?? this.#t.noCategory;
  }

  #projectIndex?: { source: Project[]; byId: Map<string, Project> };

  #project(id: string | undefined): Project | undefined {
    const projects = this.projectsTask.value ?? [];
    if (this.#projectIndex?.source !== projects) this.#projectIndex = { source: projects, byId: new Map(projects.map((p) => [p.id, p])) };
    return id === undefined ? undefined : this.#projectIndex.byId.get(id);
  }

  #label(m: MapMarker): string {
    const t = this.#t;
    if (m.kind === 'project') {
      const p = this.#project(m.projectId);
      return t.projectMarker(String(p?.title ?? m.projectId), this.#kindOf(p, this.campaignTask.value?.campaign));
    }
    const count = formatCount(m.count, 'project', this.locale);
    return m.key.startsWith('c') ? t.groupMarker(count) : t.spotMarker(count);
  }

  /** A marker chosen by click or Enter: a project opens, a group zooms in or lists its projects. */
  #activate(marker: MapMarker, opener: HTMLElement): void {
    const view = this.#view;
    if (!view) return;
    view.setActive(marker.key);
    if (marker.kind === 'project' && marker.projectId) {
      this.#choose(marker.projectId, opener);
      return;
    }
    const ids = view.open(marker);
    if (!ids) {
      this.#announceDraw = true;
      return;
    }
    this.group = ids;
    this.listLimit = LIST_PAGE;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#list-heading')?.focus());
  }

  /** A resident chose a project: it opens in the shared detail dialog, unless a listener of `veche-project-select` says no. */
  #choose(projectId: string, opener: HTMLElement): void {
    const campaignId = this.campaignTask.value?.campaign.id;
    if (campaignId && this.emit<VecheProjectSelectDetail>('veche-project-select', { campaignId, projectId }, { cancelable: true })) {
      void this.#open(projectId, opener);
    }
  }

  /** The address names a project (a shared link): the map opens it, unless another element of the page does. */
  #fromLink = (): void => {
    const id = this.#mode === 'view' ? projectFromHash() : undefined;
    if (id && claimProject(id)) void this.#open(id);
  };

  async #open(projectId: string, opener?: HTMLElement): Promise<void> {
    this.#opening = projectId;
    this.#linkOpened = !opener;
    try {
      await loadDetail();
    } catch (error) {
      this.#opening = undefined;
      this.announcement = this.describe(this.report(error));
      return;
    }
    this.detailReady = true;
    await this.updateComplete;
    const shown = this.renderRoot.querySelector('veche-project-detail')?.show(projectId, opener);
    this.#opening = undefined;
    await shown;
  }

  /** A dialog opened by a link had no opener: focus goes to the list. */
  #onDetailClose = (): void => {
    if (!this.#linkOpened) return;
    this.#linkOpened = false;
    this.renderRoot.querySelector<HTMLElement>('#list-heading')?.focus();
  };

  #pick(lat: number, lng: number): void {
    const shapes = this.campaignTask.value?.shapes ?? [];
    const point = { lat: round6(lat), lng: round6(lng) };
    const districtId = districtAt(point.lat, point.lng, shapes);
    this.location = point;
    this.emit<PickedLocation>('veche-location', { ...point, ...(districtId ? { districtId } : {}) });
    this.announcement = this.#pickedText();
  }

  #pickedText(): string {
    const t = this.#t;
    const at = this.location;
    if (!isLatLng(at)) return t.pickNone;
    const loaded = this.campaignTask.value;
    const id = districtAt(at.lat, at.lng, loaded?.shapes ?? []);
    const name = loaded?.shapes.find((s) => s.id === id)?.name;
    const text = t.picked(formatNumber(at.lat, this.locale, 5), formatNumber(at.lng, this.locale, 5), name);
    return name || !loaded?.shapes.length ? text : `${text} ${t.outside}`;
  }

  #zoom(delta: number): void {
    this.#announceDraw = true;
    this.#view?.zoomBy(delta);
  }

  #showAll(): void {
    this.#announceDraw = true;
    this.#view?.fit(true);
  }

  #onKey = (e: KeyboardEvent): void => {
    const view = this.#view;
    if (!view || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === '+' || e.key === '=') this.#zoom(1);
    else if (e.key === '-' || e.key === '_') this.#zoom(-1);
    else if (e.key === 'Escape') this.#showAll();
    else if (this.#mode === 'pick') {
      const step = e.shiftKey ? 200 : 50;
      const moves: Record<string, [number, number]> = { ArrowUp: [0, -step], ArrowDown: [0, step], ArrowLeft: [-step, 0], ArrowRight: [step, 0] };
      const move = moves[e.key];
      if (move) view.panBy(...move);
      else if (e.key === 'Enter' || e.key === ' ') this.#pickCenter();
      else return;
    } else {
      const markers = view.markers;
      const at = markers.findIndex((m) => m === view.active);
      const last = markers.length - 1;
      const next: Record<string, number> = {
        ArrowDown: Math.min(at + 1, last),
        ArrowRight: Math.min(at + 1, last),
        ArrowUp: Math.max(at - 1, 0),
        ArrowLeft: Math.max(at - 1, 0),
        Home: 0,
        End: last,
      };
      const to = next[e.key];
      if (to !== undefined) {
        if (markers[to]) view.setActive(markers[to].key);
        this.drawn++;
      } else if ((e.key === 'Enter' || e.key === ' ') && markers[at]) this.#activate(markers[at], e.currentTarget as HTMLElement);
      else return;
    }
    e.preventDefault();
  };

  /** The map took focus: the keyboard starts on the first marker. */
  #onFocus = (): void => {
    const view = this.#view;
    if (!view || this.#mode === 'pick' || view.active) return;
    const first = view.markers[0];
    if (first) view.setActive(first.key);
    this.drawn++;
  };

  #clearPick(): void {
    this.location = undefined;
    this.announcement = this.#t.pickNone;
  }

  #pickCenter(): void {
    const center = this.#view?.center;
    if (center) this.#pick(center.lat, center.lng);
  }

  #skip(e: Event, target: string): void {
    e.preventDefault();
    this.renderRoot.querySelector<HTMLElement>(target)?.focus();
  }

  #setView(view: ViewName): void {
    this.view = view;
  }

  #filter(name: 'status' | 'category' | 'district', value: string): void {
    const filters = { ...this.query, [name]: value ? [value] : undefined } as ProjectFilters;
    if (!value) delete filters[name];
    this.query = filters;
    this.group = undefined;
    this.listLimit = LIST_PAGE;
    const campaignId = this.campaignTask.value?.campaign.id;
    if (campaignId) shareFilters(this, campaignId, filters);
  }

  protected override render() {
    const pick = this.#mode === 'pick';
    return html`<div part="base" class="base">
      ${pick ? nothing : html`<h2 class="heading">${this.#t.heading}</h2>`}
      ${this.renderTask(this.campaignTask, (loaded) =>
        pick ? this.#renderPick(loaded) : this.renderTask(this.projectsTask, (projects) => this.#renderProjects(loaded, projects)),
      )}
      ${this.renderLive()}
      ${this.detailReady
        ? html`<veche-project-detail
            api=${this.api ?? nothing}
            campaign=${this.campaignId ?? nothing}
            .adapter=${this.resolvedAdapter}
            @veche-project-close=${this.#onDetailClose}
          ></veche-project-detail>`
        : nothing}
    </div>`;
  }

  #renderProjects(loaded: Loaded, projects: Project[]): TemplateResult {
    const t = this.#t;
    const { campaign } = loaded;
    const located = projects.filter((p) => isLatLng(p.location)).length;
    const showMap = this.view !== 'list';
    const active = this.drawn && this.mapState === 'ready' ? this.#view?.active : undefined;
    return html`<div part="header" class="header">
        ${this.filters?.trim() === 'off' ? nothing : this.#renderFilters(loaded)}
        <div part="toggle" class="toggle" role="group" aria-label=${t.viewLabel}>
          ${(['map', 'list'] as const).map(
            (v) =>
              html`<button type="button" class="button" part="button" aria-pressed=${String(showMap === (v === 'map'))} @click=${() => this.#setView(v)}>
                ${v === 'map' ? t.viewMap : t.viewList}
              </button>`,
          )}
        </div>
      </div>
      ${projects.length && located < projects.length ? html`<p part="notice" class="muted">${t.notOnMap(formatCount(projects.length - located, 'project', this.locale))}</p>` : nothing}
      ${this.#renderNotices(loaded)}
      <div class="map-area" ?hidden=${!showMap}>
        <a class="skip" part="skip-link" href="#list-heading" @click=${(e: Event) => this.#skip(e, '#list-heading')}>${t.skipMap}</a>
        <div part="map" class="frame">
          <div
            id="map"
            class="map"
            role="listbox"
            tabindex="0"
            aria-label=${t.mapLabel(formatCount(located, 'project', this.locale))}
            aria-describedby="map-help"
            aria-activedescendant=${ifDefined(active?.id)}
            @keydown=${this.#onKey}
            @focus=${this.#onFocus}
          ></div>
          ${this.#renderControls()}
        </div>
        <p id="map-help" class="visually-hidden">${t.mapHelp}</p>
        ${this.#renderLegend(campaign, projects)} ${this.#renderAttribution()}
      </div>
      ${this.#renderList(campaign, projects)}`;
  }

  #renderPick(loaded: Loaded): TemplateResult {
    const t = this.#t;
    return html`${this.#renderNotices(loaded)}
      <a class="skip" part="skip-link" href="#picked" @click=${(e: Event) => this.#skip(e, '#picked')}>${t.skipMap}</a>
      <div part="map" class="frame">
        <div id="map" class="map" role="application" tabindex="0" aria-label=${t.pickLabel} aria-describedby="pick-help" @keydown=${this.#onKey}></div>
        <div part="crosshair" class="crosshair" aria-hidden="true"></div>
        ${this.#renderControls()}
      </div>
      <p id="pick-help" class="hint muted">${t.pickHelp}</p>
      ${this.mapState === 'ready'
        ? html`<div class="actions">
            <button type="button" class="button" part="button" @click=${() => this.#pickCenter()}>${t.pickCenter}</button>
            ${isLatLng(this.location)
              ? html`<button type="button" class="button" part="button" @click=${() => this.#clearPick()}>${t.clearPick}</button>`
              : nothing}
          </div>`
        : nothing}
      <p part="picked" id="picked" tabindex="-1">${this.#pickedText()}</p>
      ${this.#renderAttribution()}`;
  }

  #renderControls(): TemplateResult | typeof nothing {
    if (this.mapState !== 'ready') return nothing;
    const t = this.#t;
    const view = this.#view;
    return html`<div part="controls" class="controls">
      <button type="button" class="button" part="button" aria-label=${t.zoomIn} title=${t.zoomIn} aria-disabled=${String(!view?.canZoomIn)} @click=${() => this.#zoom(1)}>
        <span aria-hidden="true">+</span>
      </button>
      <button type="button" class="button" part="button" aria-label=${t.zoomOut} title=${t.zoomOut} aria-disabled=${String(!view?.canZoomOut)} @click=${() => this.#zoom(-1)}>
        <span aria-hidden="true">−</span>
      </button>
      <button type="button" class="button" part="button" aria-label=${t.showAll} title=${t.showAll} @click=${() => this.#showAll()}>
        <span aria-hidden="true">⤢</span>
      </button>
    </div>`;
  }

  #renderNotices(loaded: Loaded): unknown {
    const t = this.#t;
    return html`${loaded.broken.length ? html`<p part="notice" class="alert" data-kind="info">${t.brokenDistricts(loaded.broken.join(', '))}</p>` : nothing}
    ${this.tilesFailed ? html`<p part="notice" class="alert" data-kind="info">${t.tilesFailed}</p>` : nothing}
    ${this.mapState === 'failed'
      ? html`<div part="notice" class="alert" role="alert">
          <p>${t.mapFailed}</p>
          <button type="button" class="button" part="button retry" @click=${() => (this.mapState = 'idle')}>${this.common.retry}</button>
        </div>`
      : nothing}`;
  }

  #renderFilters({ campaign, shapes }: Loaded): TemplateResult {
    const t = this.#t;
    const statuses = this.table(statusTerms);
    const select = (name: 'status' | 'category' | 'district', label: string, options: readonly { id: string; name: string }[]) =>
      options.length
        ? html`<label class="field">
            <span>${label}</span>
            <select part="select" .value=${this.query[name]?.[0] ?? ''} @change=${(e: Event) => this.#filter(name, (e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${!this.query[name]?.length}>${t.all}</option>
              ${options.map((o) => html`<option value=${o.id} ?selected=${this.query[name]?.[0] === o.id}>${o.name}</option>`)}
            </select>
          </label>`
        : nothing;
    const statusOptions = PROJECT_STATUSES.filter((s) => s !== 'submitted').map((s) => ({ id: s, name: statuses[s] }));
    return html`<fieldset part="filters" class="filters">
      <legend>${t.filters}</legend>
      ${select('category', t.category, campaign.categories)} ${select('district', t.district, campaign.districts?.length ? campaign.districts : shapes)}
      ${select('status', t.status, statusOptions)}
    </fieldset>`;
  }

  #renderLegend(campaign: Campaign, projects: Project[]): TemplateResult | typeof nothing {
    const t = this.#t;
    let entries: { name: string; color: string }[];
    if (this.#colorBy === 'status') {
      const present = new Set(projects.map((p) => p.status));
      const statuses = this.table(statusTerms);
      entries = PROJECT_STATUSES.filter((s) => present.has(s)).map((s) => ({
        name: statuses[s],
        color: `var(--veche-project-map-status-${s}, ${STATUS_COLORS[s]})`,
      }));
    } else {
      const used = new Set(projects.map((p) => p.categoryIds?.[0] ?? ''));
      entries = campaign.categories.filter((c) => used.has(c.id)).map((c) => ({ name: c.name, color: c.color ?? 'var(--_pm-no-category)' }));
      if ([...used].some((id) => !campaign.categories.some((c) => c.id === id && c.color))) entries.push({ name: t.noCategory, color: 'var(--_pm-no-category)' });
    }
    if (!entries.length) return nothing;
    return html`<div part="legend" class="legend">
      <span class="legend-title">${t.legend}:</span>
      <ul>
        ${entries.map((e) => html`<li><span class="swatch" ${cssProps({ background: e.color })} aria-hidden="true"></span>${e.name}</li>`)}
      </ul>
    </div>`;
  }

  #renderAttribution(): TemplateResult | typeof nothing {
    const tiles = this.#tiles;
    if (!tiles) return nothing;
    const preset = tiles.preset;
    if (preset) {
      return html`<p part="attribution" class="attribution">
        <a class="link" href=${TILE_PRESETS[preset].link} target="_blank" rel="noopener noreferrer">${this.#t.attribution[preset]}</a>
      </p>`;
    }
    return this.attribution?.trim() ? html`<p part="attribution" class="attribution">${this.attribution.trim()}</p>` : nothing;
  }

  #renderList(campaign: Campaign, projects: Project[]): TemplateResult {
    const t = this.#t;
    const group = this.group;
    const items = group ? group.map((id) => this.#project(id)).filter((p): p is Project => !!p) : projects;
    const shown = items.slice(0, this.listLimit);
    const districts = new Map((campaign.districts ?? []).map((d) => [d.id, d.name]));
    const total = formatNumber(items.length, this.locale);
    return html`<section part="list" class="list" aria-labelledby="list-heading">
      <h3 id="list-heading" tabindex="-1">${group ? t.groupHeading(formatCount(items.length, 'project', this.locale)) : t.listHeading}</h3>
      ${group ? html`<button type="button" class="button" part="button" @click=${() => (this.group = undefined)}>${t.showAllProjects}</button>` : nothing}
      ${items.length === 0
        ? html`<p part="notice">${Object.keys(queryOf(this.query)).length ? t.noMatch : t.empty}</p>`
        : html`<ul>
              ${shown.map(
                (p) => html`<li part="item">
                  <button type="button" class="link" part="link" @click=${(e: Event) => this.#choose(p.id, e.currentTarget as HTMLElement)}>
                    ${String(p.title ?? p.id)}
                  </button>
                  <span class="muted">
                    ${[this.#kindOf(p, campaign), districts.get(p.districtId ?? ''), isLatLng(p.location) ? undefined : t.noPlace].filter(Boolean).join(' · ')}
                  </span>
                </li>`,
              )}
            </ul>
            ${items.length > shown.length
              ? html`<p class="muted">${t.listCount(formatNumber(shown.length, this.locale), total)}</p>
                  <button type="button" class="button" part="button more" @click=${() => (this.listLimit += LIST_PAGE)}>${t.showMore}</button>`
              : nothing}`}
    </section>`;
  }
}
