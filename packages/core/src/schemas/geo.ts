import * as z from 'zod/mini';

const Position = z.tuple([
  z.number().check(z.gte(-180, 'longitude must be at least -180'), z.lte(180, 'longitude must be at most 180')),
  z.number().check(z.gte(-90, 'latitude must be at least -90'), z.lte(90, 'latitude must be at most 90')),
]);

/** A closed ring: at least four positions, the last equal to the first. */
const Ring = z.array(Position).check(
  z.minLength(4, 'a ring needs at least 4 positions'),
  z.refine((ring) => {
    const first = ring[0];
    const last = ring[ring.length - 1];
    return !first || !last || (first[0] === last[0] && first[1] === last[1]);
  }, 'a ring must end where it starts'),
);

export const Polygon = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(Ring).check(z.minLength(1, 'a polygon needs an outer ring')),
});

export const MultiPolygon = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(Ring).check(z.minLength(1, 'a polygon needs an outer ring'))).check(z.minLength(1)),
});

/** GeoJSON geometry of a district: a Polygon or a MultiPolygon, positions as [longitude, latitude]. */
export const DistrictGeometry = z.discriminatedUnion('type', [Polygon, MultiPolygon]);
export type DistrictGeometry = z.infer<typeof DistrictGeometry>;
export type GeoPosition = z.infer<typeof Position>;
