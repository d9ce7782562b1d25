/** What made a news item: the administration (`news`), a phase that began, a milestone completed. */
export const UPDATE_KINDS = ['news', 'phase', 'milestone'] as const;
export type UpdateKind = (typeof UPDATE_KINDS)[number];

/** The ways residents take part that the participation report counts. */
export const PARTICIPATION_ACTIONS = ['ideas', 'support', 'votes', 'comments'] as const;
export type ParticipationAction = (typeof PARTICIPATION_ACTIONS)[number];
