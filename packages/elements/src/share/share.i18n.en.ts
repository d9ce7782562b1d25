import type { ShareTerms } from './share.i18n.ts';

/** English texts, loaded only on pages in English. */
export const en: ShareTerms = {
  share: 'Share',
  networks: { vk: 'VK', ok: 'OK', telegram: 'Telegram', max: 'MAX' },
  newTab: '(opens in a new tab)',
  link: 'Link',
  copy: 'Copy link',
  copied: 'Link copied',
  copyManually: 'Copying did not work: the link is selected in the field, press Ctrl+C.',
  qr: (a) => `QR code linking to ${a}`,
  scan: 'Point your phone camera at the code to open the page.',
  poster: 'Poster to print',
  print: 'Print',
  badUrl: (v) => `The address “${v}” will not do: it needs an http:// or https:// link. This page’s link is shown instead.`,
  campaignFailed: 'The campaign could not be loaded, so this page’s link is shown.',
};
