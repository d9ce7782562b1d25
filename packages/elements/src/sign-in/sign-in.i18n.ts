import type { Messages } from '../i18n/locale.ts';

/**
 * Texts of `veche-sign-in` beyond the shared sign-in words in `common` (title, intro, field labels and
 * hints, confirm, switching methods). Override with `setMessages('veche-sign-in', locale, { … })`.
 */
export interface SignInTerms {
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
  en: {
    enterCode: 'Enter the code from the message',
    codeRequired: 'Enter the code.',
    codeTooShort: 'The code is too short: check that you typed all of it.',
    contactRequired: 'Enter an e-mail address or a phone number.',
    contactInvalid: 'This does not look like an e-mail address or a phone number, e.g. name@example.com or +7 900 123-45-67.',
    wrongVotingCode: 'This code did not work. Check it; each code works once.',
    wrongOneTimeCode: 'This code did not work or has expired. Check it or get a new one.',
    rateLimited: (wait) => `Too many attempts. Try again ${wait}.`,
    changeContact: 'Use another e-mail or phone',
    sendAgain: 'Send the code again',
    checking: 'Checking…',
    noMethods: 'You cannot sign in with a code here. Sign in on the site this widget is on.',
    signedIn: 'Signed in.',
  },
};
