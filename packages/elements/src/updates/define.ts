import { VecheUpdates } from './updates.ts';

VecheUpdates.define('veche-updates', VecheUpdates);

declare global {
  interface HTMLElementTagNameMap {
    'veche-updates': VecheUpdates;
  }
}
