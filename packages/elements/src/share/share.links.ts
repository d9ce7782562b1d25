import type { ShareNetwork } from './share.types.ts';

/**
 * `value` with each half of a surrogate pair that stands alone (a text cut inside an emoji) replaced by
 * U+FFFD, as `String.prototype.toWellFormed` does: `encodeURIComponent` throws on a lone half.
 */
const wellFormed = (value: string): string => value.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDFFF]/g, (c) => (c.length === 2 ? c : '\uFFFD'));

/** `a=1&b=2` with every value through encodeURIComponent; empty values are left out. */
const query = (params: [string, string][]) =>
  params
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}=${encodeURIComponent(wellFormed(value))}`)
    .join('&');

/**
 * A network's share address for `url` with `text`: VK and OK take the text as the title, Telegram as
 * the message, MAX takes one message that ends with the address.
 */
export function shareLink(network: ShareNetwork, url: string, text: string): string {
  switch (network) {
    case 'vk':
      return `https://vk.com/share.php?${query([['url', url], ['title', text]])}`;
    case 'ok':
      return `https://connect.ok.ru/offer?${query([['url', url], ['title', text]])}`;
    case 'telegram':
      return `https://t.me/share/url?${query([['url', url], ['text', text]])}`;
    case 'max':
      return `https://max.ru/:share?${query([['text', text ? `${text} ${url}` : url]])}`;
  }
}

/** An absolute http(s) address for `value` (relative to the page), or undefined. */
export function webAddress(value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  try {
    const url = new URL(value.trim(), document.baseURI);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The address as people read it on a poster: without `https://`, `www.` and a trailing slash. */
export const readableAddress = (url: string): string => url.replace(/^https?:\/\/(www\.)?/i, '').replace(/\/$/, '');
