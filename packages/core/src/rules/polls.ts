import { VecheError } from '../adapter/errors.ts';
import type { PollState } from '../domain/discussion.ts';
import type { Poll, PollAnswer, PollAnswerInput, PollResults } from '../schemas/discussion.ts';
import type { FieldIssue } from '../schemas/validate.ts';

export type PollIssueCode = 'no-choice' | 'too-many-choices' | 'unknown-option' | 'duplicate-option' | 'other-not-allowed';

export interface PollIssue extends FieldIssue {
  code: PollIssueCode;
  limit?: number;
}

/** Whether a poll has not opened yet, is open, or has closed, at `now`. */
export function pollState(poll: Pick<Poll, 'opensAt' | 'closesAt'>, now: Date): PollState {
  const t = now.getTime();
  if (t < Date.parse(poll.opensAt)) return 'upcoming';
  return poll.closesAt !== undefined && t >= Date.parse(poll.closesAt) ? 'closed' : 'open';
}

/** Throws `phase-closed` (with the state and dates) unless the poll is open at `now`. */
export function requirePollOpen(poll: Pick<Poll, 'opensAt' | 'closesAt'>, now: Date): void {
  const state = pollState(poll, now);
  if (state === 'open') return;
  throw new VecheError('phase-closed', state === 'upcoming' ? 'The poll has not opened yet' : 'The poll is closed', {
    details: { phase: 'poll', state, start: poll.opensAt, ...(poll.closesAt ? { end: poll.closesAt } : {}) },
  });
}

/** The most choices one answer may hold (the «other» text counts as one). */
export function maxChoices(poll: Pick<Poll, 'kind' | 'maxChoices' | 'options' | 'other'>): number {
  if (poll.kind === 'single') return 1;
  return poll.maxChoices ?? poll.options.length + (poll.other ? 1 : 0);
}

/**
 * Checks an answer against its poll: at least one choice (or an «other» text where the poll takes one),
 * no more than the poll allows, only its own options, each once.
 */
export function checkPollAnswer(poll: Pick<Poll, 'kind' | 'maxChoices' | 'options' | 'other'>, answer: Pick<PollAnswerInput, 'choices' | 'other'>): PollIssue[] {
  const issues: PollIssue[] = [];
  const other = answer.other?.trim() ?? '';
  if (other && !poll.other) issues.push({ field: 'other', code: 'other-not-allowed', message: 'is not taken by this poll' });
  const seen = new Set<string>();
  answer.choices.forEach((id, i) => {
    if (!poll.options.some((o) => o.id === id)) issues.push({ field: `choices[${i}]`, code: 'unknown-option', message: 'is not an option of this poll' });
    else if (seen.has(id)) issues.push({ field: `choices[${i}]`, code: 'duplicate-option', message: 'is chosen twice' });
    seen.add(id);
  });
  const count = answer.choices.length + (other && poll.other ? 1 : 0);
  if (count === 0) issues.push({ field: 'choices', code: 'no-choice', message: poll.other ? 'must hold a choice or an answer of your own' : 'must hold a choice' });
  const limit = maxChoices(poll);
  if (count > limit) issues.push({ field: 'choices', code: 'too-many-choices', limit, message: `may hold at most ${limit}` });
  return issues;
}

/** Whether the results may be shown: to everyone once closed; before that, to those who answered (`after-answer`). */
export function pollResultsVisible(poll: Pick<Poll, 'results' | 'opensAt' | 'closesAt'>, now: Date, answered: boolean): boolean {
  if (pollState(poll, now) === 'closed') return true;
  return poll.results === 'after-answer' && answered;
}

/** The counts of a poll's answers: per option in the poll's order, and the «other» answers. */
export function tallyPoll(poll: Pick<Poll, 'options'>, answers: Iterable<Pick<PollAnswer, 'choices' | 'other'>>): PollResults {
  const counts = new Map(poll.options.map((o) => [o.id, 0]));
  let total = 0;
  let other = 0;
  for (const a of answers) {
    total++;
    for (const id of new Set(a.choices)) if (counts.has(id)) counts.set(id, counts.get(id)! + 1);
    if (a.other?.trim()) other++;
  }
  return { total, options: poll.options.map((o) => ({ id: o.id, count: counts.get(o.id)! })), other };
}
