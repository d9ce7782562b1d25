import type { Map as LeafletMap } from 'leaflet';
import { TileLayer } from 'leaflet/src/layer/tile/TileLayer.js';
import type { TileSource } from './project-map.tiles.ts';

/**
 * Adds the host's tile server to the map. Loaded only when `tiles` names one, so the default map (no
 * tiles, no requests) does not carry Leaflet's tile code.
 */
export function addTiles(map: LeafletMap, { url, subdomains, maxZoom }: TileSource, onError?: () => void): void {
  const tiles = new TileLayer(url, { subdomains, maxZoom, attribution: '' });
  if (onError) tiles.on('tileerror', onError);
  tiles.addTo(map);
}
