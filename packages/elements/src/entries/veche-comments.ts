import '../comments/define.ts';
export { VecheComments } from '../comments/comments.ts';
