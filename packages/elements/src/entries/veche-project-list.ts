import '../project-list/define.ts';
export { VecheProjectList } from '../project-list/project-list.ts';
