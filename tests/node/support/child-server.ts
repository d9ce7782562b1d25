// `veche-server serve` (the operators' command) as a child process on a free port, for suites that
// must kill it or keep its event loop apart from the load they make.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const SERVER_BIN = fileURLToPath(new URL('../../../packages/server/bin/veche-server.mjs', import.meta.url));

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface ChildServer {
  child: ChildProcess;
  origin: string;
  port: number;
  /** What the server wrote to stderr (its warnings). */
  stderr(): string;
  /** SIGKILL: no chance to finish anything. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM, the operator's stop. */
  stop(): Promise<void>;
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

/**
 * Runs `veche-server serve` with `env` (DATA_DIR or DATABASE_URL, ADMIN_TOKEN …) and waits until
 * `/api/health` answers 200. The server trusts X-Forwarded-For from loopback, like one behind a proxy.
 */
export async function startChildServer(env: Record<string, string>, options: { port?: number; nodeArgs?: string[] } = {}): Promise<ChildServer> {
  const chosen = options.port ?? (await freePort());
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER_BIN, 'serve'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(chosen), TRUST_PROXY: 'true', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  const origin = `http://127.0.0.1:${chosen}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`veche-server serve exited with ${child.exitCode}: ${stderr}`);
    try {
      const res = await fetch(`${origin}/api/health`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`veche-server serve did not answer within 60 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    origin,
    port: chosen,
    stderr: () => stderr,
    kill: async () => {
      child.kill('SIGKILL');
      await exited(child);
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}
