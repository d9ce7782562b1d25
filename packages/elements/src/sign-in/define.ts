import { VecheSignIn } from './sign-in.ts';

VecheSignIn.define('veche-sign-in', VecheSignIn);

declare global {
  interface HTMLElementTagNameMap {
    'veche-sign-in': VecheSignIn;
  }
}
