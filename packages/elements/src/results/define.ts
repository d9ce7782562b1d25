import { VecheResults } from './results.ts';

VecheResults.define('veche-results', VecheResults);

declare global {
  interface HTMLElementTagNameMap {
    'veche-results': VecheResults;
  }
}
