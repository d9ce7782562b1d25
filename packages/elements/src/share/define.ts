import { VecheShare } from './share.ts';

VecheShare.define('veche-share', VecheShare);

declare global {
  interface HTMLElementTagNameMap {
    'veche-share': VecheShare;
  }
}
