import { VecheProvider } from './provider.ts';

VecheProvider.define('veche-provider', VecheProvider);

declare global {
  interface HTMLElementTagNameMap {
    'veche-provider': VecheProvider;
  }
}
