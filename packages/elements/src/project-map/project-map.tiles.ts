/**
 * Where map tiles come from. Nothing is hard-wired and nothing is requested by default (`none`): a
 * Russian municipal site must not load a foreign map service unless it chooses to, so the host names a
 * tile server — a preset or its own — with `tiles`.
 */
export interface TileSource {
  /** A Leaflet URL template with `{z}`, `{x}`, `{y}` (and `{s}` for subdomains). */
  url: string;
  subdomains: string;
  maxZoom: number;
  /** The preset whose attribution text and link apply, or undefined for the host's `attribution`. */
  preset?: TilePreset;
}

export const TILE_PRESETS = {
  /** OpenStreetMap's own tile servers: fine for a demo, limited by their usage policy for production. */
  osm: { url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', subdomains: '', maxZoom: 19, link: 'https://www.openstreetmap.org/copyright' },
  /** 2GIS raster tiles (check 2GIS's terms for your site). */
  '2gis': { url: 'https://tile{s}.maps.2gis.com/tiles?x={x}&y={y}&z={z}', subdomains: '0123', maxZoom: 18, link: 'https://law.2gis.ru/' },
} as const;
export type TilePreset = keyof typeof TILE_PRESETS;

/** `none`, nothing (also `none`), a preset name, or a URL template; `invalid` for anything else. */
export function readTiles(value: string | undefined): TileSource | 'none' | 'invalid' {
  const v = value?.trim() ?? '';
  if (!v || v === 'none') return 'none';
  if (v in TILE_PRESETS) {
    const { url, subdomains, maxZoom } = TILE_PRESETS[v as TilePreset];
    return { url, subdomains, maxZoom, preset: v as TilePreset };
  }
  const template = /^(https?:\/\/|\/)/i.test(v) && ['{z}', '{x}', '{y}'].every((part) => v.includes(part));
  return template ? { url: v, subdomains: 'abc', maxZoom: 19 } : 'invalid';
}
