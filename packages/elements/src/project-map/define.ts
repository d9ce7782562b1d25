import { VecheProjectMap } from './project-map.ts';

VecheProjectMap.define('veche-project-map', VecheProjectMap);

declare global {
  interface HTMLElementTagNameMap {
    'veche-project-map': VecheProjectMap;
  }
}
