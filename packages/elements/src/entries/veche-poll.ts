import '../poll/define.ts';
export { VechePoll } from '../poll/poll.ts';
