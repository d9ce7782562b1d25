import type { ProjectStatus } from '@veche/core';

/** What colours a project's marker: its first category (`campaign.categories[].color`) or its status. */
export const COLOR_BY = ['category', 'status'] as const;
export type ColorBy = (typeof COLOR_BY)[number];

/** `view` shows projects; `pick` lets a resident choose a point (the idea form's `location` slot). */
export const MAP_MODES = ['view', 'pick'] as const;
export type MapMode = (typeof MAP_MODES)[number];

/** What the element shows: the map with the list under it, or the list alone. */
export const MAP_VIEWS = ['map', 'list'] as const;
export type MapView = (typeof MAP_VIEWS)[number];

export const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T => list.includes(value as T);

/**
 * Marker colours by status. Each is a CSS custom property with this fallback, so a host restyles them
 * (`--veche-project-map-status-selected: …`); every fallback has at least 3:1 contrast on white.
 */
export const STATUS_COLORS: Record<ProjectStatus, string> = {
  submitted: '#5c6470',
  published: '#1f5fbf',
  rejected: '#b3245f',
  shortlisted: '#7b3fc4',
  selected: '#17703f',
  'not-selected': '#5c6470',
  'in-progress': '#a14d00',
  done: '#005f73',
};

/** A point a resident chose in pick mode: `veche-location`'s detail. */
export type { VecheLocationDetail as PickedLocation } from '../events/events.ts';
