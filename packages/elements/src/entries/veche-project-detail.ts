import '../project-detail/define.ts';
export { VecheProjectDetail } from '../project-detail/project-detail.ts';
