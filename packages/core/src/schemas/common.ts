import * as z from 'zod/mini';

/** Identifiers: letters, digits and `-_.:/` (Pabulib ids such as `M/31/VIII` are kept as they are). */
export const Id = z.string().check(
  z.minLength(1, 'must not be empty'),
  z.maxLength(64, 'must be at most 64 characters'),
  z.regex(/^[\p{L}\p{N}][\p{L}\p{N}_\-.:/]*$/u, 'may hold only letters, digits and - _ . : /'),
);

/** Money is a whole, non-negative number of roubles. */
export const Money = z.int().check(z.nonnegative('must not be negative'), z.lte(1e13, 'is too large'));

/** A count of people, votes or points. */
export const Count = z.int().check(z.nonnegative('must not be negative'));

/** A share between 0 and 1. */
export const Share = z.number().check(z.gte(0, 'must be at least 0'), z.lte(1, 'must be at most 1'));

/** An ISO 8601 date-time, `Z` or with an offset. */
export const IsoDateTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });

/** An ISO 8601 calendar date. */
export const IsoDate = z.iso.date({ message: 'must be an ISO 8601 date (YYYY-MM-DD)' });

/** Plain text of at most `max` characters, trimmed. */
export const text = (max: number, min = 0) =>
  z.string().check(
    z.trim(),
    z.minLength(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`),
    z.maxLength(max, `must be at most ${max} characters`),
  );

/**
 * A web address that may appear in an `href` or `src`: http(s), a path on the same site, or a `blob:`
 * of this page (an in-browser upload). Never `javascript:` or `data:`.
 */
export const Url = z.string().check(
  z.maxLength(2048, 'must be at most 2048 characters'),
  z.regex(/^(https?:\/\/[^\s]+|blob:[^\s]+|\/[^\s]*)$/, 'must be an http(s) address or a path starting with /'),
);

export const Image = z.object({
  url: Url,
  /** Text alternative; an empty string marks a decorative image. */
  alt: text(300),
  width: z.optional(z.int().check(z.positive())),
  height: z.optional(z.int().check(z.positive())),
});
export type Image = z.infer<typeof Image>;

export const Location = z.object({
  lat: z.number().check(z.gte(-90, 'latitude must be at least -90'), z.lte(90, 'latitude must be at most 90')),
  lng: z.number().check(z.gte(-180, 'longitude must be at least -180'), z.lte(180, 'longitude must be at most 180')),
  address: z.optional(text(300)),
});
export type Location = z.infer<typeof Location>;

/** One page of a cursor-paged list. */
export const page = <T extends z.ZodMiniType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });
