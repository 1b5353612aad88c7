import { createServer, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { summarizeProbe } from '../src/analysis/probe-summary.js';
import { sleep } from '../src/clock.js';
import { startHttpProbe } from '../src/probe/http-prober.js';
import type { ConnectionMode } from '../src/probe/sample.js';
import { FlakyServer } from './flaky-server.js';

const RATE = 200;
const BOUND_MS = 1_000 / RATE + 20;

describe('measurement accuracy against a real HTTP server taken down for a known interval', () => {
  const servers: FlakyServer[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) await server.close();
  });

  it.each<ConnectionMode>(['fresh', 'keepalive'])('measures the outage within 1/R + 20 ms (%s)', async (mode) => {
    const server = new FlakyServer();
    servers.push(server);
    await server.up();
    const probe = startHttpProbe({ url: server.url, rate: RATE, mode, timeoutMs: 500 });
    await sleep(400);
    const downAt = server.down();
    await sleep(600);
    const upAt = await server.up();
    await sleep(400);
    const summary = summarizeProbe(await probe.stop(), { sustain: 5 });

    expect(summary.outages).toHaveLength(1);
    const [outage] = summary.outages;
    if (!outage || outage.end === null) throw new Error('outage not recovered');
    expect(Math.abs(outage.start - downAt)).toBeLessThanOrEqual(BOUND_MS);
    expect(Math.abs(outage.end - upAt)).toBeLessThanOrEqual(BOUND_MS);
    expect(Math.abs(outage.durationMs - (upAt - downAt))).toBeLessThanOrEqual(BOUND_MS);
    expect(summary.errorBoundMs).toBe(BOUND_MS);
    expect(summary.errors.refused ?? 0).toBeGreaterThan(50);
    expect(summary.ok).toBeGreaterThan(100);
    expect(summary.latency.raw.count).toBe(summary.ok);
  });

  it('never waits for a slow response: slots keep their schedule while requests hang', async () => {
    const server = new FlakyServer();
    servers.push(server);
    await server.up();
    // A hanging endpoint: the TCP handshake succeeds but nothing answers.
    const sockets: Socket[] = [];
    const hang = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => hang.listen(0, '127.0.0.1', resolve));
    const port = (hang.address() as AddressInfo).port;
    const probe = startHttpProbe({ url: `http://127.0.0.1:${port}/`, rate: 100, mode: 'fresh', timeoutMs: 200, durationMs: 500 });
    const run = await probe.done;
    for (const socket of sockets) socket.destroy();
    hang.close();
    expect(run.samples).toHaveLength(50);
    expect(run.samples.every((s) => s.error === 'timeout')).toBe(true);
    const spread = (run.samples.at(-1)?.sent ?? 0) - (run.samples[0]?.sent ?? 0);
    expect(spread).toBeGreaterThan(400);
    expect(summarizeProbe(run).availability).toBe(0);
  });
});
