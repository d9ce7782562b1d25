import type { Messages } from './locale.ts';

/** Words every element uses. Domain words (phases, statuses, errors, plurals) come from @veche/core. */
export interface CommonTerms {
  loading: string;
  /** Shown after loading has taken a while (8 s). */
  slow: string;
  retry: string;
  close: string;
  cancel: string;
  errorTitle: string;
  noApi: string;
  noCampaign: string;
  noProject: string;
  signIn: string;
  opensOn: (date: string) => string;
  closesIn: (relative: string) => string;
  closedOn: (date: string) => string;
  pause: string;
  resume: string;
}

export const common: Messages<CommonTerms> = {
  ru: {
    loading: 'Загрузка…',
    slow: 'Загружается дольше обычного…',
    retry: 'Повторить',
    close: 'Закрыть',
    cancel: 'Отмена',
    errorTitle: 'Не получилось',
    noApi: 'Виджет не настроен: укажите адрес API в атрибуте api, в <veche-provider> или в <meta name="veche:api">.',
    noCampaign: 'Виджет не настроен: укажите кампанию в атрибуте campaign.',
    noProject: 'Виджет не настроен: укажите проект в атрибуте project.',
    signIn: 'Войти',
    opensOn: (date) => `Откроется ${date}`,
    closesIn: (relative) => `Закроется ${relative}`,
    closedOn: (date) => `Завершено ${date}`,
    pause: 'Остановить обновление',
    resume: 'Продолжить обновление',
  },
  en: () => import('./common.en.ts').then((m) => m.en),
};
