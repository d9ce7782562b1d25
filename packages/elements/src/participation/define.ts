import { VecheParticipation } from './participation.ts';

VecheParticipation.define('veche-participation', VecheParticipation);

declare global {
  interface HTMLElementTagNameMap {
    'veche-participation': VecheParticipation;
  }
}
