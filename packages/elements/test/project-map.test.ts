import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse, resetMouse } from '@web/test-runner-commands';
import { VecheError, movePhases, type Campaign, type VecheAdapter } from '@veche/core';
import { MemoryAdapter, demoFixture, type MemoryFixture } from '@veche/core/memory';
import { withFaults } from '../../../stories/support/adapters.ts';
import { manyProjectsAdapter } from '../../../stories/support/map-fixtures.ts';
import { patched } from '../../../stories/support/results-fixtures.ts';
import { instrument } from './support/vote-fixtures.ts';
import { shareFilters, onSharedFilters, type ProjectFilters } from '../src/config/filters.ts';
import '../src/project-map/define.ts';
import '../src/idea-form/define.ts';
import { districtAt, pointInPolygon, pointInRing, readDistricts, type Polygon } from '../src/project-map/project-map.geo.ts';
import type { VecheProjectMap } from '../src/project-map/project-map.ts';
import '../src/provider/define.ts';
import { readTiles } from '../src/project-map/project-map.tiles.ts';

const NOW = new Date('2026-10-01T09:00:00Z');

/** The demo campaign (3 districts, 14 public projects, 12 of them with a place) on a fixed clock, optionally changed. */
function demo(change?: (f: MemoryFixture) => void): MemoryAdapter {
  const f = demoFixture(NOW);
  change?.(f);
  return new MemoryAdapter({ fixtures: [f], now: () => NOW });
}

/** Counts the calls of `listProjects`. */
function counted(base: VecheAdapter) {
  const calls: unknown[] = [];
  const adapter = patched(base, {
    listProjects: (...args: Parameters<VecheAdapter['listProjects']>) => {
      calls.push(args[1]);
      return base.listProjects(...args);
    },
  });
  return { adapter, calls };
}

const root = (el: Element) => el.shadowRoot!;
const $ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector);
const $$ = (el: Element, selector: string) => [...root(el).querySelectorAll<HTMLElement>(selector)];
const text = (node: Element | null | undefined) => (node?.shadowRoot ?? node)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const markers = (el: Element) => $$(el, '.marker');
/** An attribute with its no-break spaces (Intl puts them in numbers and before nouns) as plain ones. */
const attr = (node: Element | null | undefined, name: string) => node?.getAttribute(name)?.replace(/\s+/g, ' ') ?? null;
const groups = (el: Element) => markers(el).filter((m) => m.dataset['kind'] === 'group');
const focused = (el: Element) => root(el).activeElement as HTMLElement | null;
const frame = () => new Promise((r) => requestAnimationFrame(r));

/** Waits until the map is drawn (or the element shows an error), and the element has rendered it. */
async function ready(el: VecheProjectMap): Promise<VecheProjectMap> {
  await waitUntil(() => $(el, '[part=error], [part=controls], [part~=notice][role=alert]'), 'the map settles', { timeout: 8000 });
  await frame();
  await el.updateComplete;
  return el;
}

async function mount(template: unknown): Promise<VecheProjectMap> {
  const host = await fixture<HTMLElement>(template as never);
  const el = host.localName === 'veche-project-map' ? (host as VecheProjectMap) : host.querySelector('veche-project-map')!;
  return ready(el);
}

/** A map of the demo campaign with these attributes (tiles, color-by, filters…), drawn. */
async function map(adapter: VecheAdapter, attributes: Record<string, string> = {}): Promise<VecheProjectMap> {
  const holder = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement('veche-project-map');
  el.setAttribute('campaign', 'demo');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.adapter = adapter;
  holder.append(el);
  return ready(el);
}

/** The sum of what every marker stands for: 1 per project marker, the count of a group. */
const represented = (el: Element) =>
  markers(el).reduce((sum, m) => sum + (m.dataset['kind'] === 'group' ? Number(m.textContent!.replace(/\D/g, '')) : 1), 0);

describe('veche-project-map', () => {
  afterEach(async () => {
    history.replaceState(null, '', location.pathname + location.search);
    await resetMouse();
  });

  describe('point in polygon', () => {
    const square: Polygon = [
      [
        [0, 0],
        [10, 0],
        [10, 10],
        [0, 10],
        [0, 0],
      ],
    ];
    const withHole: Polygon = [
      square[0]!,
      [
        [4, 4],
        [6, 4],
        [6, 6],
        [4, 6],
        [4, 4],
      ],
    ];
    // A "C": concave, open to the east between y 3 and 7.
    const concave: Polygon = [
      [
        [0, 0],
        [10, 0],
        [10, 3],
        [3, 3],
        [3, 7],
        [10, 7],
        [10, 10],
        [0, 10],
        [0, 0],
      ],
    ];

    it('finds points inside and outside a ring, a hole and a concave shape', () => {
      expect(pointInRing(5, 5, square[0]!)).to.equal(true);
      expect(pointInRing(11, 5, square[0]!)).to.equal(false);
      expect(pointInRing(-0.1, 5, square[0]!)).to.equal(false);
      expect(pointInPolygon(5, 5, withHole)).to.equal(false);
      expect(pointInPolygon(2, 2, withHole)).to.equal(true);
      expect(pointInPolygon(5, 5, concave)).to.equal(false);
      expect(pointInPolygon(1, 5, concave)).to.equal(true);
      expect(pointInPolygon(8, 8.5, concave)).to.equal(true);
      expect(pointInPolygon(5, 5, [])).to.equal(false);
    });

    it('names the district of a point, MultiPolygons included, and reads broken GeoJSON as broken', () => {
      const fixture = demoFixture(NOW);
      const { shapes, broken } = readDistricts(fixture.campaign.districts as Campaign['districts']);
      expect(broken).to.deep.equal([]);
      expect(shapes.map((s) => s.id)).to.deep.equal(['center', 'north', 'riverside']);
      expect(districtAt(53.7021, 91.6893, shapes)).to.equal('center');
      expect(districtAt(53.7262, 91.6951, shapes)).to.equal('north');
      expect(districtAt(53.6745, 91.7012, shapes)).to.equal('riverside');
      expect(districtAt(55.75, 37.62, shapes)).to.equal(undefined);

      const multi = readDistricts([
        { id: 'islands', name: 'Острова', geometry: { type: 'MultiPolygon', coordinates: [square, [[[20, 20], [30, 20], [30, 30], [20, 20]]]] } },
        { id: 'bad', name: 'Сломанный', geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 1]]] } },
        { id: 'worse', name: 'Без геометрии' },
        { id: 'nan', name: 'Не числа', geometry: { type: 'Polygon', coordinates: [[['a', 0], [1, 0], [1, 1], ['a', 0]]] } },
      ] as never);
      expect(multi.broken).to.deep.equal(['Сломанный', 'Без геометрии', 'Не числа']);
      expect(districtAt(5, 5, multi.shapes)).to.equal('islands');
      expect(districtAt(22, 28, multi.shapes)).to.equal('islands');
      expect(districtAt(15, 15, multi.shapes)).to.equal(undefined);
    });

    it('reads the tiles attribute: none by default, presets, templates, and refuses the rest', () => {
      expect(readTiles(undefined)).to.equal('none');
      expect(readTiles(' none ')).to.equal('none');
      expect(readTiles('osm')).to.include({ url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', preset: 'osm' });
      expect(readTiles('2gis')).to.include({ preset: '2gis' });
      expect(readTiles('https://tiles.city.example/{z}/{x}/{y}.png')).to.include({ url: 'https://tiles.city.example/{z}/{x}/{y}.png' });
      expect(readTiles('/tiles/{z}/{x}/{y}.png')).to.not.equal('invalid');
      expect(readTiles('https://tiles.city.example/tile.png')).to.equal('invalid');
      expect(readTiles('javascript:alert(1)//{z}{x}{y}')).to.equal('invalid');
    });
  });

  describe('projects on the map', () => {
    it('draws the districts and the projects as clusters, and the list under the map', async () => {
      const el = await map(demo());
      expect($$(el, 'path.district')).to.have.length(3);
      expect(markers(el).length).to.be.greaterThan(0);
      expect(groups(el).length).to.be.greaterThan(0);
      // 12 of the 14 public demo projects have a place; the two without are listed only.
      expect(represented(el)).to.equal(12);
      expect($(el, '#map')?.getAttribute('role')).to.equal('listbox');
      expect(attr($(el, '#map'), 'aria-label')).to.equal('Карта проектов: 12 проектов');
      expect(text($(el, '[part~=notice]'))).to.equal('Без места на карте: 2 проекта — они есть в списке.');
      expect(groups(el)[0]!.getAttribute('aria-label')).to.match(/^Группа меток: \d+\sпроект(а|ов)?\. Enter — приблизить$/);
      expect(text($(el, '[part=legend]'))).to.contain('Благоустройство');
      expect($$(el, '[part=item]')).to.have.length(14);
      // The pictures are hidden from screen readers; the list is what they read.
      expect($(el, '.leaflet-overlay-pane')?.getAttribute('aria-hidden')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('shows one project as one marker named by its title and category', async () => {
      const el = await map(demo((f) => (f.projects = f.projects.filter((p) => p.id === 'demo-1'))));
      expect(markers(el)).to.have.length(1);
      const marker = markers(el)[0]!;
      expect(marker.dataset['kind']).to.equal('project');
      expect(marker.getAttribute('role')).to.equal('option');
      expect(marker.getAttribute('aria-label')).to.equal('Детская площадка во дворе на Ленина, 12 — Детям');
      expect(marker.style.getPropertyValue('--c')).to.equal('#b3245f');
      expect($$(el, '[part=item]')).to.have.length(1);
      expect($(el, '[part~=notice]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('colours markers by status with color-by="status", with a legend of statuses', async () => {
      const el = await map(demo((f) => (f.projects = f.projects.filter((p) => p.id === 'demo-1'))), { 'color-by': 'status' });
      expect(markers(el)[0]!.style.getPropertyValue('--c')).to.equal('var(--veche-project-map-status-shortlisted, #7b3fc4)');
      expect(markers(el)[0]!.getAttribute('aria-label')).to.equal('Детская площадка во дворе на Ленина, 12 — Допущен к голосованию');
      expect(text($(el, '[part=legend]'))).to.equal('Цвета меток: Допущен к голосованию');
      await expect(el).to.be.accessible();
    });

    it('says so for a campaign without projects, and still draws its districts', async () => {
      const el = await map(demo((f) => (f.projects = [])));
      expect(markers(el)).to.have.length(0);
      expect($$(el, 'path.district')).to.have.length(3);
      expect(text($(el, '[part=list]'))).to.contain('В кампании пока нет проектов.');
      expect($(el, '[part=legend]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('lists projects without a place but leaves them off the map', async () => {
      const el = await map(demo((f) => (f.projects = f.projects.filter((p) => !p.location))));
      expect(markers(el)).to.have.length(0);
      expect($$(el, '[part=item]')).to.have.length(2);
      expect(text($(el, '[part=list]'))).to.contain('Место не указано — на карте нет');
      expect(text($(el, '[part~=notice]'))).to.equal('Без места на карте: 2 проекта — они есть в списке.');
      await expect(el).to.be.accessible();
    });

    it('fetches every page of 10,000 projects and clusters them', async () => {
      const { adapter, calls } = counted(manyProjectsAdapter(10_000, NOW));
      const el = await map(adapter);
      expect(calls).to.have.length(100);
      expect(calls.every((q) => (q as { limit: number }).limit === 100)).to.equal(true);
      // One in fifty has no place.
      expect(represented(el)).to.equal(9_800);
      expect(groups(el).length).to.be.greaterThan(0);
      expect(markers(el).length).to.be.lessThan(200);
      expect(attr($(el, '#map'), 'aria-label')).to.equal('Карта проектов: 9 800 проектов');
      expect($$(el, '[part=item]')).to.have.length(20);
      expect(text($(el, '[part=list]'))).to.contain('Показано 20 из 10 000');
      $(el, '[part~=more]')!.click();
      await el.updateComplete;
      expect($$(el, '[part=item]')).to.have.length(40);
      await expect(el).to.be.accessible();
    });

    it('zooms into a cluster on click, and shows everything again', async () => {
      const el = await map(demo());
      const before = markers(el).length;
      const zoomBefore = markers(el).map((m) => m.style.transform).join();
      groups(el)[0]!.click();
      await waitUntil(() => markers(el).map((m) => m.style.transform).join() !== zoomBefore, 'the map zooms in');
      await waitUntil(() => markers(el).length > before, 'the cluster splits');
      expect(represented(el)).to.be.lessThanOrEqual(12);
      await el.updateComplete;
      expect(text($(el, '[role=status][aria-live]'))).to.match(/^Меток на карте: \d+$/);
      $(el, '[part=controls] button:nth-of-type(3)')!.click();
      await waitUntil(() => represented(el) === 12, 'everything shows again');
    });

    it('lists projects at one place, which no zoom splits', async () => {
      const el = await map(
        demo((f) => {
          f.projects = f.projects.filter((p) => p.location).slice(0, 3);
          for (const p of f.projects) p.location = { lat: 53.7021, lng: 91.6893 };
        }),
      );
      expect(markers(el)).to.have.length(1);
      const spot = markers(el)[0]!;
      spot.click();
      // The cluster zooms in until only the place is left, then the list shows its projects.
      await waitUntil(() => markers(el)[0]?.getAttribute('aria-label')?.startsWith('В одном месте'), 'a spot', { timeout: 4000 });
      markers(el)[0]!.click();
      await waitUntil(() => text($(el, '#list-heading')).startsWith('Проекты в выбранном месте'), 'the list shows the place');
      expect(text($(el, '#list-heading'))).to.equal('Проекты в выбранном месте: 3 проекта');
      expect($$(el, '[part=item]')).to.have.length(3);
      expect(focused(el)?.id).to.equal('list-heading');
      await expect(el).to.be.accessible();
      $$(el, '[part=list] button.button')[0]!.click();
      await el.updateComplete;
      expect(text($(el, '#list-heading'))).to.equal('Проекты списком');
    });

    it('switches to the list alone and back', async () => {
      const el = await map(demo());
      const [mapButton, listButton] = $$(el, '[part=toggle] button');
      expect(mapButton!.getAttribute('aria-pressed')).to.equal('true');
      listButton!.click();
      await el.updateComplete;
      expect(el.view).to.equal('list');
      expect($(el, '.map-area')!.hidden).to.equal(true);
      expect(listButton!.getAttribute('aria-pressed')).to.equal('true');
      await expect(el).to.be.accessible();
      mapButton!.click();
      await el.updateComplete;
      expect($(el, '.map-area')!.hidden).to.equal(false);
      await waitUntil(() => markers(el).length > 0, 'the map is drawn again');
    });
  });

  describe('opening a project', () => {
    it('opens the shared detail dialog from a marker and tells the host', async () => {
      const el = await map(demo((f) => (f.projects = f.projects.filter((p) => p.id === 'demo-1'))));
      const select = oneEvent(el, 'veche-project-select');
      const open = oneEvent(document, 'veche-project-open');
      markers(el)[0]!.click();
      expect((await select).detail).to.deep.equal({ campaignId: 'demo', projectId: 'demo-1' });
      expect((await open).detail).to.deep.equal({ projectId: 'demo-1' });
      const detail = $(el, 'veche-project-detail')!;
      await waitUntil(() => text(detail).includes('Детская площадка'), 'the dialog shows the project');
      expect(location.hash).to.equal('#veche-project=demo-1');
      (detail as unknown as { close(): void }).close();
      await aTimeout(0);
      expect(location.hash).to.equal('');
    });

    it('keeps the dialog shut when the host cancels veche-project-select', async () => {
      const el = await map(demo((f) => (f.projects = f.projects.filter((p) => p.id === 'demo-1'))));
      el.addEventListener('veche-project-select', (e) => e.preventDefault(), { once: true });
      $$(el, '[part=link]')[0]!.click();
      await aTimeout(50);
      expect($(el, 'veche-project-detail')).to.equal(null);
      expect(location.hash).to.equal('');
    });

    it('opens the project a shared link names', async () => {
      history.replaceState(null, '', '#veche-project=demo-2');
      const el = await map(demo());
      await waitUntil(() => $(el, 'veche-project-detail'), 'the detail opens');
      const detail = $(el, 'veche-project-detail') as unknown as { openProject?: string; close(): void };
      await waitUntil(() => detail.openProject === 'demo-2', 'it shows the project the link names');
      detail.close();
      await el.updateComplete;
      expect(focused(el)?.id).to.equal('list-heading');
    });
  });

  describe('filters', () => {
    it('takes the filter attributes and asks the adapter with them', async () => {
      const { adapter, calls } = counted(demo());
      const el = await map(adapter, { district: 'north', status: 'shortlisted, selected' });
      expect(calls[0]).to.deep.include({ district: ['north'], status: ['shortlisted', 'selected'] });
      expect($$(el, '[part=item]').length).to.be.greaterThan(0);
      expect(markers(el).length).to.be.greaterThan(0);
      expect(text($(el, '[part=list]'))).to.not.contain('Набережная');
    });

    it('follows a list of the same campaign, and tells it of its own changes', async () => {
      const el = await map(demo());
      const all = represented(el);
      const other = document.createElement('span');
      document.body.append(other);
      const heard: ProjectFilters[] = [];
      const off = onSharedFilters(other, () => 'demo', (f) => heard.push(f));
      try {
        shareFilters(other, 'other-campaign', { category: ['sport'] });
        await aTimeout(20);
        expect(represented(el)).to.equal(all);
        shareFilters(other, 'demo', { category: ['sport'] });
        await waitUntil(() => represented(el) < all, 'the map follows the list');
        expect(text($(el, '[part=list]'))).to.contain('Спорт');
        expect(text($(el, '[part=list]'))).to.not.contain('Детям');
        // The map's own select: the list hears it.
        const select = $<HTMLSelectElement>(el, 'select')!;
        select.value = 'green';
        select.dispatchEvent(new Event('change'));
        expect(heard.at(-1)).to.deep.equal({ category: ['green'] });
        await waitUntil(() => text($(el, '[part=list]')).includes('Благоустройство'), 'the map shows green projects');
      } finally {
        off();
        other.remove();
      }
    });

    it('says when nothing matches, and hides its selects with filters="off"', async () => {
      const el = await map(demo(), { district: 'nowhere', filters: 'off' });
      expect(text($(el, '[part=list]'))).to.contain('Нет проектов, подходящих под отбор.');
      expect($(el, '[part=filters]')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('keyboard', () => {
    it('skips the map, and goes from marker to marker, opening a project', async () => {
      const el = await map(demo((f) => (f.projects = f.projects.filter((p) => ['demo-1', 'demo-3', 'demo-2'].includes(p.id)))));
      const listButton = $$(el, '[part=toggle] button')[1]!;
      listButton.focus();
      await sendKeys({ press: 'Tab' });
      const skip = focused(el)!;
      expect(skip.getAttribute('part')).to.equal('skip-link');
      expect(skip.getBoundingClientRect().width).to.be.greaterThan(10);
      await sendKeys({ press: 'Tab' });
      const box = focused(el)!;
      expect(box.id).to.equal('map');
      await el.updateComplete;
      // Three projects far enough apart to be three markers, top (north) first.
      expect(markers(el)).to.have.length(3);
      const first = markers(el)[0]!;
      expect(box.getAttribute('aria-activedescendant')).to.equal(first.id);
      expect(first.getAttribute('aria-selected')).to.equal('true');
      expect(first.getAttribute('aria-label')).to.equal('Хоккейная коробка у школы № 2 — Спорт');
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(box.getAttribute('aria-activedescendant')).to.equal(markers(el)[1]!.id);
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      const last = markers(el)[2]!;
      expect(box.getAttribute('aria-activedescendant')).to.equal(last.id);
      expect(getComputedStyle(last).outlineStyle).to.equal('solid');
      await sendKeys({ press: 'Home' });
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(box.getAttribute('aria-activedescendant')).to.equal(markers(el)[0]!.id);
      await expect(el).to.be.accessible();

      const open = oneEvent(document, 'veche-project-open');
      await sendKeys({ press: 'Enter' });
      expect((await open).detail.projectId).to.equal('demo-3');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => focused(el)?.id === 'map', 'focus returns to the map');

      // + zooms in and says what the map shows now.
      await sendKeys({ press: '+' });
      await waitUntil(() => text($(el, '[role=status][aria-live]')).startsWith('Меток на карте'), 'the zoom is announced');

      // The skip link jumps to the list.
      skip.focus();
      await sendKeys({ press: 'Enter' });
      expect(focused(el)?.id).to.equal('list-heading');
    });

    it('zooms into a cluster with Enter', async () => {
      const el = await map(demo());
      $(el, '#map')!.focus();
      await el.updateComplete;
      const cluster = markers(el).findIndex((m) => m.dataset['kind'] === 'group');
      for (let i = 0; i < cluster; i++) await sendKeys({ press: 'ArrowDown' });
      const before = markers(el).length;
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => markers(el).length > before, 'the cluster splits');
      await el.updateComplete;
      // The keyboard stays on a marker of what was the cluster.
      expect($(el, '#map')!.getAttribute('aria-activedescendant')).to.match(/^marker-\d+$/);
      await expect(el).to.be.accessible();
    });
  });

  describe('pick mode', () => {
    const picker = (adapter: VecheAdapter = demo()) =>
      mount(html`<veche-project-map mode="pick" campaign="demo" .adapter=${adapter}></veche-project-map>`);

    it('picks the point under the crosshair with the keyboard, with its district', async () => {
      const el = await picker();
      expect(markers(el)).to.have.length(0);
      expect($(el, '#map')!.getAttribute('role')).to.equal('application');
      expect(text($(el, '[part=picked]'))).to.equal('Место пока не выбрано.');
      await expect(el).to.be.accessible();
      $(el, '#map')!.focus();
      await sendKeys({ press: 'ArrowUp' });
      await sendKeys({ press: 'ArrowLeft' });
      await aTimeout(50);
      const picked = oneEvent(el, 'veche-location');
      await sendKeys({ press: 'Enter' });
      const { detail } = await picked;
      expect(detail.districtId).to.be.a('string');
      const shapes = readDistricts(demoFixture(NOW).campaign.districts as Campaign['districts']).shapes;
      expect(detail.districtId).to.equal(districtAt(detail.lat, detail.lng, shapes));
      await el.updateComplete;
      expect(text($(el, '[part=picked]'))).to.match(/^Выбрано место: широта 53,\d+, долгота 91,\d+, район «.+»\.$/);
      expect(text($(el, '[role=status][aria-live]'))).to.equal(text($(el, '[part=picked]')));
      expect($(el, '.pin')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('picks the point a resident taps, inside the district tapped', async () => {
      const el = await picker();
      const paths = $$(el, 'path.district');
      const ids = ['center', 'north', 'riverside'];
      for (const [i, path] of paths.entries()) {
        const r = path.getBoundingClientRect();
        const picked = oneEvent(el, 'veche-location');
        await sendMouse({ type: 'click', position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)] });
        expect((await picked).detail.districtId).to.equal(ids[i]);
      }
      // Outside every district: no districtId, and the text says so.
      const box = $(el, '#map')!.getBoundingClientRect();
      const outside = oneEvent(el, 'veche-location');
      await sendMouse({ type: 'click', position: [Math.round(box.x + 10), Math.round(box.bottom - 10)] });
      expect((await outside).detail).to.not.have.property('districtId');
      await el.updateComplete;
      expect(text($(el, '[part=picked]'))).to.contain('Место вне районов кампании.');
    });

    it('fills the place of the idea form it sits in', async () => {
      const adapter = demo((f) => {
        f.campaign.phases = movePhases(f.campaign.phases as never, 'ideas', new Date(Date.now() - 86_400_000));
      });
      const form = await fixture<HTMLElement & { location?: { lat: number; lng: number } }>(
        html`<veche-idea-form campaign="demo" draft-key="map-test" .adapter=${adapter}>
          <veche-project-map slot="location" mode="pick" campaign="demo" .adapter=${adapter}></veche-project-map>
        </veche-idea-form>`,
      );
      const el = await ready(form.querySelector('veche-project-map')!);
      $(el, '#map')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => form.location, 'the form has the place');
      expect(form.location!.lat).to.be.closeTo(53.7, 0.05);
      expect(form.shadowRoot!.querySelector<HTMLInputElement>('#lat')!.value).to.equal(String(form.location!.lat));
      localStorage.clear();
    });
  });

  describe('failures and setup', () => {
    it('shows the loading state while the adapter has not answered', async () => {
      const el = await fixture<VecheProjectMap>(html`<veche-project-map campaign="demo" .adapter=${withFaults(demo(), { getCampaign: 'hang' })}></veche-project-map>`);
      await waitUntil(() => $(el, '[part=loading]'), 'loading');
      expect(text($(el, '[part=loading]'))).to.contain('Загрузка');
      await expect(el).to.be.accessible();
    });

    it('shows a network failure with a retry that works', async () => {
      const { adapter, fail } = instrument(demo());
      fail.listProjects = new VecheError('network', 'offline');
      const holder = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = Object.assign(document.createElement('veche-project-map'), { campaign: 'demo', adapter });
      const error = oneEvent(holder, 'veche-error');
      holder.append(el);
      expect((await error).detail.code).to.equal('network');
      await ready(el);
      expect(text($(el, '[part=error]'))).to.contain('Повторить');
      await expect(el).to.be.accessible();
      fail.listProjects = undefined;
      $(el, '[part~=retry]')!.click();
      await waitUntil(() => markers(el).length > 0, 'the map draws after the retry');
    });

    it('brings back a campaign and projects that failed together with one retry', async () => {
      const { adapter, calls, fail } = instrument(demo());
      fail.getCampaign = new VecheError('unavailable', 'HTTP 500');
      fail.listProjects = new VecheError('unavailable', 'HTTP 500');
      const el = Object.assign(document.createElement('veche-project-map'), { campaign: 'demo', adapter });
      (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
      await waitUntil(() => $(el, '[part=error]') && calls.listProjects === 1, 'both fail');
      await aTimeout(0);
      fail.getCampaign = undefined;
      fail.listProjects = undefined;
      $(el, '[part~=retry]')!.click();
      await waitUntil(() => markers(el).length > 0, 'one retry draws the map with its projects');
      expect($(el, '[part=error]')).to.equal(null);
    });

    for (const [fault, code] of [
      ['unavailable', 'unavailable'],
      ['timeout', 'timeout'],
    ] as const) {
      it(`explains a ${fault} of the projects`, async () => {
        const holder = await fixture<HTMLDivElement>(html`<div></div>`);
        const el = Object.assign(document.createElement('veche-project-map'), { campaign: 'demo', adapter: withFaults(demo(), { listProjects: fault }) });
        const error = oneEvent(holder, 'veche-error');
        holder.append(el);
        expect((await error).detail.code).to.equal(code);
        await ready(el);
        expect($(el, '[part=error]')).to.exist;
        expect($(el, '[part~=retry]')).to.exist;
        await expect(el).to.be.accessible();
      });
    }

    it('refuses an answer that is not a page of projects, or a cursor that goes round', async () => {
      const base = demo();
      const el = await map(patched(base, { listProjects: async () => ({ projects: [] }) }));
      expect($(el, '[part=error]')).to.exist;
      expect($(el, '[part~=retry]')).to.exist;
      const loop = await map(patched(base, { listProjects: async () => ({ items: [], nextCursor: 'again' }) }));
      expect($(loop, '[part=error]')).to.exist;
      const notCampaign = await map(patched(base, { getCampaign: async () => 'nonsense' }));
      expect($(notCampaign, '[part=error]')).to.exist;
      await expect(notCampaign).to.be.accessible();
    });

    it('asks for an api address and a campaign', async () => {
      const noApi = await mount(html`<veche-project-map campaign="demo"></veche-project-map>`);
      expect(text($(noApi, '[part=error]'))).to.contain('укажите адрес API');
      await expect(noApi).to.be.accessible();
      const noCampaign = await mount(html`<veche-project-map .adapter=${demo()}></veche-project-map>`);
      expect(text($(noCampaign, '[part=error]'))).to.contain('укажите кампанию');
      await expect(noCampaign).to.be.accessible();
    });

    it('draws the districts it can and names one with broken GeoJSON', async () => {
      const base = demo();
      const broken = patched(base, {
        getCampaign: async (id: string) => {
          const c = await base.getCampaign(id);
          c.districts[1] = { ...c.districts[1]!, geometry: { type: 'Polygon', coordinates: [[[91.6, 'x']]] } as never };
          return c;
        },
      });
      const holder = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = Object.assign(document.createElement('veche-project-map'), { campaign: 'demo', adapter: broken });
      const error = oneEvent(holder, 'veche-error');
      holder.append(el);
      expect((await error).detail.code).to.equal('invalid-response');
      await ready(el);
      expect($$(el, 'path.district')).to.have.length(2);
      expect(text(root(el).querySelector('[part~=notice].alert'))).to.equal('Не удалось нарисовать границы районов: Северный.');
      expect(markers(el).length).to.be.greaterThan(0);
      await expect(el).to.be.accessible();
    });

    it('reports wrong attributes and carries on with the defaults', async () => {
      const holder = await fixture<HTMLDivElement>(html`<div></div>`);
      const errors: string[] = [];
      holder.addEventListener('veche-error', (e) => errors.push(e.detail.message));
      const el = Object.assign(document.createElement('veche-project-map'), { campaign: 'demo', adapter: demo() });
      el.setAttribute('tiles', 'ftp://tiles.example/{z}/{x}/{y}');
      el.setAttribute('color-by', 'price');
      holder.append(el);
      await ready(el);
      expect(errors.some((m) => m.includes('tiles="ftp://'))).to.equal(true);
      expect(errors.some((m) => m.includes('color-by="price"'))).to.equal(true);
      expect($(el, '.leaflet-tile-pane img')).to.equal(null);
      expect(markers(el).length).to.be.greaterThan(0);
    });
  });

  describe('tiles and network', () => {
    it('requests nothing but its own code with tiles="none" (the default)', async () => {
      const start = performance.now();
      const el = await map(demo());
      await aTimeout(100);
      const requests = performance.getEntriesByType('resource').filter((e) => e.startTime >= start) as PerformanceResourceTiming[];
      expect(requests.filter((r) => r.initiatorType === 'img')).to.deep.equal([]);
      expect(requests.filter((r) => new URL(r.name).origin !== location.origin)).to.deep.equal([]);
      expect($$(el, 'img')).to.have.length(0);
      expect($(el, '[part=attribution]')).to.equal(null);
    });

    it('loads tiles from the host’s server, credits it, and says so when they fail', async () => {
      const holder = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = Object.assign(document.createElement('veche-project-map'), { campaign: 'demo', adapter: demo() });
      el.setAttribute('tiles', '/__no-such-tiles__/{z}/{x}/{y}.png');
      el.setAttribute('attribution', '© Город');
      const error = oneEvent(holder, 'veche-error');
      holder.append(el);
      expect((await error).detail.code).to.equal('network');
      await ready(el);
      await waitUntil(() => $(el, '[part~=notice].alert'), 'the failure is shown');
      expect(text($(el, '[part~=notice].alert'))).to.equal('Подложка карты не загрузилась: районы и проекты показаны без неё.');
      expect(text($(el, '[part=attribution]'))).to.equal('© Город');
      expect($$(el, '.leaflet-tile-pane img').length).to.be.greaterThan(0);
      expect($$(el, '.leaflet-tile-pane img')[0]!.getAttribute('alt')).to.equal('');
      await expect(el).to.be.accessible();
    });

    it('credits OpenStreetMap with its preset', async () => {
      const el = await map(demo((f) => (f.projects = [])), { tiles: 'osm' });
      const link = $<HTMLAnchorElement>(el, '[part=attribution] a')!;
      expect(text(link)).to.equal('© участники OpenStreetMap');
      expect(link.href).to.equal('https://www.openstreetmap.org/copyright');
    });
  });

  describe('language and pages', () => {
    it('speaks English with lang="en"', async () => {
      const el = await mount(html`<div lang="en"><veche-project-map campaign="demo" .adapter=${demo()}></veche-project-map></div>`);
      await waitUntil(() => text($(el, 'h2')) === 'Projects on the map', 'English texts load');
      await el.updateComplete;
      expect(attr($(el, '#map'), 'aria-label')).to.equal('Map of projects: 12 projects');
      expect($(el, '[part=controls] button')!.getAttribute('aria-label')).to.equal('Zoom in');
      expect(text($(el, '[part~=notice]'))).to.equal('Without a place on the map: 2 projects — they are in the list.');
      expect(groups(el)[0]!.getAttribute('aria-label')).to.match(/^Group of markers: \d+\sprojects?\. Enter zooms in$/);
      expect(text($(el, '[part=skip-link]'))).to.equal('Skip the map');
      await expect(el).to.be.accessible();
    });

    it('wraps at 320 px in the high-contrast large-text theme, without scrolling sideways', async () => {
      const holder = await fixture<HTMLDivElement>(html`<div style="width: 320px">
        <veche-provider theme="contrast"><veche-project-map campaign="demo" .adapter=${demo()}></veche-project-map></veche-provider>
      </div>`);
      const el = await ready(holder.querySelector('veche-project-map')!);
      const right = holder.getBoundingClientRect().right;
      for (const node of $$(el, '[part=header], select, [part=toggle], [part=map], [part=legend], [part=list], [part=link]')) {
        expect(node.getBoundingClientRect().right, node.localName).to.be.at.most(right + 0.5);
      }
      expect(el.scrollWidth).to.be.at.most(320);
      // The larger text makes larger markers and controls too.
      expect(parseFloat(getComputedStyle(markers(el)[0]!).fontSize)).to.be.greaterThan(16);
      await expect(holder).to.be.accessible();
    });

    it('keeps its layout inside a host page with aggressive global CSS', async () => {
      const style = document.createElement('style');
      style.textContent = `* { all: revert; display: inline !important; font-size: 9px !important; color: red !important; }
        div, svg { width: 10px !important; height: 10px !important; } [hidden] { display: block !important; }`;
      document.head.append(style);
      try {
        const el = await map(demo());
        expect(getComputedStyle(el).display).to.equal('block');
        expect($(el, '[part=map]')!.getBoundingClientRect().height).to.be.greaterThan(200);
        expect($(el, 'svg')!.getBoundingClientRect().width).to.be.greaterThan(100);
        expect(markers(el).length).to.be.greaterThan(0);
        await expect(el).to.be.accessible();
      } finally {
        style.remove();
      }
    });

    it('works twice on one page', async () => {
      const holder = await fixture<HTMLDivElement>(html`<div>
        <veche-project-map campaign="demo" .adapter=${demo()}></veche-project-map>
        <veche-project-map campaign="demo" mode="pick" .adapter=${demo()}></veche-project-map>
      </div>`);
      const [first, second] = [...holder.querySelectorAll('veche-project-map')];
      await ready(first!);
      await ready(second!);
      expect(markers(first!).length).to.be.greaterThan(0);
      expect($$(second!, 'path.district')).to.have.length(3);
      $(second!, '#map')!.focus();
      const picked = oneEvent(second!, 'veche-location');
      await sendKeys({ press: 'Enter' });
      await picked;
      expect($(first!, '.pin')).to.equal(null);
      expect($(second!, '.pin')).to.exist;
      await expect(holder).to.be.accessible();
    });
  });
});
