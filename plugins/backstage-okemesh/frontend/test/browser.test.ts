// @vitest-environment node
import type { DrillRun } from '@okemesh/backstage-plugin-okemesh-common';
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pastRun, topology } from './fake-api.js';

const here = dirname(fileURLToPath(import.meta.url));
/** Where the screenshot goes (named in the package README). */
export const SCREENSHOT = join(here, '..', 'test-results', 'failover-tab.png');
const CHROMIUM = '/usr/bin/chromium';

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`browser test skipped: no ${CHROMIUM} (apt-get install chromium)`);
if (!hasChromium && process.env['CI'])
  throw new Error('CI must provide Debian chromium (apt-get install chromium)');

/** A fake okemesh backend plus the bundled dev page, on 127.0.0.1. */
async function devServer(): Promise<{ server: Server; url: string; posts: string[] }> {
  const bundle = await build({
    entryPoints: [join(here, '..', 'dev', 'main.tsx')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]!.text;
  const runs: DrillRun[] = [pastRun];
  const posts: string[] = [];
  const base = '/api/okemesh/entities/component/default/shop';
  const server = createServer((req, res) => {
    const json = (status: number, body: unknown) =>
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    const url = req.url ?? '/';
    if (url === '/') {
      res
        .writeHead(200, { 'Content-Type': 'text/html' })
        .end('<!doctype html><div id="root"></div><script type="module" src="/main.js"></script>');
    } else if (url === '/main.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script);
    } else if (url === `${base}/topology`) json(200, topology);
    else if (url === `${base}/drills` && req.method === 'GET') {
      json(200, {
        drills: [
          {
            scenario: 'ingress-failure',
            description: 'Ingress of one region scaled to 0',
            measures: ['RTO'],
          },
        ],
      });
    } else if (url === `${base}/drills` && req.method === 'POST') {
      let body = '';
      req.on('data', (c) => (body += String(c)));
      req.on('end', () => {
        posts.push(body);
        const run: DrillRun = {
          id: 'run-2',
          entityRef: pastRun.entityRef,
          scenario: 'ingress-failure',
          status: 'running',
          phase: 'started',
          initiatedBy: 'user:default/alice',
          startedAt: '2026-12-07T03:00:00.000Z',
          sloRtoSeconds: 900,
        };
        runs.unshift(run);
        json(202, run);
      });
    } else if (url === `${base}/drills/history`) json(200, { runs });
    else if (url === `${base}/drills/run-2`) {
      // Progress then the end: the page polls until the run is no longer running.
      const current = runs[0]!;
      runs[0] =
        current.phase === 'started'
          ? { ...current, phase: 'fault injected' }
          : {
              ...current,
              status: 'passed',
              phase: 'passed',
              rtoSeconds: 240,
              finishedAt: '2026-12-07T03:04:00.000Z',
            };
      json(200, runs[0]);
    } else json(404, { error: { name: 'NotFoundError', message: `no ${url}` } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, posts };
}

describe.skipIf(!hasChromium)('Failover tab in Debian Chromium (playwright-core)', () => {
  let browser: Browser;
  let dev: Awaited<ReturnType<typeof devServer>>;

  beforeAll(async () => {
    dev = await devServer();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    dev?.server.close();
  });

  it('renders the topology, runs a confirmed drill to the end and saves a screenshot', async () => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 1400 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(dev.url);
    await page.getByRole('img', { name: 'Topology of mesh shop-mesh' }).waitFor();
    expect(await page.locator('[data-cluster]').count()).toBe(2);
    expect(await page.locator('[data-link="sjc-ord"]').textContent()).toBe('east-west');
    await page.getByRole('button', { name: 'Run drill' }).click();
    await page.getByRole('button', { name: 'Start ingress-failure' }).click();
    await page.getByText('Drill ingress-failure: passed — passed').waitFor();
    await page.getByRole('table', { name: 'Drills' }).getByText('240 s').waitFor();
    expect(dev.posts).toEqual(['{"scenario":"ingress-failure"}']);
    await mkdir(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect((await stat(SCREENSHOT)).size).toBeGreaterThan(10_000);
    expect(errors).toEqual([]);
  });
});
