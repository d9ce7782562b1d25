/*
 * Leaflet's own ES modules (`leaflet/src/…`), typed with @types/leaflet. The map imports only the parts it
 * uses — the map, drag, pinch and double-click zoom, SVG polygons and tile layers — rather than the whole
 * `leaflet-src.esm.js`, which Rollup cannot shake (every class is built by a call): 27 kB gzip instead of 43.
 */
declare module 'leaflet/src/map/Map.js' {
  export { Map } from 'leaflet';
}
declare module 'leaflet/src/map/handler/Map.Drag.js' {}
declare module 'leaflet/src/map/handler/Map.TouchZoom.js' {}
declare module 'leaflet/src/map/handler/Map.DoubleClickZoom.js' {}
declare module 'leaflet/src/layer/vector/Renderer.getRenderer.js' {}
declare module 'leaflet/src/layer/vector/Polygon.js' {
  export { Polygon } from 'leaflet';
}
declare module 'leaflet/src/layer/vector/SVG.js' {
  export { SVG } from 'leaflet';
}
declare module 'leaflet/src/layer/tile/TileLayer.js' {
  export { TileLayer } from 'leaflet';
}
declare module 'leaflet/src/geo/LatLngBounds.js' {
  export { LatLngBounds } from 'leaflet';
}
