import type { Messages } from '../i18n/locale.ts';

/**
 * Texts of `veche-sign-in` (title, intro, field labels and hints, confirm, switching
 * methods, errors). Override with `setMessages('veche-sign-in', locale, { … })`.
 */
export interface SignInTerms {
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
  /** Heading of the one-time-code step once a code is on its way. */
  enterCode: string;
  codeRequired: string;
  codeTooShort: string;
  contactRequired: string;
  contactInvalid: string;
  wrongVotingCode: string;
  wrongOneTimeCode: string;
  /** `wait` is relative: "через 10 минут", "in 10 minutes". */
  rateLimited: (wait: string) => string;
  changeContact: string;
  sendAgain: string;
  checking: string;
  noMethods: string;
  signedIn: string;
}

export const signInMessages: Messages<SignInTerms> = {
  ru: {
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
    enterCode: 'Введите код из сообщения',
    codeRequired: 'Введите код.',
    codeTooShort: 'Код слишком короткий: проверьте, что ввели его полностью.',
    contactRequired: 'Введите адрес электронной почты или номер телефона.',
    contactInvalid: 'Это не похоже на адрес почты или номер телефона. Пример: name@mail.ru или +7 900 123-45-67.',
    wrongVotingCode: 'Код не подошёл. Проверьте его; каждый код действует один раз.',
    wrongOneTimeCode: 'Код не подошёл или устарел. Проверьте его или получите новый.',
    rateLimited: (wait) => `Слишком много попыток. Попробуйте снова ${wait}.`,
    changeContact: 'Изменить адрес или телефон',
    sendAgain: 'Отправить код ещё раз',
    checking: 'Проверяем…',
    noMethods: 'Здесь нельзя войти по коду. Войдите на сайте, где размещён этот виджет.',
    signedIn: 'Вы вошли.',
  },
  en: () => import('./sign-in.i18n.en.ts').then((m) => m.en),
};
