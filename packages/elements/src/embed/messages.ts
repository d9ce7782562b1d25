/**
 * The messages between an iframe page (`/embed/<element>`) and the page that frames it. Both are plain
 * objects sent with `postMessage`:
 *
 * - `{ type: 'veche:resize', height }` — frame → host: the content (and any open dialog) needs `height`
 *   CSS pixels. Sent whenever that changes and in answer to `veche:measure`.
 * - `{ type: 'veche:measure' }` — host → frame: "tell me your height now" (the host snippet asks when it
 *   starts and whenever a Veche iframe loads, so no message is missed whichever script runs first).
 *
 * The host snippet accepts `veche:resize` only from the window of an `<iframe data-veche>` and only when
 * the message's origin is the origin of that iframe's `src`.
 */
export const RESIZE = 'veche:resize';
export const MEASURE = 'veche:measure';

export interface ResizeMessage {
  type: typeof RESIZE;
  /** CSS pixels, a whole number. */
  height: number;
}

export interface MeasureMessage {
  type: typeof MEASURE;
}
