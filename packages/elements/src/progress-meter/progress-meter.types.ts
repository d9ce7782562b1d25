/** The pictures a `<veche-progress-meter>` can draw; the first is the default. */
export const PROGRESS_VIEWS = ['support', 'funding', 'timeline'] as const;
export type ProgressView = (typeof PROGRESS_VIEWS)[number];

export const isProgressView = (value: unknown): value is ProgressView =>
  (PROGRESS_VIEWS as readonly unknown[]).includes(value);

/** Where a phase or a milestone stands relative to today. */
export const STEP_STATES = ['done', 'current', 'upcoming'] as const;
export type StepState = (typeof STEP_STATES)[number];

/** How the support count keeps itself up to date. */
export type LiveMode = 'off' | 'live' | 'poll';
