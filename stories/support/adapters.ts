import { VecheError, type VecheAdapter, type VecheErrorCode } from '@veche/core';
import { createMemoryAdapter } from '@veche/core/memory';

/** How one adapter method misbehaves: fail with a code, never answer, or answer after a delay. */
export type Fault = VecheErrorCode | 'hang' | { delay: number };

type Method = Exclude<keyof VecheAdapter, 'capabilities'>;

/**
 * Wraps an adapter so that chosen methods fail, hang or lag: the error, loading and slow states of
 * stories and tests, without a server. Other methods pass through.
 */
export function withFaults(adapter: VecheAdapter, faults: Partial<Record<Method, Fault>>): VecheAdapter {
  return new Proxy(adapter, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      const fault = faults[key as Method];
      if (typeof value !== 'function' || fault === undefined) return typeof value === 'function' ? value.bind(target) : value;
      return async (...args: unknown[]) => {
        if (fault === 'hang') {
          // Never answers, but still honours the call's AbortSignal like a real adapter.
          const signal = args.map((a) => (a as { signal?: AbortSignal } | undefined)?.signal).find((s) => s instanceof AbortSignal);
          return new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }));
        }
        if (typeof fault === 'object') {
          await new Promise((r) => setTimeout(r, fault.delay));
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        }
        throw new VecheError(fault, `Simulated ${fault} failure of ${String(key)}`);
      };
    },
  });
}

/** A fresh demo MemoryAdapter (not shared with other stories): `memory:demo` plus settings. */
export const demoAdapter = (settings = ''): VecheAdapter => createMemoryAdapter(`memory:demo${settings ? `?${settings}` : ''}`);
