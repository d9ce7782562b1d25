import '../budget-ballot/define.ts';
export { VecheBudgetBallot } from '../budget-ballot/budget-ballot.ts';
