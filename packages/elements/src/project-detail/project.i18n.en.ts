import type { ProjectTerms } from './project.i18n.ts';

/** English texts, loaded only on pages in English. */
export const en: ProjectTerms = {
  project: 'Project',
  cost: 'Cost',
  district: 'District',
  categories: 'Categories',
  address: 'Address',
  author: 'Proposed by',
  support: 'Support',
  votes: 'Votes',
  photos: 'Project photos',
  statusNote: 'Note from the administration:',
  notFound: 'Project not found: it may have been withdrawn, or the link is wrong.',
};
