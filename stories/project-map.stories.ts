import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { VecheAdapter } from '@veche/core';
import { MemoryAdapter, demoFixture, type MemoryFixture } from '@veche/core/memory';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import '../packages/elements/src/project-map/define.ts';
import type { VecheProjectMap } from '../packages/elements/src/project-map/project-map.ts';
import { COLOR_BY, MAP_MODES, MAP_VIEWS, type ColorBy, type MapMode, type MapView } from '../packages/elements/src/project-map/project-map.types.ts';
import '../packages/elements/src/provider/define.ts';
import type { ThemeName } from '../packages/elements/src/styles/themes.ts';
import { demoAdapter, withFaults } from './support/adapters.ts';
import { manyProjectsAdapter } from './support/map-fixtures.ts';
import { patched } from './support/results-fixtures.ts';

/** The demo campaign with a change to its data (today's clock). */
function changedDemo(change: (f: MemoryFixture) => void): VecheAdapter {
  const fixture = demoFixture(new Date());
  change(fixture);
  return new MemoryAdapter({ fixtures: [fixture] });
}

interface Args {
  mode: MapMode;
  colorBy: ColorBy;
  view: MapView;
  tiles: string;
  theme: ThemeName;
  lang?: string;
  adapter?: VecheAdapter;
}

const mapOf = (canvas: HTMLElement) => canvas.querySelector<VecheProjectMap>('veche-project-map')!;
const shadow = (el: Element) => el.shadowRoot!;
const shadowText = (el: Element) => shadow(el).textContent!.replace(/\s+/g, ' ');
const markers = (el: Element) => shadow(el).querySelectorAll<HTMLElement>('.marker');

/** Waits until the map is drawn, or shows its loading state or an error, so that axe checks the settled state. */
async function settled(canvas: HTMLElement, what = '[part=controls], [part=error]'): Promise<VecheProjectMap> {
  const el = mapOf(canvas);
  await waitFor(() => expect(el.shadowRoot?.querySelector(what)).toBeTruthy(), { timeout: 8000 });
  await el.updateComplete;
  return el;
}

/**
 * `<veche-project-map>` shows a campaign's projects and districts on a Leaflet map: markers coloured by
 * category or status, grouped into clusters (a click or Enter zooms in), the same projects as a list under
 * the map (what screen readers get; a link skips the map), filters shared with `<veche-project-list>`.
 * Tiles come only from a server the host names (`tiles="osm"`, `"2gis"` or a URL template); these stories
 * use `tiles="none"`, the default: districts and markers on a plain background, no request.
 * `mode="pick"` makes it the place picker of `<veche-idea-form>`.
 */
const meta: Meta<Args> = {
  title: 'Elements/veche-project-map',
  component: 'veche-project-map',
  argTypes: {
    mode: { control: 'inline-radio', options: [...MAP_MODES] },
    colorBy: { control: 'inline-radio', options: [...COLOR_BY] },
    view: { control: 'inline-radio', options: [...MAP_VIEWS] },
    tiles: { control: 'text' },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'contrast', 'auto'] },
    lang: { control: 'inline-radio', options: ['ru', 'en'] },
    adapter: { table: { disable: true } },
  },
  args: { mode: 'view', colorBy: 'category', view: 'map', tiles: 'none', theme: 'light', lang: 'ru' },
  render: ({ mode, colorBy, view, tiles, theme, lang, adapter }) => html`
    <veche-provider theme=${theme}>
      <veche-project-map
        campaign="demo"
        mode=${mode}
        color-by=${colorBy}
        view=${view}
        tiles=${tiles}
        lang=${ifDefined(lang)}
        .adapter=${adapter ?? demoAdapter('phase=voting')}
      ></veche-project-map>
    </veche-provider>
  `,
};
export default meta;

type Story = StoryObj<Args>;

export const Projects: Story = {
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await waitFor(() => expect(markers(el).length).toBeGreaterThan(0));
    await expect(shadow(el).querySelectorAll('path.district')).toHaveLength(3);
    await expect(shadowText(el)).toContain('Без места на карте: 2 проекта');
    await expect(shadow(el).querySelectorAll('[part=item]')).toHaveLength(14);
  },
};

export const EmptyCampaign: Story = {
  args: { adapter: changedDemo((f) => (f.projects = [])) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(markers(el)).toHaveLength(0);
    await expect(shadowText(el)).toContain('В кампании пока нет проектов.');
  },
};

export const OneProject: Story = {
  args: { adapter: changedDemo((f) => (f.projects = f.projects.filter((p) => p.id === 'demo-1'))) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await waitFor(() => expect(markers(el)).toHaveLength(1));
    await expect(markers(el)[0]!.getAttribute('aria-label')).toBe('Детская площадка во дворе на Ленина, 12 — Детям');
  },
};

/** 10,000 projects over the town: clusters with counts, the list 20 at a time. */
export const TenThousandProjects: Story = {
  args: { adapter: manyProjectsAdapter(10_000) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await waitFor(() => expect(markers(el).length).toBeGreaterThan(0));
    await expect(shadowText(el)).toContain('Показано 20 из 10 000');
  },
};

/** Projects without a place: only in the list, and the map says so. */
export const NoLocation: Story = {
  args: { adapter: changedDemo((f) => (f.projects = f.projects.filter((p) => !p.location))) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(markers(el)).toHaveLength(0);
    await expect(shadowText(el)).toContain('Место не указано — на карте нет');
  },
};

export const ColorByStatus: Story = {
  args: { colorBy: 'status' },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('Допущен к голосованию');
  },
};

export const ListOnly: Story = {
  args: { view: 'list' },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement, '[part=list]');
    await expect(shadow(el).querySelector<HTMLElement>('.map-area')!.hidden).toBe(true);
  },
};

/** A district whose GeoJSON the adapter sent broken: the others are drawn, the broken one is named. */
export const BrokenDistrict: Story = {
  args: {
    adapter: ((base: VecheAdapter) =>
      patched(base, {
        getCampaign: async (id: string) => {
          const c = await base.getCampaign(id);
          c.districts[2] = { ...c.districts[2]!, geometry: { type: 'Polygon', coordinates: [] } as never };
          return c;
        },
      }))(demoAdapter()),
  },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadowText(el)).toContain('Не удалось нарисовать границы районов: Заречный.');
  },
};

export const FailedAdapter: Story = {
  args: { adapter: withFaults(demoAdapter(), { listProjects: 'network' }) },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadow(el).querySelector('[part~=retry]')).toBeTruthy();
  },
};

export const Loading: Story = {
  args: { adapter: withFaults(demoAdapter(), { getCampaign: 'hang' }) },
  play: async ({ canvasElement }) => {
    await settled(canvasElement, '[part=loading]');
  },
};

/** The place picker of the idea form: tap the map, or move it under the crosshair with the arrow keys and press Enter. */
export const PickMode: Story = {
  args: { mode: 'pick' },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await expect(shadow(el).querySelector('#map')!.getAttribute('role')).toBe('application');
    await expect(shadowText(el)).toContain('Место пока не выбрано.');
  },
};

export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await waitFor(() => expect(shadowText(el)).toContain('Projects on the map'));
  },
};

export const Dark: Story = {
  args: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await waitFor(() => expect(markers(el).length).toBeGreaterThan(0));
  },
};

/** The low-vision version: larger text, black on white, thick outlines. */
export const Contrast: Story = {
  args: { theme: 'contrast', colorBy: 'status' },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement);
    await waitFor(() => expect(markers(el).length).toBeGreaterThan(0));
  },
};
