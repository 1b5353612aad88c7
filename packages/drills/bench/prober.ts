/**
 * Prober benchmark (run `npm run bench -w @okemesh/drills`; it builds first):
 *  1. loopback throughput of the open-model prober vs autocannon (closed loop) in the same run, as a ratio;
 *  2. scheduling jitter (sent - intended) at 1000 req/s;
 *  3. measured-vs-true outage error over repeated runs with the server taken down for a random interval.
 */
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { startHttpProbe, summarizeProbe } from '@okemesh/drills';

const SERVER =
  "require('http').createServer((q,s)=>s.end('ok')).listen(0,'127.0.0.1',function(){console.log(this.address().port)})";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function childServer(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) =>
    child.stdout.once('data', (d: Buffer) => resolve(d.toString().trim())),
  );
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill() };
}

async function throughput(url: string): Promise<void> {
  // Warm up both clients (JIT, sockets) before measuring.
  await startHttpProbe({ url, rate: 500, mode: 'keepalive', durationMs: 500 }).done;
  await autocannon({ url, connections: 32, duration: 1 });
  const cannon = await autocannon({ url, connections: 32, duration: 3 });
  const baseline = cannon.requests.average;
  console.log(`autocannon (closed loop, 32 connections): ${baseline.toFixed(0)} req/s`);
  await sleep(1_000);
  for (const mode of ['keepalive', 'fresh'] as const) {
    let best = 0;
    let peak = 0;
    for (const rate of [1_000, 2_000, 4_000, 8_000]) {
      const summary = summarizeProbe(
        await startHttpProbe({ url, rate, mode, durationMs: 2_000, timeoutMs: 1_000 }).done,
      );
      const okRate = (summary.ok / summary.durationMs) * 1_000;
      const held = summary.ok >= summary.slots * 0.99;
      console.log(
        `  prober ${mode.padEnd(9)} target ${String(rate).padStart(5)}/s: ${okRate.toFixed(0)} ok/s, ${summary.unsent} unsent, jitter p99 ${summary.jitter.p99.toFixed(2)} ms${held ? '' : '  (not sustained)'}`,
      );
      peak = Math.max(peak, okRate);
      if (held) best = rate;
      else break;
    }
    console.log(
      `prober ${mode}: peak ${peak.toFixed(0)} ok/s = ${(peak / baseline).toFixed(2)}x autocannon; max rate held with < 1 % failed slots: ${best}/s`,
    );
  }
}

async function jitter(url: string): Promise<void> {
  const summary = summarizeProbe(
    await startHttpProbe({ url, rate: 1_000, mode: 'keepalive', durationMs: 3_000 }).done,
  );
  console.log(
    `scheduling jitter @1000/s: p50 ${summary.jitter.p50.toFixed(3)} ms, p99 ${summary.jitter.p99.toFixed(3)} ms, max ${summary.jitter.max.toFixed(3)} ms (slot interval 1 ms)`,
  );
}

/** A flaky server in its own process (so its stalls are not the prober's), driven over IPC. */
const FLAKY = `
const http = require('http');
let server; let port = 0;
const now = () => performance.timeOrigin + performance.now();
process.on('message', (m) => {
  if (m === 'up') {
    const before = now();
    server = http.createServer((q, s) => s.end('ok'));
    server.listen(port, '127.0.0.1', () => { port = server.address().port; process.send({ port, before, after: now() }); });
  } else if (m === 'down') {
    const at = now(); server.close(); server.closeAllConnections(); process.send({ at });
  }
});`;

async function outageError(runs: number): Promise<void> {
  const rate = 200;
  const bound = 1_000 / rate + 20;
  const child = spawn(process.execPath, ['-e', FLAKY], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ask = <T>(message: string) =>
    new Promise<T>((resolve) => {
      child.once('message', (reply) => resolve(reply as T));
      child.send(message);
    });
  try {
    for (const mode of ['fresh', 'keepalive'] as const) {
      const errors: number[] = [];
      let widened = 0;
      let withinStated = 0;
      for (let i = 0; i < runs; i += 1) {
        const { port } = await ask<{ port: number }>('up');
        const probe = startHttpProbe({ url: `http://127.0.0.1:${port}/`, rate, mode, timeoutMs: 300 });
        await sleep(300);
        const { at: down } = await ask<{ at: number }>('down');
        await sleep(200 + Math.random() * 300);
        const up = await ask<{ before: number; after: number }>('up');
        await sleep(300);
        const summary = summarizeProbe(await probe.stop(), { sustain: 5 });
        await ask('down');
        const outage = summary.outages.find((o) => !o.unsentOnly);
        const measured = outage?.durationMs ?? 0;
        // True duration lies in [up.before - down, up.after - down]: error = distance from that interval.
        const error = Math.max(0, up.before - down - measured, measured - (up.after - down));
        errors.push(error);
        if (outage && outage.boundMs > bound) widened += 1;
        if (outage && error <= outage.boundMs) withinStated += 1;
      }
      errors.sort((a, b) => a - b);
      const mean = errors.reduce((a, b) => a + b, 0) / errors.length;
      console.log(
        `outage error ${mode.padEnd(9)} over ${runs} runs @${rate}/s: mean ${mean.toFixed(2)} ms, max ${(errors.at(-1) ?? 0).toFixed(2)} ms, bound ${bound} ms (max/bound ${((errors.at(-1) ?? 0) / bound).toFixed(2)}; ${widened} run(s) stated a wider bound; ${withinStated}/${runs} within their stated bound)`,
      );
    }
  } finally {
    child.kill();
  }
}

const server = await childServer();
try {
  await throughput(server.url);
  await jitter(server.url);
} finally {
  server.stop();
}
await outageError(10);
