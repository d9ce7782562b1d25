import { VecheVoteButton } from './vote-button.ts';

VecheVoteButton.define('veche-vote-button', VecheVoteButton);

declare global {
  interface HTMLElementTagNameMap {
    'veche-vote-button': VecheVoteButton;
  }
}
