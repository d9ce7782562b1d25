import { VechePoll } from './poll.ts';

VechePoll.define('veche-poll', VechePoll);

declare global {
  interface HTMLElementTagNameMap {
    'veche-poll': VechePoll;
  }
}
