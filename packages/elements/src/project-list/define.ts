import { VecheProjectList } from './project-list.ts';

VecheProjectList.define('veche-project-list', VecheProjectList);

declare global {
  interface HTMLElementTagNameMap {
    'veche-project-list': VecheProjectList;
  }
}
