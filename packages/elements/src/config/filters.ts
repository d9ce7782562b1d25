import type { ProjectSort, ProjectStatus } from '@veche/core';

/** The project filters a list and a map of one campaign share. */
export interface ProjectFilters {
  status?: ProjectStatus[];
  category?: string[];
  district?: string[];
  q?: string;
  sort?: ProjectSort;
  /** Seed of the `random` sort, so two elements (and a shared link) see one order. */
  seed?: number;
}

export const FILTER_EVENT = 'veche-filter-change';

export interface VecheFilterChangeDetail {
  campaignId: string;
  filters: ProjectFilters;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'veche-filter-change': CustomEvent<VecheFilterChangeDetail>;
  }
}

/**
 * Tells the other elements of a campaign that filters changed: a `veche-filter-change` event from the
 * element (bubbling, composed; the host can listen and react). Elements of the same campaign anywhere on
 * the page pick it up through `onSharedFilters`.
 */
export function shareFilters(source: Element, campaignId: string, filters: ProjectFilters): void {
  source.dispatchEvent(new CustomEvent(FILTER_EVENT, { detail: { campaignId, filters }, bubbles: true, composed: true }));
}

/**
 * Calls `listener` when another element of the same campaign changes the filters. Works across copies of
 * Veche on one page, since it only relies on the DOM event.
 */
export function onSharedFilters(self: Element, campaignId: () => string | undefined, listener: (filters: ProjectFilters) => void): () => void {
  const handler = (event: Event) => {
    const { detail } = event as CustomEvent<VecheFilterChangeDetail>;
    if (event.composedPath()[0] === self || detail.campaignId !== campaignId()) return;
    listener(detail.filters);
  };
  document.addEventListener(FILTER_EVENT, handler);
  return () => document.removeEventListener(FILTER_EVENT, handler);
}
