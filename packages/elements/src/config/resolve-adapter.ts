import { VecheError, type VecheAdapter } from '@veche/core';

const adapters = new Map<string, Promise<VecheAdapter>>();

/**
 * The adapter for an `api` value, shared by every element that names the same one (so a vote button and
 * a list on one page agree): `https://…/api` or a path such as `/api` is the Veche HTTP API
 * (@veche/adapter-rest), `memory:demo` the in-browser MemoryAdapter. Each is loaded on demand, so a page
 * downloads only the one it uses.
 */
export function resolveAdapter(api: string): Promise<VecheAdapter> {
  const key = api.trim();
  let adapter = adapters.get(key);
  if (!adapter) {
    adapter = load(key);
    adapters.set(key, adapter);
    adapter.catch(() => adapters.delete(key));
  }
  return adapter;
}

async function load(api: string): Promise<VecheAdapter> {
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
    return new RestAdapter({ baseUrl: api });
  }
  throw new VecheError('invalid-input', `The api "${api}" is not an address Veche can use: https://…/api, /api or memory:demo`);
}

/** The page-wide api from `<meta name="veche:api" content="...">`. */
export function pageApi(doc: Document = document): string | undefined {
  return doc.querySelector<HTMLMetaElement>('meta[name="veche:api"]')?.content.trim() || undefined;
}
