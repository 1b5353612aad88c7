import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { now } from '../src/clock.js';

/** A real HTTP service on 127.0.0.1 that answers 503 during a simulated failover window. */
export class DrillApp {
  private server: Server | undefined;
  private failingUntil = 0;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((_req, res) => res.writeHead(now() < this.failingUntil ? 503 : 200).end());
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  /** Fails every request for `ms` from now (the time the mesh takes to fail over). */
  failFor(ms: number): void {
    this.failingUntil = now() + ms;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
