import '../vote-button/define.ts';
export { VecheVoteButton } from '../vote-button/vote-button.ts';
