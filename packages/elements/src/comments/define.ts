import { VecheComments } from './comments.ts';

VecheComments.define('veche-comments', VecheComments);

declare global {
  interface HTMLElementTagNameMap {
    'veche-comments': VecheComments;
  }
}
