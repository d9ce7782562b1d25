import { VecheIdeaForm } from './idea-form.ts';

VecheIdeaForm.define('veche-idea-form', VecheIdeaForm);

declare global {
  interface HTMLElementTagNameMap {
    'veche-idea-form': VecheIdeaForm;
  }
}
