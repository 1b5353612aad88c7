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

  async function measureOnce(mode: ConnectionMode) {
    const server = new FlakyServer();
    servers.push(server);
    await server.up();
    const probe = startHttpProbe({ url: server.url, rate: RATE, mode, timeoutMs: 500 });
    await sleep(400);
    const downAt = server.down();
    await sleep(600);
    const up = await server.up();
    await sleep(400);
    const summary = summarizeProbe(await probe.stop(), { sustain: 5 });
    await server.close();
    return { summary, downAt, up };
  }

  it.each<ConnectionMode>(['fresh', 'keepalive'])(
    'measures the outage within 1/R + 20 ms (%s)',
    async (mode) => {
      // Each window states its own bound: 1/R + 20 ms while the prober keeps its schedule, wider when the host
      // starved it at a boundary. Every run must stay inside its stated bound; runs whose bound was widened are
      // retried (at most 5) until one measures within the nominal 1/R + 20 ms.
      let nominal = 0;
      for (let attempt = 0; attempt < 5 && nominal === 0; attempt += 1) {
        const { summary, downAt, up } = await measureOnce(mode);
        const real = summary.outages.filter((o) => !o.unsentOnly);
        expect(real).toHaveLength(1);
        const [outage] = real;
        if (!outage || outage.end === null) throw new Error('outage not recovered');
        const bound = outage.boundMs;
        expect(Math.abs(outage.start - downAt)).toBeLessThanOrEqual(bound);
        // The server came back somewhere in [up.before, up.after] (listen() is asynchronous).
        expect(outage.end).toBeGreaterThanOrEqual(up.before - bound);
        expect(outage.end).toBeLessThanOrEqual(up.after + bound);
        expect(outage.durationMs).toBeGreaterThanOrEqual(up.before - downAt - bound);
        expect(outage.durationMs).toBeLessThanOrEqual(up.after - downAt + bound);
        expect(summary.errors.refused ?? 0).toBeGreaterThan(50);
        expect(summary.latency.raw.count).toBe(summary.ok);
        if (bound === BOUND_MS && summary.outages.length === 1) nominal += 1;
      }
      expect(nominal).toBe(1);
    },
  );

  it('never waits for a slow response: slots keep their schedule while requests hang', async () => {
    const server = new FlakyServer();
    servers.push(server);
    await server.up();
    // A hanging endpoint: the TCP handshake succeeds but nothing answers.
    const sockets: Socket[] = [];
    const hang = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => hang.listen(0, '127.0.0.1', resolve));
    const port = (hang.address() as AddressInfo).port;
    const probe = startHttpProbe({
      url: `http://127.0.0.1:${port}/`,
      rate: 100,
      mode: 'fresh',
      timeoutMs: 200,
      durationMs: 500,
    });
    const run = await probe.done;
    for (const socket of sockets) socket.destroy();
    hang.close();
    expect(run.samples).toHaveLength(50);
    // Every slot failed; those sent (all, unless the host stalled the scheduler past 100 ms) timed out.
    expect(run.samples.every((s) => !s.ok && (s.error === 'timeout' || s.error === 'unsent'))).toBe(true);
    expect(run.samples.filter((s) => s.error === 'timeout').length).toBeGreaterThanOrEqual(40);
    const sent = run.samples.filter((s) => s.sent !== null);
    expect((sent.at(-1)?.sent ?? 0) - (sent[0]?.sent ?? 0)).toBeGreaterThan(350);
    expect(summarizeProbe(run).availability).toBe(0);
  });
});
