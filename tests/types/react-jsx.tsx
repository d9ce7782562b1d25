// Compiled by `npm run typecheck`: the JSX types accept what the elements take and refuse the rest.
import type {} from '../../packages/elements/types/react.d.ts';
import { createMemoryAdapter } from '@veche/core/memory';

const adapter = createMemoryAdapter('memory:demo');

export const ok = (
  <veche-provider adapter={adapter} campaign="demo" theme="dark">
    <veche-vote-button project="demo-1" onveche-vote={(e) => e.detail.projectId.toUpperCase()} />
    <veche-progress-meter view="timeline" onveche-error={(e) => e.detail.code} />
    <veche-idea-form onveche-idea-submit={(e) => e.detail.id} />
    <veche-comments project="demo-1" sort="useful" pageSize={10} onveche-comment={(e) => e.detail.action} />
    <veche-poll poll="demo-priorities" onveche-poll-answer={(e) => e.detail.choices.length} />
  </veche-provider>
);

// @ts-expect-error: a theme the provider does not have
export const badTheme = <veche-provider theme="purple" />;
// @ts-expect-error: view is one of support, funding, timeline
export const badView = <veche-progress-meter view="pie" />;
// @ts-expect-error: the event's detail has no such field
export const badEvent = <veche-vote-button onveche-vote={(e) => e.detail.nothing} />;
// @ts-expect-error: not a Veche element
export const unknown = <veche-nothing />;
// @ts-expect-error: sort is newest or useful
export const badSort = <veche-comments sort="oldest" />;
