import '../project-map/define.ts';
import * as view from '../project-map/project-map.leaflet.ts';
import { useMapView } from '../project-map/project-map.ts';

// The map's own entry carries Leaflet, so the map draws without a second request; veche.js loads it on demand.
useMapView(view);

export { VecheProjectMap } from '../project-map/project-map.ts';
export { MapView } from '../project-map/project-map.leaflet.ts';
