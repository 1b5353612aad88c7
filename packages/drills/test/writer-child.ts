/**
 * Child process for the writer crash test: runs a drill with a PostgreSQL RPO writer through the library's
 * default connector (the real `pg` package, imported by the library itself) and prints `INJECTED` once the
 * fault is in; the test SIGKILLs it there. Argument: a JSON file with { topology, drill, journalPath }.
 */
import { readFile } from 'node:fs/promises';
import type { Topology } from '@okemesh/topology';
import { runDrill } from '../src/runner/run-drill.js';
import type { Drill } from '../src/spec/drill-schema.js';

interface ChildInput {
  readonly topology: Topology;
  readonly drill: Drill;
  readonly journalPath: string;
}

const input = JSON.parse(await readFile(process.argv[2] ?? '', 'utf8')) as ChildInput;
const run = await runDrill({
  drill: input.drill,
  topology: input.topology,
  deps: { apis: new Map() },
  journalPath: input.journalPath,
  onInjected: () => {
    process.stdout.write('INJECTED\n');
  },
});
process.stdout.write(`OUTCOME ${run.result.outcome} ${run.result.reason}\n`);
process.exitCode = run.exitCode;
