import type { UpdateItem } from '@veche/core';

/*
 * Atom 1.0 (RFC 4287) for the news of a campaign or a project: for the city site and for cross-posting
 * to the official VK, OK, MAX and Telegram pages. Every text is escaped and stripped of characters XML
 * does not allow; every address is made absolute.
 */

// XML 1.0 allows tab, line feed, carriage return and U+0020 upwards, without lone surrogates, U+FFFE and U+FFFF.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text for element content or an attribute value in double quotes. */
export function xmlText(value: string): string {
  return value.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const IMAGE_TYPES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', svg: 'image/svg+xml', gif: 'image/gif' };

export interface FeedInfo {
  /** The feed's permanent id (a `tag:` URI). */
  id: string;
  /** What an entry's id starts with: the campaign's, so an item has one id in every feed. */
  entryBase: string;
  title: string;
  subtitle?: string | undefined;
  /** Where the feed itself is. */
  self: string;
  /** The page the feed is about. */
  alternate?: string | undefined;
  /** Who publishes it: the administration. */
  author: string;
  /** The feed's time when it has no entries. */
  fallbackUpdated: string;
}

/** An absolute address from an item's (a path on the server's own site stays on it). */
const absolute = (url: string, origin: string): string | undefined => {
  try {
    const resolved = new URL(url, origin);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : undefined;
  } catch {
    return undefined;
  }
};

/** The feed of `items` (newest first). */
export function atomFeed(feed: FeedInfo, items: readonly UpdateItem[], origin: string): string {
  const updated = items.length > 0 ? items.reduce((max, i) => (i.date > max ? i.date : max), items[0]!.date) : feed.fallbackUpdated;
  const link = (rel: string, href: string | undefined, type?: string, title?: string) =>
    href === undefined ? '' : `<link rel="${rel}" href="${xmlText(href)}"${type ? ` type="${type}"` : ''}${title ? ` title="${xmlText(title)}"` : ''}/>`;
  const entries = items.map((item) => {
    const photos = item.photos
      .map((photo) => {
        const href = absolute(photo.url, origin);
        const ext = /\.(\w+)(?:[?#].*)?$/.exec(photo.url)?.[1]?.toLowerCase() ?? '';
        return link('enclosure', href, IMAGE_TYPES[ext], photo.alt || undefined);
      })
      .filter(Boolean);
    return [
      '  <entry>',
      `    <id>${xmlText(`${feed.entryBase}/${item.id}`)}</id>`,
      `    <title type="text">${xmlText(item.title)}</title>`,
      `    <updated>${item.date}</updated>`,
      `    <published>${item.date}</published>`,
      `    ${link('alternate', item.link && absolute(item.link, origin), 'text/html')}`,
      ...photos.map((p) => `    ${p}`),
      `    <category term="${item.kind}"/>`,
      `    <content type="text">${xmlText(item.text ?? item.title)}</content>`,
      '  </entry>',
    ]
      .filter((line) => line.trim() !== '')
      .join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ru">',
    `  <id>${xmlText(feed.id)}</id>`,
    `  <title type="text">${xmlText(feed.title)}</title>`,
    ...(feed.subtitle ? [`  <subtitle type="text">${xmlText(feed.subtitle)}</subtitle>`] : []),
    `  <updated>${updated}</updated>`,
    `  <author><name>${xmlText(feed.author)}</name></author>`,
    `  ${link('self', feed.self, 'application/atom+xml')}`,
    ...(feed.alternate ? [`  ${link('alternate', absolute(feed.alternate, origin), 'text/html')}`] : []),
    '  <generator version="0.1.0">Veche</generator>',
    ...entries,
    '</feed>',
  ]
    .filter((line) => line.trim() !== '')
    .join('\n')
    .concat('\n');
}
