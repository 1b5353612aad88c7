import type { DrillRun, DrillScenario, TopologyResponse } from '@okemesh/backstage-plugin-okemesh-common';
import { OkemeshApiError, type EntityName, type OkemeshApi } from '../src/api/okemesh-api.js';

export const topology: TopologyResponse = {
  entityRef: 'component:default/shop',
  source: 'https://git.example.com/shop/blob/main/mesh.yaml',
  name: 'shop',
  meshId: 'shop-mesh',
  trustDomain: 'cluster.local',
  regions: [
    {
      name: 'us-sanjose-1',
      clusters: [{ name: 'sjc', region: 'us-sanjose-1', role: 'primary', network: 'network1' }],
    },
    {
      name: 'us-chicago-1',
      clusters: [{ name: 'ord', region: 'us-chicago-1', role: 'secondary', network: 'network2' }],
    },
  ],
  networks: ['network1', 'network2'],
  eastWest: [{ from: 'sjc', to: 'ord' }],
  services: [
    {
      name: 'web',
      namespace: 'shop',
      mode: 'active-passive',
      activeRegions: ['us-sanjose-1'],
      passiveRegions: ['us-chicago-1'],
    },
    {
      name: 'cart',
      namespace: 'shop',
      mode: 'active-active',
      activeRegions: ['us-sanjose-1', 'us-chicago-1'],
      passiveRegions: [],
    },
  ],
  slos: [
    { name: 'availability', target: '99.95' },
    { name: 'rto', target: '15m', seconds: 900 },
    { name: 'rpo', target: '5m', seconds: 300 },
  ],
  lint: {
    status: 'warn',
    counts: { Error: 0, Warning: 1, Info: 0 },
    findings: [
      {
        code: 'OKM0060',
        level: 'Warning',
        message: 'connect timeout below 1s',
        resource: 'DestinationRule shop/web',
        file: 'clusters/sjc/destination-rule.shop.web.yaml',
        line: 12,
        hint: 'raise connectTimeout to 1s',
      },
    ],
  },
  rendered: { files: 42, objects: 30 },
};

export const pastRun: DrillRun = {
  id: 'run-1',
  entityRef: 'component:default/shop',
  scenario: 'full-region',
  status: 'failed',
  initiatedBy: 'user:default/alice',
  startedAt: '2026-12-01T10:00:00.000Z',
  finishedAt: '2026-12-01T10:25:00.000Z',
  phase: 'failed',
  rtoSeconds: 1200,
  sloRtoSeconds: 900,
  sloRpoSeconds: 300,
};

/** An in-memory backend: `deny` answers 403 like the permission framework; runs finish on the second poll. */
export function fakeApi(options: { deny?: boolean; runs?: DrillRun[] } = {}) {
  const runs = [...(options.runs ?? [pastRun])];
  const calls: string[] = [];
  const guard = () => {
    if (options.deny) throw new OkemeshApiError('denied', 403, 'okemesh.topology.read is not allowed');
  };
  let polls = 0;
  const api: OkemeshApi = {
    async topology() {
      guard();
      return topology;
    },
    async drills() {
      guard();
      return {
        drills: [
          {
            scenario: 'ingress-failure',
            description: 'Ingress gateway of one region scaled to 0',
            measures: ['RTO'],
          },
          { scenario: 'full-region', description: 'A whole region lost', measures: ['RTO'] },
        ],
      };
    },
    async history() {
      guard();
      return { runs: [...runs] };
    },
    async runDrill(_e: EntityName, scenario: DrillScenario) {
      calls.push(`run ${scenario}`);
      const run: DrillRun = {
        ...pastRun,
        id: `run-${runs.length + 1}`,
        scenario,
        status: 'running',
        phase: 'started',
        startedAt: '2026-12-07T03:00:00.000Z',
      };
      delete (run as { rtoSeconds?: number }).rtoSeconds;
      runs.unshift(run);
      return run;
    },
    async run(_e: EntityName, id: string) {
      polls += 1;
      const i = runs.findIndex((r) => r.id === id);
      const next: DrillRun =
        polls < 2
          ? { ...runs[i]!, phase: 'fault injected' }
          : { ...runs[i]!, status: 'passed', phase: 'passed', rtoSeconds: 240 };
      runs[i] = next;
      return next;
    },
    async reportUrl(_e: EntityName, id: string) {
      return `/api/okemesh/report/${id}`;
    },
  };
  return { api, calls };
}
