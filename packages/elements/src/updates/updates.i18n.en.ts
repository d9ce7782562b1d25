import type { UpdatesTerms } from './updates.i18n.ts';

/** English texts, loaded only on pages in English. */
export const en: UpdatesTerms = {
  title: 'News',
  projectTitle: 'Project news',
  kind: { phase: 'Campaign stage', milestone: 'Progress' },
  more: 'Read more',
  older: 'Show more',
  added: (c, t) => `Loaded ${c} more, ${t} in all`,
  moreFailed: 'The next news items could not be loaded.',
  empty: 'No news yet.',
  unsupported: 'This server does not publish news.',
  items: { one: 'item', other: 'items' },
};
