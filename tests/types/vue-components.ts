// Compiled by `npm run typecheck`: Vue's GlobalComponents know the Veche tags, their props and events.
import type { GlobalComponents } from 'vue';
import type {} from '../../packages/elements/types/vue.d.ts';

type Props<T extends keyof GlobalComponents> = GlobalComponents[T] extends new () => { $props: infer P } ? P : never;

export const vote: Props<'veche-vote-button'> = { project: 'demo-1', onVecheVote: (e) => e.detail.projectId };
export const meter: Props<'veche-progress-meter'> = { view: 'funding', project: 'demo-13' };
// @ts-expect-error: view is one of support, funding, timeline
export const badMeter: Props<'veche-progress-meter'> = { view: 'pie' };
// @ts-expect-error: the event's detail has no such field
export const badVote: Props<'veche-vote-button'> = { onVecheVote: (e) => e.detail.nothing };
export const comments: Props<'veche-comments'> = { project: 'demo-1', sort: 'useful', onVecheComment: (e) => e.detail.commentId };
export const poll: Props<'veche-poll'> = { poll: 'demo-priorities', onVechePollAnswer: (e) => e.detail.pollId };
// @ts-expect-error: the poll answer's detail has no such field
export const badPoll: Props<'veche-poll'> = { onVechePollAnswer: (e) => e.detail.nothing };
