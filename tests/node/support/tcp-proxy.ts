// A TCP proxy the test controls, between the server and its database: `cut()` makes the database
// unreachable the way a failed network or host does (open connections reset, new ones accepted and
// then never answered), `restore()` lets traffic through again.
import { type Server, type Socket, connect, createServer } from 'node:net';

export class TcpProxy {
  readonly #server: Server;
  readonly #pairs = new Set<[Socket, Socket]>();
  readonly #held = new Set<Socket>();
  #cut = false;
  port = 0;

  private constructor(target: { host: string; port: number }) {
    this.#server = createServer((client) => {
      client.on('error', () => undefined);
      if (this.#cut) {
        // A black hole: the connection opens, nothing ever comes back.
        this.#held.add(client);
        client.on('close', () => this.#held.delete(client));
        return;
      }
      const upstream = connect(target.port, target.host);
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
      const pair: [Socket, Socket] = [client, upstream];
      this.#pairs.add(pair);
      const close = () => {
        this.#pairs.delete(pair);
        client.destroy();
        upstream.destroy();
      };
      client.on('close', close);
      upstream.on('close', close);
      client.pipe(upstream);
      upstream.pipe(client);
    });
  }

  /** A proxy on a free loopback port to `target` (a postgres:// URL's host and port). */
  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const proxy = new TcpProxy(target);
    await new Promise<void>((resolve) => proxy.#server.listen(0, '127.0.0.1', resolve));
    proxy.port = (proxy.#server.address() as { port: number }).port;
    return proxy;
  }

  /** `url` with its host and port pointing at the proxy. */
  through(url: string): string {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.href;
  }

  /** The database becomes unreachable: every open connection is reset, new ones hang. */
  cut(): void {
    this.#cut = true;
    for (const [client, upstream] of this.#pairs) {
      client.resetAndDestroy();
      upstream.destroy();
    }
    this.#pairs.clear();
  }

  /** Traffic flows again; connections held while cut are closed (their clients gave up long ago). */
  restore(): void {
    this.#cut = false;
    for (const socket of this.#held) socket.destroy();
    this.#held.clear();
  }

  /** Connections open through the proxy now. */
  get connections(): number {
    return this.#pairs.size;
  }

  async close(): Promise<void> {
    this.cut();
    this.restore();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
