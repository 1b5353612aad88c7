import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 that can delay what the upstream sends (replication lag injection: WAL reaches
 * the replica `delayMs` late) and cut everything at once (a network partition: buffered bytes are lost,
 * open connections reset, new ones refused).
 */
export class LagProxy {
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private cutAt: number | null = null;

  private constructor(
    private readonly server: Server,
    readonly port: number,
    /** Delay of every upstream → client chunk; change it once a replica has caught up. */
    public delayMs: number,
  ) {}

  static async start(upstreamPort: number, delayMs = 0): Promise<LagProxy> {
    const holder: { proxy?: LagProxy } = {};
    const server = createServer((client) => holder.proxy?.accept(client, upstreamPort));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.proxy = new LagProxy(server, (server.address() as { port: number }).port, delayMs);
    return holder.proxy;
  }

  /** When the partition happened (ms since epoch), or null. */
  get cutTime(): number | null {
    return this.cutAt;
  }

  private accept(client: Socket, upstreamPort: number): void {
    if (this.cutAt !== null) {
      client.destroy();
      return;
    }
    const upstream = connect(upstreamPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        this.sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk) => {
      if (this.delayMs === 0) {
        client.write(chunk);
        return;
      }
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        if (this.cutAt === null) client.write(chunk);
      }, this.delayMs);
      this.timers.add(timer);
    });
  }

  /** The partition: drop the delayed bytes, close every connection (what was delivered stays delivered), refuse new ones. */
  cut(): number {
    this.cutAt = Date.now();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const socket of this.sockets) socket.destroy();
    this.server.close();
    return this.cutAt;
  }

  async close(): Promise<void> {
    if (this.cutAt === null) this.cut();
  }
}
