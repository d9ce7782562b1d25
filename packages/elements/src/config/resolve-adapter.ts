import type { RestAdapterOptions } from '@veche/adapter-rest';
import { VecheError, type VecheAdapter } from '@veche/core';
import { pageDefaults, pageMeta, type VecheConfig } from './context.ts';

const adapters = new Map<string, Promise<VecheAdapter>>();

/**
 * The adapter for an `api` value, shared by every element that names the same one (so a vote button and
 * a list on one page agree): `https://…/api` or a path such as `/api` is the Veche HTTP API
 * (@veche/adapter-rest), `memory:demo` the in-browser MemoryAdapter. Each is loaded on demand, so a page
 * downloads only the one it uses. The HTTP adapter waits `timeout` ms an attempt (15000) and tries a read
 * `retries` more times (2), as the provider's `config` says, else `configure()`, else
 * `<meta name="veche:timeout">` and `<meta name="veche:retries">` (the adapter keeps its defaults for
 * values that are not numbers ≥ 0).
 */
export function resolveAdapter(api: string, config?: VecheConfig): Promise<VecheAdapter> {
  const url = api.trim();
  const [timeoutMs, retries] = (['timeout', 'retries'] as const).map((k) => Number(config?.[k] ?? pageDefaults()[k] ?? pageMeta(k)));
  const key = `${url} ${timeoutMs} ${retries}`;
  let adapter = adapters.get(key);
  if (!adapter) {
    adapter = load(url, { timeoutMs, retries });
    adapters.set(key, adapter);
    adapter.catch(() => adapters.delete(key));
  }
  return adapter;
}

async function load(api: string, patience: Pick<RestAdapterOptions, 'timeoutMs' | 'retries'>): Promise<VecheAdapter> {
  if (api.startsWith('memory:')) {
    const { createMemoryAdapter } = await import('@veche/core/memory');
    try {
      return createMemoryAdapter(api);
    } catch (e) {
      throw new VecheError('invalid-input', (e as Error).message, { cause: e });
    }
  }
  if (/^https?:\/\//i.test(api) || api.startsWith('/')) {
    const { RestAdapter } = await import('@veche/adapter-rest');
    return new RestAdapter({ baseUrl: api, ...patience });
  }
  throw new VecheError('invalid-input', `The api "${api}" is not an address Veche can use: https://…/api, /api or memory:demo`);
}

/** The page-wide api from `<meta name="veche:api" content="...">`. */
export const pageApi = (doc: Document = document): string | undefined => pageMeta('api', doc);
