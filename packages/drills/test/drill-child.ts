/**
 * Child process for the signal tests: runs one drill against a fake cluster, wiring SIGINT/SIGTERM to the
 * drill's abort signal exactly as the CLI does. Prints `INJECTED` once the fault is in, exits with the
 * drill's exit code. Argument: a JSON file with { kubeconfig, context, topology, drill, journalPath }.
 */
import { readFile } from 'node:fs/promises';
import type { Topology } from '@okemesh/topology';
import { kubeApisFromContexts } from '../src/kube/client-node-api.js';
import { runDrill } from '../src/runner/run-drill.js';
import type { Drill } from '../src/spec/drill-schema.js';

interface ChildInput {
  readonly kubeconfig: string;
  readonly context: string;
  readonly topology: Topology;
  readonly drill: Drill;
  readonly journalPath: string;
}

const input = JSON.parse(await readFile(process.argv[2] ?? '', 'utf8')) as ChildInput;
const controller = new AbortController();
process.once('SIGINT', () => controller.abort('SIGINT'));
process.once('SIGTERM', () => controller.abort('SIGTERM'));
const run = await runDrill({
  drill: input.drill,
  topology: input.topology,
  deps: {
    apis: await kubeApisFromContexts(
      [{ cluster: 'primary-cluster', context: input.context }],
      input.kubeconfig,
    ),
  },
  journalPath: input.journalPath,
  signal: controller.signal,
  onInjected: () => {
    process.stdout.write('INJECTED\n');
  },
});
process.stdout.write(`OUTCOME ${run.result.outcome} ${run.result.reason}\n`);
process.exitCode = run.exitCode;
