import '../idea-form/define.ts';
export { VecheIdeaForm } from '../idea-form/idea-form.ts';
