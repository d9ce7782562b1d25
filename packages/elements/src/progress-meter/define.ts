import { VecheProgressMeter } from './progress-meter.ts';

VecheProgressMeter.define('veche-progress-meter', VecheProgressMeter);

declare global {
  interface HTMLElementTagNameMap {
    'veche-progress-meter': VecheProgressMeter;
  }
}
