import type { LeafletMouseEvent, Map as LeafletMap } from 'leaflet';
import { LatLngBounds } from 'leaflet/src/geo/LatLngBounds.js';
import { Map as LMap } from 'leaflet/src/map/Map.js';
import 'leaflet/src/map/handler/Map.Drag.js';
import 'leaflet/src/map/handler/Map.TouchZoom.js';
import 'leaflet/src/map/handler/Map.DoubleClickZoom.js';
import 'leaflet/src/layer/vector/Renderer.getRenderer.js';
import { Polygon } from 'leaflet/src/layer/vector/Polygon.js';
import { SVG } from 'leaflet/src/layer/vector/SVG.js';
import Supercluster from 'supercluster';
import type { DistrictShape } from './project-map.geo.ts';
import type { TileSource } from './project-map.tiles.ts';

export { leafletStyles } from './project-map.leaflet.styles.ts';

/** A project on the map: where it is and its marker colour (any CSS colour, `var(…)` too). */
export interface MapPoint {
  id: string;
  lat: number;
  lng: number;
  color: string;
}

/**
 * One drawn marker: a project, or a group of projects — a cluster, or several projects at the same place
 * (which no zoom separates).
 */
export interface MapMarker {
  /** Stable while the marker stays: `p<project id>`, `c<cluster id>` or `s<lat>,<lng>`. */
  key: string;
  /** The DOM id of its element (for `aria-activedescendant`). */
  id: string;
  kind: 'project' | 'group';
  count: number;
  lat: number;
  lng: number;
  /** The project (kind `project`). */
  projectId?: string;
  element: HTMLElement;
}

export interface MapViewOptions {
  tiles?: TileSource | undefined;
  /** Zoom and pan animations (off when the resident prefers reduced motion). */
  animate: boolean;
  /** The accessible name of a marker. */
  label: (marker: MapMarker) => string;
  /** A count as shown on a group (through Intl). */
  count: (n: number) => string;
  /** After every redraw of the markers. */
  onDraw: () => void;
  /** A marker was clicked or tapped. */
  onMarker: (marker: MapMarker) => void;
  /** The map was clicked or tapped outside a marker. */
  onClick?: (lat: number, lng: number) => void;
  /** A tile did not load. */
  onTileError?: () => void;
}

/** Sets an attribute only when it changes (a write costs a style recalculation even with the same value). */
function set(element: HTMLElement, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

/** Above this zoom supercluster stops grouping; only projects at the very same place stay together. */
const CLUSTER_MAX_ZOOM = 16;
/** Where the map looks when it has nothing to show: Russia. */
const NOWHERE: [number, number] = [61.5, 105];

interface Props {
  i: number;
}

/**
 * The Leaflet map behind `<veche-project-map>`: district outlines (SVG), tiles if the host chose a tile
 * server, and the projects as markers grouped with supercluster. Markers are plain elements in Leaflet's
 * marker pane, redrawn for the visible area on every move and zoom; the element does the rest (keyboard,
 * names, the list). This module and Leaflet load only with the map.
 */
export class MapView {
  readonly #map: LeafletMap;
  readonly #options: MapViewOptions;
  readonly #layer: HTMLElement;
  readonly #districts: Polygon[] = [];
  readonly #renderer = new SVG({ padding: 0.5 });
  readonly #resize: ResizeObserver;
  #shapes: readonly DistrictShape[] = [];
  #points: readonly MapPoint[] = [];
  #index?: Supercluster<Props>;
  #markers: MapMarker[] = [];
  /** The marker elements, in reading order; reused from draw to draw. */
  readonly #elements: HTMLElement[] = [];
  #active?: string;
  #pin?: HTMLElement;
  #pinAt?: { lat: number; lng: number };
  /** Whether the view still follows the content (until the resident moves or zooms it). */
  #follow = true;
  #sized = false;
  #removed = false;

  constructor(container: HTMLElement, options: MapViewOptions) {
    this.#options = options;
    const animate = options.animate;
    const map = (this.#map = new LMap(container, {
      attributionControl: false,
      zoomControl: false,
      boxZoom: false,
      keyboard: false,
      scrollWheelZoom: false,
      zoomAnimation: animate,
      fadeAnimation: animate,
      markerZoomAnimation: false,
      inertia: animate,
      minZoom: 2,
      // Half steps let "show everything" fill the frame; +/- and clusters still move by whole levels.
      zoomSnap: 0.5,
      maxZoom: options.tiles?.maxZoom ?? 18,
      renderer: this.#renderer,
    }));
    // Tiles and outlines are pictures: screen readers get the markers (and the element's list).
    for (const pane of ['tilePane', 'overlayPane', 'shadowPane', 'tooltipPane', 'popupPane']) map.getPane(pane)?.setAttribute('aria-hidden', 'true');
    this.#layer = document.createElement('div');
    this.#layer.className = 'markers leaflet-zoom-hide';
    map.getPane('markerPane')!.append(this.#layer);
    this.#layer.addEventListener('click', this.#onClick);
    const tiles = options.tiles;
    if (tiles) {
      import('./project-map.tile-layer.ts').then(
        ({ addTiles }) => this.#removed || addTiles(map, tiles, options.onTileError),
        () => options.onTileError?.(),
      );
    }
    map.on('moveend viewreset', this.#draw);
    map.on('dragstart', () => (this.#follow = false));
    map.on('click', (e: LeafletMouseEvent) => options.onClick?.(e.latlng.lat, e.latlng.lng));
    map.setView(NOWHERE, 3, { animate: false });
    // Measured after the observer has delivered, so a redraw cannot start a "ResizeObserver loop" error.
    this.#resize = new ResizeObserver(() => requestAnimationFrame(() => this.resize()));
    this.#resize.observe(container);
  }

  /** The markers drawn now, in reading order: top to bottom, then left to right. */
  get markers(): readonly MapMarker[] {
    return this.#markers;
  }

  /** The marker the keyboard is on. */
  get active(): MapMarker | undefined {
    return this.#markers.find((m) => m.key === this.#active);
  }

  get zoom(): number {
    return this.#map.getZoom();
  }

  get canZoomIn(): boolean {
    return this.#map.getZoom() < this.#map.getMaxZoom();
  }

  get canZoomOut(): boolean {
    return this.#map.getZoom() > this.#map.getMinZoom();
  }

  /** The centre of the view (where pick mode's crosshair is). */
  get center(): { lat: number; lng: number } {
    const { lat, lng } = this.#map.getCenter();
    return { lat, lng };
  }

  /** Draws the district outlines. */
  setDistricts(shapes: readonly DistrictShape[]): void {
    this.#shapes = shapes;
    for (const polygon of this.#districts) polygon.remove();
    this.#districts.length = 0;
    for (const shape of shapes) {
      const latlngs = shape.polygons.map((polygon) => polygon.map((ring) => ring.map(([lng, lat]) => [lat, lng] as [number, number])));
      const polygon = new Polygon(latlngs, { className: 'district', interactive: false, renderer: this.#renderer });
      this.#districts.push(polygon.addTo(this.#map));
    }
  }

  /** Groups the projects and draws them. */
  setPoints(points: readonly MapPoint[]): void {
    this.#points = points;
    const index = new Supercluster<Props>({ radius: 64, maxZoom: CLUSTER_MAX_ZOOM, minPoints: 2 });
    index.load(points.map((p, i) => ({ type: 'Feature', properties: { i }, geometry: { type: 'Point', coordinates: [p.lng, p.lat] } })));
    this.#index = index;
    this.#draw();
  }

  /** Shows everything there is (districts, projects, the picked point), until the resident moves the map. */
  fit(force = false): void {
    if (force) this.#follow = true;
    if (!this.#follow) return;
    const bounds = new LatLngBounds([]);
    for (const shape of this.#shapes) for (const polygon of shape.polygons) for (const [lng, lat] of polygon[0] ?? []) bounds.extend([lat, lng]);
    for (const p of this.#points) bounds.extend([p.lat, p.lng]);
    if (this.#pinAt) bounds.extend([this.#pinAt.lat, this.#pinAt.lng]);
    if (bounds.isValid()) this.#map.fitBounds(bounds, { padding: [24, 24], maxZoom: CLUSTER_MAX_ZOOM, animate: false });
    else this.#map.setView(NOWHERE, 3, { animate: false });
  }

  zoomBy(delta: number): void {
    this.#follow = false;
    this.#map.setZoom(this.#map.getZoom() + delta, { animate: this.#options.animate });
  }

  /**
   * Opens a group: zooms in until it splits and returns nothing, or, when no zoom can split it (projects
   * at one place, or the deepest zoom), returns the ids of its projects.
   */
  open(marker: MapMarker): string[] | undefined {
    const index = this.#index;
    if (marker.kind !== 'group' || !index) return undefined;
    if (marker.key.startsWith('c')) {
      const id = Number(marker.key.slice(1));
      const zoom = index.getClusterExpansionZoom(id);
      if (zoom <= this.#map.getMaxZoom()) {
        this.#follow = false;
        this.#map.setView([marker.lat, marker.lng], zoom, { animate: this.#options.animate });
        return undefined;
      }
      return index.getLeaves(id, Infinity).map((f) => this.#points[f.properties.i]!.id);
    }
    return this.#points.filter((p) => p.lat === marker.lat && p.lng === marker.lng).map((p) => p.id);
  }

  /** Marks the marker the keyboard is on and brings it into view; returns it. */
  setActive(key: string | undefined): MapMarker | undefined {
    this.#active = key;
    let found: MapMarker | undefined;
    for (const m of this.#markers) {
      const on = m.key === key;
      m.element.setAttribute('aria-selected', String(on));
      if (on) found = m;
    }
    if (found) this.#map.panInside([found.lat, found.lng], { padding: [40, 40], animate: this.#options.animate });
    return found;
  }

  /** Moves the view by pixels (pick mode's keyboard). */
  panBy(x: number, y: number): void {
    this.#follow = false;
    this.#map.panBy([x, y], { animate: this.#options.animate });
  }

  /** Puts the picked point's pin on the map, or takes it away. */
  setPin(at: { lat: number; lng: number } | undefined): void {
    this.#pinAt = at;
    if (!at) {
      this.#pin?.remove();
      this.#pin = undefined;
      return;
    }
    if (!this.#pin) {
      this.#pin = document.createElement('div');
      this.#pin.className = 'pin';
      this.#pin.setAttribute('aria-hidden', 'true');
      this.#layer.after(this.#pin);
      this.#pin.classList.add('leaflet-zoom-hide');
    }
    this.#place(this.#pin, at.lat, at.lng);
  }

  /** Draws the markers again (their names changed language). */
  redraw(): void {
    this.#draw();
  }

  /** Follows a change of the container's size (shown, hidden, zoomed text). */
  resize(): void {
    if (this.#removed) return;
    const map = this.#map;
    map.invalidateSize({ animate: false, pan: false });
    const size = map.getSize();
    const sized = size.x > 0 && size.y > 0;
    if (sized && !this.#sized) this.fit();
    this.#sized = sized;
  }

  destroy(): void {
    this.#removed = true;
    this.#resize.disconnect();
    this.#map.remove();
  }

  #place(element: HTMLElement, lat: number, lng: number): { x: number; y: number } {
    const p = this.#map.latLngToLayerPoint([lat, lng]);
    element.style.transform = `translate3d(${p.x}px, ${p.y}px, 0)`;
    return p;
  }

  #onClick = (event: Event): void => {
    const element = (event.target as Element).closest('.marker');
    const marker = this.#markers.find((m) => m.element === element);
    // A click that ends a drag of the map is not a choice.
    if (!marker || (this.#map.dragging as { moved?(): boolean } | undefined)?.moved?.()) return;
    event.stopPropagation();
    this.#options.onMarker(marker);
  };

  /**
   * Draws the markers of the visible area (and a small margin) at the current zoom. The marker elements are
   * kept and reused in place — the n-th marker in reading order is always the n-th element, so the DOM
   * (and the listbox's order) follows the reading order — and only what changed is written to them.
   */
  #draw = (): void => {
    // Leaflet's own window-resize handler fires a late moveend (200 ms) even after map.remove().
    if (this.#removed) return;
    const map = this.#map;
    const index = this.#index;
    const previous = this.#markers.find((m) => m.key === this.#active);
    type Spot = Omit<MapMarker, 'id' | 'element'> & { color: string; x: number; y: number };
    const found: Spot[] = [];
    if (index) {
      const b = map.getBounds().pad(0.1);
      const spots = new Map<string, Spot>();
      for (const feature of index.getClusters([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], Math.floor(map.getZoom()))) {
        const [lng, lat] = feature.geometry.coordinates as [number, number];
        const { x, y } = map.latLngToLayerPoint([lat, lng]);
        const props = feature.properties;
        if ('cluster' in props && props.cluster) {
          found.push({ key: `c${props.cluster_id}`, kind: 'group', count: props.point_count, lat, lng, color: '', x, y });
          continue;
        }
        const point = this.#points[(props as Props).i]!;
        const spot = spots.get(`${lat},${lng}`);
        if (spot) {
          // A second project at the very same place: the marker becomes a group no zoom splits.
          Object.assign(spot, { key: `s${lat},${lng}`, kind: 'group', count: spot.count + 1, color: '', projectId: undefined });
          continue;
        }
        const marker: Spot = { key: `p${point.id}`, kind: 'project', count: 1, lat, lng, color: point.color, x, y, projectId: point.id };
        spots.set(`${lat},${lng}`, marker);
        found.push(marker);
      }
    }
    found.sort((a, b) => a.y - b.y || a.x - b.x);
    // Keep the keyboard's place: the same marker, else the one nearest to where it was.
    if (this.#active !== undefined && previous && !found.some((m) => m.key === this.#active)) {
      const at = map.latLngToLayerPoint([previous.lat, previous.lng]);
      const distance = (m: Spot) => Math.hypot(m.x - at.x, m.y - at.y);
      this.#active = found.reduce<Spot | undefined>((best, m) => (!best || distance(m) < distance(best) ? m : best), undefined)?.key;
    }
    const elements = this.#elements;
    while (elements.length < found.length) {
      const element = document.createElement('div');
      element.className = 'marker';
      element.id = `marker-${elements.length}`;
      element.setAttribute('role', 'option');
      elements.push(element);
      this.#layer.append(element);
    }
    for (const extra of elements.splice(found.length)) extra.remove();
    const options = this.#options;
    this.#markers = found.map(({ color, x, y, ...m }, n) => {
      const element = elements[n]!;
      const marker: MapMarker = { ...m, id: element.id, element };
      set(element, 'data-kind', m.kind);
      set(element, 'aria-label', options.label(marker));
      set(element, 'aria-selected', String(m.key === this.#active));
      const text = m.kind === 'group' ? options.count(m.count) : '';
      if (element.textContent !== text) element.textContent = text;
      if (element.style.getPropertyValue('--c') !== color) element.style.setProperty('--c', color);
      element.style.transform = `translate3d(${x}px, ${y}px, 0)`;
      return marker;
    });
    if (this.#pin && this.#pinAt) this.#place(this.#pin, this.#pinAt.lat, this.#pinAt.lng);
    options.onDraw();
  };

  /** For tests and benchmarks: the Leaflet map. */
  get leaflet(): LeafletMap {
    return this.#map;
  }

  /** Where a place is in the container, in pixels (tests and benchmarks). */
  pointAt(lat: number, lng: number): { x: number; y: number } {
    const { x, y } = this.#map.latLngToContainerPoint([lat, lng]);
    return { x, y };
  }
}
