import '../results/define.ts';
export { VecheResults } from '../results/results.ts';
