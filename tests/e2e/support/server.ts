import { demoFixture } from '@veche/core/memory';
import { fileURLToPath } from 'node:url';
import { issueCodes, movePhase, seedFixture } from '../../../packages/server/src/index.ts';
import { startServer, type TestServer } from '../../node/support/server.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

export interface E2EServer extends TestServer {
  /** Moves the demo campaign to a phase (now). */
  phase(phase: 'ideas' | 'support' | 'voting' | 'results' | 'implementation'): Promise<void>;
  /** Fresh voting codes of the demo campaign. */
  codes(count: number): Promise<string[]>;
}

/**
 * The reference server on SQLite in memory with the demo campaign (dated today), serving the built
 * bundle at `/veche/` and the e2e host pages (or another folder: `pages`) at `/`, on a free loopback
 * port. Needs `npm run build`.
 */
export async function startE2EServer(pages = `${root}tests/e2e/hosts/`): Promise<E2EServer> {
  const server = await startServer('sqlite', {
    seed: false,
    now: () => new Date(),
    static: [
      { prefix: '/veche/', root: `${root}packages/elements/dist/`, anyOrigin: true },
      { prefix: '/', root: pages },
    ],
  });
  await seedFixture(server.server.ctx, demoFixture(new Date()));
  return {
    ...server,
    phase: async (phase) => void (await movePhase(server.server.ctx, 'demo', phase)),
    codes: (count) => issueCodes(server.server.ctx, 'demo', count),
  };
}
