import type { Messages } from './locale.ts';

/** Words every element uses. Domain words (phases, statuses, errors, plurals) come from @veche/core. */
export interface CommonTerms {
  loading: string;
  retry: string;
  close: string;
  cancel: string;
  errorTitle: string;
  noApi: string;
  noCampaign: string;
  noProject: string;
  signIn: string;
  signOut: string;
  signInTitle: string;
  signInIntro: string;
  votingCode: string;
  votingCodeHint: string;
  contact: string;
  contactHint: string;
  sendCode: string;
  codeSent: (to: string) => string;
  oneTimeCode: string;
  confirm: string;
  useVotingCode: string;
  useOneTimeCode: string;
  signedInAs: string;
  opensOn: (date: string) => string;
  closesIn: (relative: string) => string;
  closedOn: (date: string) => string;
  pause: string;
  resume: string;
}

export const common: Messages<CommonTerms> = {
  ru: {
    loading: 'Загрузка…',
    retry: 'Повторить',
    close: 'Закрыть',
    cancel: 'Отмена',
    errorTitle: 'Не получилось',
    noApi: 'Виджет не настроен: укажите адрес API в атрибуте api, в <veche-provider> или в <meta name="veche:api">.',
    noCampaign: 'Виджет не настроен: укажите кампанию в атрибуте campaign.',
    noProject: 'Виджет не настроен: укажите проект в атрибуте project.',
    signIn: 'Войти',
    signOut: 'Выйти',
    signInTitle: 'Подтвердите, что вы житель',
    signInIntro: 'Один житель — один голос. Войдите с кодом из письма или получите код на почту или телефон.',
    votingCode: 'Код для голосования',
    votingCodeHint: 'Напечатан в письме или на листовке, например DEMO-1001.',
    contact: 'Электронная почта или телефон',
    contactHint: 'Пришлём одноразовый код. Адрес не публикуется.',
    sendCode: 'Получить код',
    codeSent: (to) => `Код отправлен: ${to}.`,
    oneTimeCode: 'Код из сообщения',
    confirm: 'Подтвердить',
    useVotingCode: 'У меня есть код для голосования',
    useOneTimeCode: 'Получить код на почту или телефон',
    signedInAs: 'Вы вошли',
    opensOn: (date) => `Откроется ${date}`,
    closesIn: (relative) => `Закроется ${relative}`,
    closedOn: (date) => `Завершено ${date}`,
    pause: 'Остановить обновление',
    resume: 'Продолжить обновление',
  },
  en: {
    loading: 'Loading…',
    retry: 'Try again',
    close: 'Close',
    cancel: 'Cancel',
    errorTitle: 'Something went wrong',
    noApi: 'The widget is not set up: give the API address in the api attribute, on <veche-provider>, or in <meta name="veche:api">.',
    noCampaign: 'The widget is not set up: give the campaign in the campaign attribute.',
    noProject: 'The widget is not set up: give the project in the project attribute.',
    signIn: 'Sign in',
    signOut: 'Sign out',
    signInTitle: 'Confirm you are a resident',
    signInIntro: 'One resident, one vote. Sign in with the code from your letter, or get a code by e-mail or phone.',
    votingCode: 'Voting code',
    votingCodeHint: 'Printed in your letter or on a leaflet, e.g. DEMO-1001.',
    contact: 'E-mail or phone',
    contactHint: 'We will send a one-time code. It is never published.',
    sendCode: 'Send me a code',
    codeSent: (to) => `Code sent to ${to}.`,
    oneTimeCode: 'Code from the message',
    confirm: 'Confirm',
    useVotingCode: 'I have a voting code',
    useOneTimeCode: 'Get a code by e-mail or phone',
    signedInAs: 'Signed in',
    opensOn: (date) => `Opens ${date}`,
    closesIn: (relative) => `Closes ${relative}`,
    closedOn: (date) => `Closed ${date}`,
    pause: 'Pause updates',
    resume: 'Resume updates',
  },
};
