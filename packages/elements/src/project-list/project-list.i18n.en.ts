import type { ProjectListTerms } from './project-list.i18n.ts';

/** English texts, loaded only on pages in English. */
export const en: ProjectListTerms = {
  search: 'Search projects',
  status: 'Status',
  allStatuses: 'All statuses',
  category: 'Category',
  allCategories: 'All categories',
  district: 'District',
  allDistricts: 'All districts',
  sort: 'Order',
  sorts: {
    newest: 'Newest first',
    supported: 'Most supported',
    'cost-asc': 'Cheapest first',
    'cost-desc': 'Most expensive first',
    random: 'Shuffled',
    title: 'By title',
  },
  list: 'Projects',
  found: (count) => `Found: ${count}`,
  shown: (count) => `Showing ${count}, more available`,
  more: 'Show more',
  added: (count, total) => `Added: ${count}. Showing ${total} in all.`,
  moreFailed: 'The next projects did not load.',
  nothingFound: 'Nothing found',
  nothingHint: 'Try another search, or reset the filters.',
  reset: 'Reset filters',
  noProjects: 'No projects yet.',
};
