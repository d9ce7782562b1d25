import { pluralForm } from '@veche/core';
import type { CommentsTerms } from './comments.i18n.ts';

/** English texts of the list, loaded only on pages in English. */
export const en: CommentsTerms = {
  title: 'Discussion',
  count: (n, count) => `${n} ${pluralForm('en', count, { one: 'comment', other: 'comments' })}`,
  stances: 'Positions',
  stance: { for: 'For', against: 'Against', neutral: 'Neutral' },
  order: 'Order',
  newest: 'Newest first',
  useful: 'Most useful first',
  resident: 'Resident',
  official: 'Official answer',
  pending: 'Awaiting moderation: only you can see it',
  edited: 'edited',
  usefulCount: (n) => `Useful: ${n}`,
  replies: (name) => `Replies to the comment: ${name}`,
  more: 'Show more',
  empty: 'No comments yet. Be the first to write.',
  closed: 'The discussion is closed: no new comments.',
  unsupported: 'Discussion is not available on this site.',
  readOnly: 'Here you can only read the discussion.',
  formsFailed: 'The comment form did not load.',
};
