import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The folders a checkout serves beside the API: the element bundle at `/veche/` (open to every origin,
 * as host pages load it as a module), the administration console at `/admin/` and the example pages at
 * `/`. Only those that exist.
 */
export function checkoutMounts(): { prefix: string; root: string; anyOrigin?: boolean }[] {
  return [
    { prefix: '/veche/', root: `${root}packages/elements/dist/`, anyOrigin: true },
    { prefix: '/admin/', root: `${root}packages/admin/dist/` },
    { prefix: '/', root: `${root}examples/` },
  ].filter((m) => existsSync(m.root));
}
