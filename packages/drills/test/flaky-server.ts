import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { now } from '../src/clock.js';

/** A real HTTP server on 127.0.0.1 that can be taken down (listener and every socket closed) and brought back. */
export class FlakyServer {
  private server: Server | undefined;
  port = 0;
  requests = 0;

  /** Starts listening; returns the times just before listen() and when it reported listening (truth lies between). */
  async up(): Promise<{ readonly before: number; readonly after: number }> {
    const server = createServer((_req, res) => {
      this.requests += 1;
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
    server.keepAliveTimeout = 30_000;
    const before = now();
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    return { before, after: now() };
  }

  /** Closes the listener and every open connection; returns the time the service stopped. */
  down(): number {
    const server = this.server;
    if (!server) throw new Error('server is not up');
    const at = now();
    server.close();
    server.closeAllConnections();
    this.server = undefined;
    return at;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/healthz`;
  }

  async close(): Promise<void> {
    if (this.server) this.down();
  }
}
