import { EMBED_ELEMENTS } from '../../packages/server/src/embed/elements.ts';

/** Where the snippets say the reference server runs, and the campaign they name. */
const SERVER = 'https://pb.city.example';
const CAMPAIGN = 'minusinsk-2027';

/** Attribute values that make each element show something real in a snippet. */
const EXAMPLES: Record<string, Record<string, string>> = {
  'veche-vote-button': { project: '17' },
  'veche-progress-meter': { view: 'support', project: '17' },
  'veche-project-detail': {},
  'veche-share': { text: 'Народный бюджет: голосуйте за проекты для своего двора' },
};

const attributes = (values: Record<string, string>) => Object.entries(values).map(([k, v]) => ` ${k}="${v}"`).join('');

/**
 * The copy-paste snippets of an element's docs page: the script tag and the element (what most sites
 * use), and where scripts are not allowed, the iframe page with the host snippet that sizes it.
 */
export function embedSnippet(tag: string): string {
  const values = EXAMPLES[tag] ?? {};
  const lines = [
    '<!-- Once per page, in <head>: the loader and the server -->',
    `<script type="module" src="${SERVER}/veche/veche.js"></script>`,
    `<meta name="veche:api" content="${SERVER}/api">`,
    `<meta name="veche:campaign" content="${CAMPAIGN}">`,
    '',
    '<!-- Where the widget goes -->',
    `<${tag}${attributes(values)}></${tag}>`,
  ];
  const name = tag.replace(/^veche-/, '');
  const frame = EMBED_ELEMENTS[name];
  if (frame) {
    const query = new URLSearchParams({ campaign: CAMPAIGN, ...Object.fromEntries(Object.entries(values).filter(([k]) => k in frame.params)) });
    lines.push(
      '',
      '<!-- Or, on a page that may not run module scripts: the iframe page; embed.js (0.4 kB) keeps',
      '     the frame as tall as its content, without it the frame scrolls -->',
      `<iframe data-veche title="${frame.title.ru}" width="100%" height="480"`,
      `  src="${SERVER}/embed/${name}?${query}"></iframe>`,
      `<script async src="${SERVER}/veche/embed.js"></script>`,
    );
  }
  return lines.join('\n');
}
