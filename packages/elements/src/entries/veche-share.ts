import '../share/define.ts';
export { VecheShare } from '../share/share.ts';
