import type { CampaignInput, PollInput, VecheAdapter } from '@veche/core';
import { MemoryAdapter, demoFixture } from '@veche/core/memory';

/** The fixed clock of the discussion's tests and stories. */
export const NOW = new Date('2026-06-15T09:00:00Z');
export const MINUTE = 60_000;

export interface DiscussionSetup {
  /** The campaign's discussion policy. */
  discussion?: CampaignInput['discussion'];
  /** Starts signed in with a voting code. */
  signedIn?: boolean;
  /** The adapter's clock (the fixed NOW by default). */
  now?: () => Date;
  /** Milliseconds each call waits. */
  latency?: number;
  /** Polls besides the demo's (or instead of them, with `onlyPolls`). */
  polls?: PollInput[];
  /** Comments only on these projects (the demo's others are dropped), e.g. none for an empty discussion. */
  commentsOn?: string[];
}

/** The demo campaign on the fixed clock, with its discussion and polls, set up for a test or story. */
export function discussionAt(setup: DiscussionSetup = {}): MemoryAdapter {
  const fixture = demoFixture(NOW);
  if (setup.discussion) fixture.campaign.discussion = setup.discussion;
  if (setup.polls) fixture.polls = [...(fixture.polls ?? []), ...setup.polls];
  if (setup.commentsOn) fixture.comments = fixture.comments?.filter((c) => setup.commentsOn!.includes(c.projectId));
  return new MemoryAdapter({
    fixtures: [fixture],
    now: setup.now ?? (() => NOW),
    oneTimeCode: () => '123456',
    ...(setup.latency ? { latency: setup.latency } : {}),
    ...(setup.signedIn ? { signedInAs: 'resident-1' } : {}),
  });
}

/** A poll of the demo campaign, open around NOW unless the dates say otherwise. */
export function pollOf(extra: Partial<PollInput> & { id: string }): PollInput {
  return {
    campaignId: 'demo',
    kind: 'single',
    question: 'Нужна ли в парке новая спортивная площадка?',
    options: [
      { id: 'yes', label: 'Да' },
      { id: 'no', label: 'Нет' },
    ],
    audience: 'device',
    opensAt: new Date(NOW.getTime() - 86_400_000).toISOString(),
    closesAt: new Date(NOW.getTime() + 7 * 86_400_000).toISOString(),
    ...extra,
  };
}

/** An adapter without some of its methods or capabilities: a backend that has no discussion, or reads only. */
export function without(adapter: VecheAdapter, methods: (keyof VecheAdapter)[], capabilities: Partial<VecheAdapter['capabilities']> = {}): VecheAdapter {
  return new Proxy(adapter, {
    get(target, key, receiver) {
      if (key === 'capabilities') return { ...target.capabilities, ...capabilities };
      if (methods.includes(key as keyof VecheAdapter)) return undefined;
      const value = Reflect.get(target, key, receiver) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
