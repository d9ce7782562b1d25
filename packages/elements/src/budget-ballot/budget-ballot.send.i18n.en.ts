import type { SendTerms } from './budget-ballot.send.i18n.ts';

/** English texts of the review, sending and receipt parts, loaded only on pages in English. */
export const en: SendTerms = {
  reviewTitle: 'Check your ballot',
  reviewIntro: 'Your vote counts only once you press “Send my vote”.',
  send: 'Send my vote',
  sending: 'Sending…',
  back: 'Change my choice',
  counted: 'Your vote counts',
  sentAt: (date) => `Sent ${date}.`,
  receipt: 'Confirmation code:',
  keepReceipt: 'Keep the code: with it you can check that your vote was counted.',
  yourChoice: 'Your choice',
  withdraw: 'Withdraw my vote and change it',
  withdrawHint: (date) => `Until ${date} you can withdraw your vote and vote again. A withdrawn vote does not count until you send the ballot again.`,
  notSentClosed: 'This choice was never sent and does not count.',
  results: 'Voting results',
  notSentBecause: (why) => `Your vote was not sent. ${why}`,
  notWithdrawn: (why) => `Your vote was not withdrawn. ${why}`,
  kept: 'Your choice is kept.',
  signInCancelled: 'A vote is accepted only once you confirm you are a resident.',
  hostOnly: 'To vote, sign in on the site that shows this ballot.',
};
