import { movePhases } from '../rules/phases.ts';
import { PHASE_IDS, type PhaseId } from '../domain/values.ts';
import { DEMO_ONE_TIME_CODE, demoFixture } from './demo.ts';
import { MemoryAdapter, type MemoryAdapterOptions } from './memory-adapter.ts';

/**
 * A MemoryAdapter from an `api` attribute: `memory:demo`, with optional settings after `?`:
 * `phase=results` (the demo moved to that phase), `latency=300` (ms), `signedIn=1` (a demo resident),
 * `persist=1` (keep what the resident did in localStorage).
 */
export function createMemoryAdapter(spec: string, extra: MemoryAdapterOptions = {}): MemoryAdapter {
  const match = /^memory:([\w-]*)(?:\?(.*))?$/.exec(spec.trim());
  if (!match) throw new RangeError(`"${spec}" is not a memory adapter address (memory:demo)`);
  const params = new URLSearchParams(match[2] ?? '');
  const now = extra.now ?? (() => new Date());
  const fixture = demoFixture(now());
  const phase = params.get('phase');
  if (phase !== null) {
    if (!(PHASE_IDS as readonly string[]).includes(phase)) throw new RangeError(`Unknown phase "${phase}"`);
    // Keep a week of the phase behind us, so "closed" and "open" states both have history.
    const shifted = new Date(now().getTime() - 7 * 86_400_000);
    fixture.campaign.phases = movePhases(
      fixture.campaign.phases.map((p) => ({ ...p })),
      phase as PhaseId,
      shifted,
    );
  }
  const latency = Number(params.get('latency') ?? 0);
  const persist = params.get('persist') === '1' && typeof localStorage !== 'undefined';
  return new MemoryAdapter({
    fixtures: [fixture],
    oneTimeCode: () => DEMO_ONE_TIME_CODE,
    ...(Number.isFinite(latency) && latency > 0 ? { latency } : {}),
    ...(persist ? { storage: localStorage, storageKey: `veche:${spec}` } : {}),
    ...(params.get('signedIn') === '1' ? { signedInAs: 'demo-resident' } : {}),
    ...extra,
  });
}
