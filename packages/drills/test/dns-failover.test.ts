import { createServer, type Server } from 'node:http';
import { Resolver } from 'node:dns/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDrill } from '../src/runner/run-drill.js';
import { validateDrill } from '../src/spec/load.js';
import { topologyWith } from './drill-fixture.js';
import { PowerDns, freePort, pdnsAvailable } from './pdns-testbed.js';

const available = pdnsAvailable();
// In CI the server is installed by .ci/run: a missing binary there is a failure, never a silent skip.
if (!available && process.env.CI)
  throw new Error('pdns_server missing, but CI installs it from .ci/apt-packages.txt');
if (!available)
  console.log(
    'DNS failover testbed skipped: /usr/sbin/pdns_server not installed (apt-get install pdns-server)',
  );

/** A backend region: an HTTP server on its own loopback address. */
class Backend {
  private server: Server | undefined;
  constructor(
    readonly address: string,
    readonly port: number,
  ) {}

  async start(): Promise<void> {
    const server = createServer((_req, res) => res.writeHead(200).end(this.address));
    await new Promise<void>((resolve) => server.listen(this.port, this.address, resolve));
    this.server = server;
  }

  stop(): void {
    this.server?.close();
    this.server?.closeAllConnections();
    this.server = undefined;
  }
}

describe.skipIf(!available)(
  'DNS failover testbed: PowerDNS LUA ifurlup in front of two local backends',
  () => {
    let pdns: PowerDns;
    let primary: Backend;
    let secondary: Backend;
    let port: number;

    beforeAll(async () => {
      port = await freePort('127.0.0.2');
      primary = new Backend('127.0.0.2', port);
      secondary = new Backend('127.0.0.3', port);
      await Promise.all([primary.start(), secondary.start()]);
      pdns = await PowerDns.start({
        zone: 'example.test',
        checkUrl: `http://app.example.test:${port}/healthz`,
        addresses: [['127.0.0.2'], ['127.0.0.3']],
      });
    }, 20_000);
    afterAll(async () => {
      primary.stop();
      secondary.stop();
      await pdns?.close();
    });

    it('kills the primary backend; the drill measures health-check detection and DNS failover for real', async () => {
      const topology = await topologyWith({ dnsFailover: '5s' });
      const drill = validateDrill(
        {
          apiVersion: 'okemesh.io/v1alpha1',
          kind: 'Drill',
          metadata: { name: 'dns-failover' },
          spec: {
            steadyState: { duration: '1500ms', minSuccess: 90 },
            probes: [
              {
                type: 'http',
                name: 'journey',
                url: `http://app.example.test:${port}/`,
                rate: 50,
                mode: 'fresh',
                timeout: '1s',
                dnsServer: pdns.server,
              },
              {
                type: 'dns',
                name: 'answers',
                hostname: 'app.example.test',
                server: pdns.server,
                rate: 20,
                timeout: '1s',
              },
            ],
            faults: [
              { type: 'command', inject: ['stop-primary-backend'], revert: ['start-primary-backend'] },
            ],
            hold: '3500ms',
            recovery: { sustain: '500ms' },
            verdict: { rto: 'dnsFailover' },
          },
        },
        topology,
      );
      const commands = async (argv: readonly string[]) => {
        if (argv[0] === 'stop-primary-backend') primary.stop();
        else if (argv[0] === 'start-primary-backend') await primary.start();
        else throw new Error(`unknown command ${argv.join(' ')}`);
      };
      // Mid-hold, ask PowerDNS directly which address it now serves.
      let answerDuringHold: string[] = [];
      const resolver = new Resolver({ timeout: 500, tries: 2 });
      resolver.setServers([pdns.server]);
      const run = await runDrill({
        drill,
        topology,
        deps: { apis: new Map(), commands },
        journalPath: join(await mkdtemp(join(tmpdir(), 'okemesh-dns-')), 'journal.json'),
        onInjected: () =>
          void setTimeout(
            () => void resolver.resolve4('app.example.test').then((a) => (answerDuringHold = a)),
            2_500,
          ),
      });
      const journey = run.result.recoveries.find((r) => r.probe === 'journey');
      console.log(
        `PowerDNS failover: journey RTO ${journey?.rtoMs?.toFixed(0)} ms ± ${journey?.resolutionMs} ms, outage ${journey?.outageMs?.toFixed(0)} ms`,
      );
      const answers = run.result.recoveries.find((r) => r.probe === 'answers');
      // PowerDNS's 1 s health check moved the answer to the secondary; clients kept getting the dead primary's
      // address until then, so the journey saw a real outage of at most one check interval (+ check time).
      expect(run.result.outcome, run.result.reason).toBe('pass');
      expect(answerDuringHold).toEqual(['127.0.0.3']);
      expect(journey?.rtoMs).not.toBeNull();
      expect(journey?.rtoMs).toBeLessThan(3_000);
      expect(journey?.flaps).toBe(0);
      // DNS itself never stopped answering.
      expect(answers?.failedSlots).toBe(0);
      expect(run.result.checks[0]).toMatchObject({ slo: 'dnsFailover', pass: true });
      expect(run.exitCode).toBe(0);
    }, 30_000);
  },
);
