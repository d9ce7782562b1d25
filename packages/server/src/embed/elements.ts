/*
 * The elements the server serves as iframe pages (`/embed/<name>`) and the query parameters each takes.
 * Plain data, nothing of Node or Fastify: the Storybook docs build their copy-paste iframe snippets from
 * it too.
 */

/** How a query parameter is checked before it becomes an attribute. */
export type Kind = 'id' | 'ids' | 'word' | 'words' | 'int' | 'flag' | 'text' | 'url' | 'tiles';

export interface EmbedElement {
  /** The page's title, in Russian and English (the iframe's own `title` is the host's to set). */
  title: Record<'ru' | 'en', string>;
  /** Query parameters that become attributes of the same name, beside campaign, theme and lang. */
  params: Record<string, Kind>;
  /** Parameters without which the element cannot show anything. */
  required?: string[];
}

/**
 * The elements served as iframe pages and what each takes from the query. Links that would navigate
 * the frame itself (`ballot-href`, `results-href`) are left out; the API is always this server's.
 */
export const EMBED_ELEMENTS: Record<string, EmbedElement> = {
  'vote-button': { title: { ru: 'Поддержать проект', en: 'Support a project' }, params: { project: 'id' }, required: ['project'] },
  'progress-meter': {
    title: { ru: 'Ход проекта', en: 'Progress' },
    params: { project: 'id', view: 'word', poll: 'int', paused: 'flag' },
  },
  'idea-form': { title: { ru: 'Предложить идею', en: 'Propose an idea' }, params: {} },
  'project-list': {
    title: { ru: 'Проекты', en: 'Projects' },
    params: { status: 'words', category: 'ids', district: 'ids', sort: 'word', seed: 'int', 'page-size': 'int', layout: 'word', filters: 'words', 'heading-level': 'int' },
  },
  'project-map': {
    title: { ru: 'Проекты на карте', en: 'Projects on the map' },
    params: { mode: 'word', 'color-by': 'word', view: 'word', tiles: 'tiles', attribution: 'text', status: 'words', category: 'ids', district: 'ids', q: 'text', filters: 'words' },
  },
  'budget-ballot': { title: { ru: 'Голосование', en: 'Ballot' }, params: { district: 'id' } },
  results: { title: { ru: 'Итоги', en: 'Results' }, params: {} },
  share: { title: { ru: 'Поделиться', en: 'Share' }, params: { url: 'url', text: 'text', networks: 'words' } },
};
