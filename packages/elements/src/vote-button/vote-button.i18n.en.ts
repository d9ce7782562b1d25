import type { VoteButtonTerms } from './vote-button.i18n.ts';

/** English texts, loaded only on pages in English. */
export const en: VoteButtonTerms = {
  support: 'Support',
  supportName: (title) => `the project “${title}”`,
  vote: 'Vote',
  voteName: (title) => `for “${title}”`,
  group: (title) => `Project “${title}”`,

  supported: 'You support this project.',
  supportWithdrawn: 'You withdrew your support. You can support the project again.',
  withdrawSupportHint: 'To withdraw your support, press the button again.',
  voted: 'Your vote for this project counts.',
  receipt: (code) => `Confirmation code: ${code}.`,
  withdrawVoteHint: 'To withdraw your vote, press the button again.',
  voteFinal: 'Votes cannot be changed in this election.',
  voteNotCounted: 'Your vote for this project does not count now: the ballot is not submitted. Vote again.',
  votedElsewhere: 'You have already voted for another project.',
  voteMoves: 'If you press the button, your vote moves to this project.',

  signInNeeded: 'First you will confirm you are a resident: with the code from your letter, or a code sent by e-mail or phone.',
  wrongMethod: 'This needs another way of signing in. Press the button to sign in again.',
  hostOnly: 'To take part, sign in on the site this widget is on.',
  notAllowed: 'You cannot do this.',
  notEligibleSupport: 'This project is not collecting support now.',
  notEligibleVote: 'This project is not on the ballot.',
  ballotOnly: 'Voting happens on the ballot, where you choose several projects at once.',
  openBallot: 'Go to the ballot',
  inBallot: 'This project is on your submitted ballot.',

  supportOpens: (date) => `Support opens on ${date}`,
  supportCloses: (relative) => `Support closes ${relative}`,
  supportClosed: (date) => `Support closed on ${date}`,
  voteOpens: (date) => `Voting opens on ${date}`,
  voteCloses: (relative) => `Voting closes ${relative}`,
  voteClosed: (date) => `Voting closed on ${date}`,
  noPhase: 'This campaign has no such stage.',
  thresholdNeeded: (threshold) => `${threshold} needed`,
  thresholdReached: (threshold) => `threshold of ${threshold} reached`,

  supportedNow: (title) => `You support “${title}”.`,
  supportWithdrawnNow: 'Support withdrawn.',
  votedNow: (title) => `Your vote for “${title}” counts.`,
  voteWithdrawnNow: 'Vote withdrawn.',
  alreadyDone: 'This has already been done.',

  supportFailed: 'Your support was not saved.',
  voteFailed: 'Your vote was not sent.',
  withdrawFailed: 'The withdrawal was not saved.',
  ballotWithdrawn: 'Your earlier ballot is withdrawn and does not count now: please vote again.',
};
