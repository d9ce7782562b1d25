import { VecheError } from '@veche/core';

const loading = new Map<string, Promise<unknown>>();

/**
 * Defines an element from its module, loaded the first time it is needed, unless the page already has it
 * (`veche.js`, or another copy of Veche). A failed download is a network failure, and can be retried.
 */
export function defineLazily(tag: string, load: () => Promise<unknown>): Promise<unknown> {
  if (customElements.get(tag)) return Promise.resolve();
  let pending = loading.get(tag);
  if (!pending) {
    pending = load().catch((error: unknown) => {
      loading.delete(tag);
      throw new VecheError('network', `Could not load <${tag}>`, { cause: error });
    });
    loading.set(tag, pending);
  }
  return pending;
}
