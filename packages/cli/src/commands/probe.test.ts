import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../run.js';
import type { Io } from '../io.js';

function bufferIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    color: false,
    cwd: process.cwd(),
    env: {},
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

describe('okemesh probe', () => {
  let server: Server | undefined;
  afterEach(() => {
    server?.closeAllConnections();
    server?.close();
    server = undefined;
  });

  async function listen(handler: (count: number) => number): Promise<string> {
    let count = 0;
    server = createServer((_req, res) => {
      count += 1;
      res.writeHead(handler(count)).end();
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  }

  it('reports a healthy endpoint as JSON with exit 0', async () => {
    const url = await listen(() => 200);
    const buf = bufferIo();
    const code = await run(
      ['probe', url, '--rate', '100', '--duration', '300ms', '--mode', 'keepalive', '--json'],
      buf.io,
    );
    expect(code).toBe(0);
    const summary = JSON.parse(buf.out()) as { slots: number; ok: number; outages: unknown[]; mode: string };
    expect(summary.slots).toBe(30);
    expect(summary.ok).toBe(30);
    expect(summary.outages).toEqual([]);
    expect(summary.mode).toBe('keepalive');
  });

  it('prints every outage window and exits 1 when slots failed', async () => {
    const url = await listen((n) => (n > 10 && n <= 20 ? 503 : 200));
    const buf = bufferIo();
    const code = await run(['probe', url, '--rate', '100', '--duration', '400ms'], buf.io);
    expect(code).toBe(1);
    expect(buf.out()).toMatch(/outages +1 \(each boundary ± 30\.0 ms\)/);
    expect(buf.out()).toMatch(/status 10/);
    expect(buf.out()).toMatch(/latency raw +p50/);
  });

  it('rejects bad flags with exit 2', async () => {
    const buf = bufferIo();
    expect(await run(['probe', 'ftp://x/', '--duration', '1s'], buf.io)).toBe(2);
    expect(await run(['probe', 'http://127.0.0.1:1/', '--rate', 'fast'], buf.io)).toBe(2);
    expect(await run(['probe', 'http://127.0.0.1:1/', '--mode', 'udp'], buf.io)).toBe(2);
    expect(buf.err()).toMatch(/probe URLs must be http/);
  });
});
