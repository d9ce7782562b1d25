import type { LitElement } from 'lit';
import type {} from '../src/all.ts';

/** Every Veche tag the page can use (from the `HTMLElementTagNameMap` entries of the elements' define files). */
export type VecheTag = Extract<keyof HTMLElementTagNameMap, `veche-${string}`>;

/** Every `veche-*` event with its type. */
export type VecheEventName = Extract<keyof GlobalEventHandlersEventMap, `veche-${string}`>;

/** An element's own public properties (what a framework may set): no methods, nothing of LitElement. */
export type VecheProps<E> = {
  -readonly [K in Exclude<keyof E, keyof LitElement> as E[K] extends (...args: never[]) => unknown ? never : K]?: E[K];
};

/** `veche-vote` → `VecheVote`. */
export type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Capitalize<Head>}${Camel<Tail>}` : Capitalize<S>;
