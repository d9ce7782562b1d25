import { type VecheError, movePhases, type CampaignInput, type Phase, type PhaseId, type VecheAdapter } from '@veche/core';
import { MemoryAdapter, demoFixture } from '@veche/core/memory';

/** The fixed clock of the vote-button and sign-in tests. */
export const NOW = new Date('2026-06-15T09:00:00Z');
export const DAY = 86_400_000;
export const clock = () => NOW;

export interface Setup {
  /** The phase open at NOW (voting by default). */
  phase?: PhaseId;
  /** Days until that phase closes (9 by default). */
  daysLeft?: number;
  rules?: CampaignInput['votingRules'];
  allowRevote?: boolean;
  voteVisibility?: CampaignInput['voteVisibility'];
  signIn?: Partial<NonNullable<CampaignInput['signIn']>>;
  /** Starts signed in with a voting code. */
  signedIn?: boolean;
}

/** The demo campaign on a fixed clock, moved so that `phase` is open and closes in `daysLeft` days. */
export function memoryAt(setup: Setup = {}): MemoryAdapter {
  const fixture = demoFixture(NOW);
  const campaign = fixture.campaign;
  const phase = setup.phase ?? 'voting';
  const current = campaign.phases.find((p) => p.id === phase)!;
  const length = Date.parse(current.end) - Date.parse(current.start);
  const start = new Date(NOW.getTime() + (setup.daysLeft ?? 9) * DAY - length);
  campaign.phases = movePhases(campaign.phases as Phase[], phase, start);
  if (setup.rules) campaign.votingRules = setup.rules;
  if (setup.allowRevote !== undefined) campaign.allowRevote = setup.allowRevote;
  if (setup.voteVisibility) campaign.voteVisibility = setup.voteVisibility;
  if (setup.signIn) campaign.signIn = { ideas: [], support: [], voting: [], ...campaign.signIn, ...setup.signIn };
  return new MemoryAdapter({
    fixtures: [fixture],
    now: clock,
    oneTimeCode: () => '123456',
    ...(setup.signedIn ? { signedInAs: 'resident-1' } : {}),
  });
}

type Method = Exclude<keyof VecheAdapter, 'capabilities'>;

/**
 * Counts calls of each method, and lets a test make chosen methods fail (`fail.support = error`) or
 * wait (`gate.support = promise`) until it says so.
 */
export function instrument(adapter: VecheAdapter) {
  const calls: Partial<Record<Method, number>> = {};
  const fail: Partial<Record<Method, VecheError | undefined>> = {};
  const gate: Partial<Record<Method, Promise<unknown> | undefined>> = {};
  const proxy = new Proxy(adapter, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      const name = key as Method;
      return async (...args: unknown[]) => {
        calls[name] = (calls[name] ?? 0) + 1;
        await gate[name];
        const error = fail[name];
        if (error) throw error;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { adapter: proxy, calls, fail, gate };
}

/** A promise and the function that settles it. */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** The text of an element's shadow root, spaces squeezed. */
export const text = (el: Element): string => (el.shadowRoot ?? el).textContent!.replace(/\s+/g, ' ').trim();
