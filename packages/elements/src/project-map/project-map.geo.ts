import type { District } from '@veche/core';

/** A GeoJSON position: `[longitude, latitude]`. */
export type Position = readonly [number, number];
/** A polygon: its outer ring first, then its holes; each ring closed (last position = first). */
export type Polygon = readonly (readonly Position[])[];

/** A district as the map draws it and tests points against it. */
export interface DistrictShape {
  id: string;
  name: string;
  polygons: Polygon[];
}

/**
 * Whether a point lies inside a ring (ray casting, even–odd rule). Positions are `[lng, lat]`; a point
 * exactly on an edge may fall either way, which is fine for choosing a district.
 */
export function pointInRing(lng: number, lat: number, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether a point lies inside a polygon: in its outer ring and in none of its holes. */
export function pointInPolygon(lng: number, lat: number, polygon: Polygon): boolean {
  const [outer, ...holes] = polygon;
  return !!outer && pointInRing(lng, lat, outer) && !holes.some((hole) => pointInRing(lng, lat, hole));
}

/** The id of the first district that contains the point, if any. */
export function districtAt(lat: number, lng: number, districts: readonly DistrictShape[]): string | undefined {
  return districts.find((d) => d.polygons.some((p) => pointInPolygon(lng, lat, p)))?.id;
}

const isPosition = (p: unknown): p is Position =>
  Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]) && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;

const isRing = (ring: unknown): ring is Position[] => Array.isArray(ring) && ring.length >= 4 && ring.every(isPosition);

const isPolygon = (polygon: unknown): polygon is Position[][] => Array.isArray(polygon) && polygon.length >= 1 && polygon.every(isRing);

/**
 * The districts whose geometry can be drawn, and the names of those whose GeoJSON is broken (an adapter
 * may skip the schema): a broken district is left off the map and named, never thrown at the host.
 */
export function readDistricts(districts: readonly District[] | undefined): { shapes: DistrictShape[]; broken: string[] } {
  const shapes: DistrictShape[] = [];
  const broken: string[] = [];
  for (const d of Array.isArray(districts) ? districts : []) {
    const geometry = (d as Partial<District> | null)?.geometry as { type?: unknown; coordinates?: unknown } | undefined;
    const coordinates = geometry?.coordinates;
    const polygons =
      geometry?.type === 'Polygon' && isPolygon(coordinates)
        ? [coordinates]
        : geometry?.type === 'MultiPolygon' && Array.isArray(coordinates) && coordinates.length > 0 && coordinates.every(isPolygon)
          ? (coordinates as Position[][][])
          : undefined;
    if (polygons && typeof d.id === 'string') shapes.push({ id: d.id, name: String(d.name ?? d.id), polygons });
    else broken.push(String(d?.name ?? d?.id ?? '?'));
  }
  return { shapes, broken };
}

/** Whether a value is a usable latitude/longitude pair. */
export const isLatLng = (p: { lat?: unknown; lng?: unknown } | undefined | null): p is { lat: number; lng: number } =>
  !!p && typeof p.lat === 'number' && typeof p.lng === 'number' && Math.abs(p.lat) <= 90 && Math.abs(p.lng) <= 180;
