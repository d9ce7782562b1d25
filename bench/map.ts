// `npm run bench -- map`: how fast the built `<veche-project-map>` clusters and draws 10,000 projects and
// redraws a zoom step, in headless Chromium (the system one, through Playwright). Needs `npm run build`.
// The map's own part (dist/veche-project-map.js exports `MapView`, the Leaflet renderer) is measured
// directly, from the projects given to the time the frame with the markers has been painted; the element
// is measured too, from its `+` button to the redrawn markers, and from being put in the page (100 pages of
// projects through the adapter's cursor) to the markers drawn.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dist, openBenchPage, root } from './browser-page.ts';
import { report } from './harness.ts';

const PROJECTS = 10_000;
const RUNS = 9;

/** The page's data: the demo campaign with 10,000 generated projects, and the same projects as map points. */
const FIXTURE = `
import { manyProjects, manyProjectsAdapter } from '${root}stories/support/map-fixtures.ts';
window.vecheBenchAdapter = manyProjectsAdapter(${PROJECTS});
window.vecheBenchPoints = manyProjects(${PROJECTS}).projects
  .filter((p) => p.location)
  .map((p, i) => ({ id: p.id, lat: p.location.lat, lng: p.location.lng, color: ['#1a7f5a', '#1f5fbf', '#7b3fc4', '#a14d00', '#b3245f'][i % 5] }));
`;

const PAGE = `<!doctype html>
<html lang="ru">
  <head>
    <meta charset="utf-8" />
    <title>Карта: 10 000 проектов</title>
    <style>body { margin: 0; } #direct { width: 960px; height: 600px; position: relative; }</style>
    <script type="module" src="/bench/fixture.js"></script>
  </head>
  <body>
    <div id="direct"></div>
    <div id="element" style="width: 960px"></div>
  </body>
</html>`;

/*
 * Runs in the page (strings: tsx would wrap functions' inner helpers in its own __name, unknown to the page).
 * \`painted()\` resolves once the next frame has been painted — a message posted from requestAnimationFrame
 * arrives after that frame's style, layout and paint — with when it was painted and how long that frame's
 * work took (from its requestAnimationFrame to painted), so that the wait for vsync can be left out.
 */
const HELPERS = `
  window.painted = () => new Promise((resolve) => requestAnimationFrame(() => {
    const raf = performance.now();
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { const at = performance.now(); resolve({ at, frame: at - raf }); };
    channel.port2.postMessage(null);
  }));
  window.newView = async (MapView, container) => {
    container.replaceChildren();
    return new MapView(container, { animate: false, label: (m) => String(m.count), count: String, onDraw() {}, onMarker() {} });
  };
`;

/** Direct: projects in → clustered, drawn and painted; then zoom steps in and out, each redrawn and painted. */
const DIRECT = `(async () => {
  const { MapView } = await import('/veche/veche-project-map.js');
  const container = document.getElementById('direct');
  const points = window.vecheBenchPoints;
  const load = [], loadBusy = [], loadJs = [], zoom = [], zoomBusy = [], zoomJs = [];
  let markers = 0;
  for (let run = 0; run < ${RUNS}; run++) {
    const view = await window.newView(MapView, container);
    await window.painted();
    const start = performance.now();
    view.setPoints(points);
    view.fit(true);
    const script = performance.now() - start;
    const { at, frame } = await window.painted();
    loadJs.push(script);
    loadBusy.push(script + frame);
    load.push(at - start);
    markers = Math.max(markers, view.markers.length);
    for (const delta of [1, 1, 1, 1, -1, -1, -1, -1]) {
      const t = performance.now();
      view.zoomBy(delta);
      const redraw = performance.now() - t;
      const { at, frame } = await window.painted();
      zoomJs.push(redraw);
      zoomBusy.push(redraw + frame);
      zoom.push(at - t);
    }
    view.destroy();
  }
  return { load, loadBusy, loadJs, zoom, zoomBusy, zoomJs, markers, points: points.length };
})()`;

/** The element: put in the page until its markers are drawn (all pages fetched), then its + and − buttons. */
const ELEMENT = `(async () => {
  await customElements.whenDefined('veche-project-map');
  const holder = document.getElementById('element');
  const first = [], zoom = [], zoomBusy = [];
  let represented = 0;
  for (let run = 0; run < 3; run++) {
    holder.replaceChildren();
    const el = document.createElement('veche-project-map');
    el.setAttribute('campaign', 'demo');
    el.adapter = window.vecheBenchAdapter;
    const start = performance.now();
    holder.append(el);
    await new Promise((resolve) => {
      const check = () => (el.shadowRoot?.querySelector('.marker') ? resolve() : requestAnimationFrame(check));
      check();
    });
    first.push((await window.painted()).at - start);
    const all = [...el.shadowRoot.querySelectorAll('.marker')];
    represented = all.reduce((s, m) => s + (m.dataset.kind === 'group' ? Number(m.textContent.replace(/\\D/g, '')) : 1), 0);
    await el.updateComplete;
    const [zoomIn, zoomOut] = el.shadowRoot.querySelectorAll('[part=controls] button');
    for (const button of [zoomIn, zoomIn, zoomOut, zoomOut, zoomIn, zoomOut]) {
      const t = performance.now();
      button.click();
      await el.updateComplete;
      const work = performance.now() - t;
      const { at, frame } = await window.painted();
      zoom.push(at - t);
      zoomBusy.push(work + frame);
    }
  }
  return { first, zoom, zoomBusy, represented };
})()`;

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const percentile = (values: number[], p: number) => {
  const s = sorted(values);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;

export async function benchMap(): Promise<void> {
  if (!existsSync(`${dist}veche-project-map.js`)) {
    console.log('\nveche-project-map: skipped, run `npm run build` first');
    return;
  }
  // Reduced motion: zoom steps are redrawn at once rather than after Leaflet's 250 ms animation.
  const { page, close } = await openBenchPage(FIXTURE, PAGE, { viewport: { width: 1000, height: 1400 }, reducedMotion: 'reduce' });
  try {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.waitForFunction('window.vecheBenchPoints && window.vecheBenchAdapter');
    await page.evaluate(HELPERS);
    const direct = (await page.evaluate(DIRECT)) as {
      load: number[];
      loadBusy: number[];
      loadJs: number[];
      zoom: number[];
      zoomBusy: number[];
      zoomJs: number[];
      markers: number;
      points: number;
    };
    const element = (await page.evaluate(ELEMENT)) as { first: number[]; zoom: number[]; zoomBusy: number[]; represented: number };
    if (errors.length) throw new Error(`The page failed: ${errors.join('; ')}`);

    const load = percentile(direct.load, 50);
    const worst = Math.max(...direct.load);
    const zoom = percentile(direct.zoomBusy, 50);
    const button = percentile(element.zoomBusy, 50);
    report(`veche-project-map, built, headless Chromium: ${direct.points.toLocaleString('en')} projects with a place, ${RUNS} runs`, [
      { name: 'clustered and drawn, to the painted frame, median', value: ms(load), goal: '<= 300 ms', ok: load <= 300 },
      { name: 'clustered and drawn, to the painted frame, worst', value: ms(worst), goal: '<= 300 ms', ok: worst <= 300 },
      { name: '  busy time (clustering, markers, style, layout, paint), median', value: ms(percentile(direct.loadBusy, 50)) },
      { name: '  of which clustering and markers (script), median', value: ms(percentile(direct.loadJs, 50)) },
      { name: 'markers drawn at "show everything" (clusters)', value: String(direct.markers) },
      { name: 'zoom step: busy time (redraw + style, layout, paint), median', value: ms(zoom), goal: '<= 16 ms', ok: zoom <= 16 },
      { name: 'zoom step: busy time, p95', value: ms(percentile(direct.zoomBusy, 95)) },
      { name: '  of which the redraw (script), median', value: ms(percentile(direct.zoomJs, 50)) },
      { name: 'zoom step: to the painted frame (with the wait for vsync), median', value: ms(percentile(direct.zoom, 50)) },
      { name: 'element: + / − button, busy time, median', value: ms(button), goal: '<= 16 ms', ok: button <= 16 },
      { name: 'element: + / − button to the painted frame, median', value: ms(percentile(element.zoom, 50)) },
      { name: 'element: in the page to markers painted (100 pages), median', value: ms(percentile(element.first, 50)) },
      { name: 'element: projects on the map (sum of markers)', value: element.represented.toLocaleString('en'), goal: direct.points.toLocaleString('en'), ok: element.represented === direct.points },
    ]);
  } finally {
    await close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchMap();
