import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadExampleTopology, loadTopologyFile } from '@okemesh/topology';
import { describe, expect, it } from 'vitest';
import { runDoctor } from '../src/doctor/doctor.js';
import { kubeApisFromContexts } from '../src/kube/client-node-api.js';
import { runDrill } from '../src/runner/run-drill.js';
import { scenarioDrill } from '../src/spec/scenarios.js';

/**
 * Live suite against real clusters: OKEMESH_LIVE_KUBE=1, contexts from the topology (OKEMESH_TOPOLOGY=<mesh.yaml>,
 * default the example) and the default kubeconfig. Read-only plus server-side dry runs: it mutates nothing.
 */
const live = process.env.OKEMESH_LIVE_KUBE === '1';
if (!live)
  console.log(
    'live Kubernetes suite skipped: set OKEMESH_LIVE_KUBE=1 (and OKEMESH_TOPOLOGY=mesh.yaml) to run it against real clusters',
  );

async function topology() {
  const file = process.env.OKEMESH_TOPOLOGY;
  return (file ? await loadTopologyFile(file) : await loadExampleTopology()).topology;
}

describe.skipIf(!live)('live clusters (OKEMESH_LIVE_KUBE=1)', () => {
  it('doctor reaches every cluster of the topology', async () => {
    const t = await topology();
    const apis = await kubeApisFromContexts(
      t.spec.clusters.map((c) => ({ cluster: c.name, context: c.kubeContext })),
    );
    const findings = await runDoctor({ topology: t, apis });
    const unreachable = findings.filter((f) => f.message.startsWith('cluster unreachable'));
    expect(unreachable).toEqual([]);
  }, 60_000);

  it('dry-runs the east-west scenario server-side: targets resolve, nothing is mutated', async () => {
    const t = await topology();
    const apis = await kubeApisFromContexts(
      t.spec.clusters.map((c) => ({ cluster: c.name, context: c.kubeContext })),
    );
    const drill = scenarioDrill('east-west-failure', t, { url: 'https://example.invalid/' });
    const run = await runDrill({
      drill,
      topology: t,
      deps: { apis },
      journalPath: join(await mkdtemp(join(tmpdir(), 'okemesh-live-')), 'journal.json'),
      dryRun: true,
    });
    expect(run.journal.data.mutations).toEqual([]);
    expect(run.result.outcome, run.result.reason).toBe('pass');
  }, 120_000);
});
