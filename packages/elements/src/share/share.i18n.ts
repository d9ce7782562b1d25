import type { Messages } from '../i18n/locale.ts';
import type { ShareNetwork } from './share.types.ts';

/** The texts of `<veche-share>`; a page replaces any of them with `setMessages('veche-share', 'ru', { … })`. */
export interface ShareTerms {
  share: string;
  networks: Record<ShareNetwork, string>;
  /** Read after a network's name: the link opens a new tab. */
  newTab: string;
  link: string;
  copy: string;
  copied: string;
  copyManually: string;
  qr: (address: string) => string;
  scan: string;
  poster: string;
  print: string;
  badUrl: (value: string) => string;
  campaignFailed: string;
}

export const shareMessages: Messages<ShareTerms> = {
  ru: {
    share: 'Поделиться',
    networks: { vk: 'ВКонтакте', ok: 'Одноклассники', telegram: 'Telegram', max: 'MAX' },
    newTab: '(откроется в новой вкладке)',
    link: 'Ссылка',
    copy: 'Скопировать ссылку',
    copied: 'Ссылка скопирована',
    copyManually: 'Скопировать не получилось: ссылка выделена в поле, нажмите Ctrl+C.',
    qr: (a) => `QR-код со ссылкой ${a}`,
    scan: 'Наведите камеру телефона на код, чтобы открыть страницу.',
    poster: 'Плакат для печати',
    print: 'Распечатать',
    badUrl: (v) => `Адрес «${v}» не подходит: нужна ссылка http:// или https://. Показана ссылка на эту страницу.`,
    campaignFailed: 'Не удалось загрузить кампанию, поэтому показана ссылка на эту страницу.',
  },
  en: () => import('./share.i18n.en.ts').then((m) => m.en),
};
