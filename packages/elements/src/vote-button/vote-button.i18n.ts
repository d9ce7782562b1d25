import type { Messages } from '../i18n/locale.ts';

/**
 * Texts of `veche-vote-button`. Counts, dates and countdowns arrive already formatted (Intl, plurals
 * from @veche/core). Override with `setMessages('veche-vote-button', locale, { support: 'Я за!' })`.
 */
export interface VoteButtonTerms {
  /** The button's visible label in the support phase… */
  support: string;
  /** …and the rest of its accessible name, read after the label. */
  supportName: (title: string) => string;
  vote: string;
  voteName: (title: string) => string;
  /** The label of the whole widget for screen readers. */
  group: (title: string) => string;

  supported: string;
  supportWithdrawn: string;
  withdrawSupportHint: string;
  voted: string;
  receipt: (code: string) => string;
  withdrawVoteHint: string;
  voteFinal: string;
  voteNotCounted: string;
  votedElsewhere: string;
  voteMoves: string;

  signInNeeded: string;
  wrongMethod: string;
  hostOnly: string;
  notAllowed: string;
  notEligibleSupport: string;
  notEligibleVote: string;
  ballotOnly: string;
  openBallot: string;
  inBallot: string;

  supportOpens: (date: string) => string;
  supportCloses: (relative: string) => string;
  supportClosed: (date: string) => string;
  voteOpens: (date: string) => string;
  voteCloses: (relative: string) => string;
  voteClosed: (date: string) => string;
  noPhase: string;
  /** After the count of signatures: `threshold` is formatted ("1 146"). */
  thresholdNeeded: (threshold: string) => string;
  thresholdReached: (threshold: string) => string;

  supportedNow: (title: string) => string;
  supportWithdrawnNow: string;
  votedNow: (title: string) => string;
  voteWithdrawnNow: string;
  alreadyDone: string;

  supportFailed: string;
  voteFailed: string;
  withdrawFailed: string;
  ballotWithdrawn: string;
}

export const voteButtonMessages: Messages<VoteButtonTerms> = {
  ru: {
    support: 'Поддержать',
    supportName: (title) => `проект «${title}»`,
    vote: 'Проголосовать',
    voteName: (title) => `за проект «${title}»`,
    group: (title) => `Проект «${title}»`,

    supported: 'Вы поддержали этот проект.',
    supportWithdrawn: 'Вы отозвали подпись. Поддержать проект можно снова.',
    withdrawSupportHint: 'Чтобы отозвать подпись, нажмите кнопку ещё раз.',
    voted: 'Ваш голос за этот проект учтён.',
    receipt: (code) => `Код подтверждения: ${code}.`,
    withdrawVoteHint: 'Чтобы отозвать голос, нажмите кнопку ещё раз.',
    voteFinal: 'Изменить голос в этом голосовании нельзя.',
    voteNotCounted: 'Голос за этот проект сейчас не учтён: бюллетень не отправлен. Проголосуйте снова.',
    votedElsewhere: 'Вы уже проголосовали за другой проект.',
    voteMoves: 'Если нажать кнопку, ваш голос перейдёт к этому проекту.',

    signInNeeded: 'Сначала попросим подтвердить, что вы житель: по коду из письма или по коду на почту или телефон.',
    wrongMethod: 'Для этого нужен другой способ входа. Нажмите кнопку, чтобы войти снова.',
    hostOnly: 'Чтобы участвовать, войдите на сайте, где размещён этот виджет.',
    notAllowed: 'Это действие вам недоступно.',
    notEligibleSupport: 'Этот проект сейчас не собирает подписи.',
    notEligibleVote: 'Этот проект не участвует в голосовании.',
    ballotOnly: 'Голосуют в бюллетене: там выбирают сразу несколько проектов.',
    openBallot: 'Перейти к бюллетеню',
    inBallot: 'Этот проект есть в вашем отправленном бюллетене.',

    supportOpens: (date) => `Сбор подписей начнётся ${date}`,
    supportCloses: (relative) => `Сбор подписей закроется ${relative}`,
    supportClosed: (date) => `Сбор подписей завершён ${date}`,
    voteOpens: (date) => `Голосование начнётся ${date}`,
    voteCloses: (relative) => `Голосование закроется ${relative}`,
    voteClosed: (date) => `Голосование завершено ${date}`,
    noPhase: 'В этой кампании нет такого этапа.',
    thresholdNeeded: (threshold) => `нужно ${threshold}`,
    thresholdReached: (threshold) => `порог ${threshold} пройден`,

    supportedNow: (title) => `Вы поддержали проект «${title}».`,
    supportWithdrawnNow: 'Подпись отозвана.',
    votedNow: (title) => `Голос за проект «${title}» учтён.`,
    voteWithdrawnNow: 'Голос отозван.',
    alreadyDone: 'Это уже сделано раньше.',

    supportFailed: 'Подпись не сохранена.',
    voteFailed: 'Голос не отправлен.',
    withdrawFailed: 'Отзыв не сохранён.',
    ballotWithdrawn: 'Ваш прежний бюллетень отозван и сейчас не учтён: проголосуйте ещё раз.',
  },
  en: () => import('./vote-button.i18n.en.ts').then((m) => m.en),
};
