import { VecheBudgetBallot } from './budget-ballot.ts';

VecheBudgetBallot.define('veche-budget-ballot', VecheBudgetBallot);

declare global {
  interface HTMLElementTagNameMap {
    'veche-budget-ballot': VecheBudgetBallot;
  }
}
