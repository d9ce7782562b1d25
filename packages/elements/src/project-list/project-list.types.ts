/** How `<veche-project-list>` lays its projects out; the first is the default. */
export const LIST_LAYOUTS = ['cards', 'rows'] as const;
export type ListLayout = (typeof LIST_LAYOUTS)[number];

/** The filters a resident picks from a select. */
export const FILTER_KEYS = ['status', 'category', 'district'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
