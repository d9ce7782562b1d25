import { VecheProjectDetail } from './project-detail.ts';

VecheProjectDetail.define('veche-project-detail', VecheProjectDetail);

declare global {
  interface HTMLElementTagNameMap {
    'veche-project-detail': VecheProjectDetail;
  }
}
