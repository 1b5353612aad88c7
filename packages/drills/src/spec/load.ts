import type { Topology } from '@okemesh/topology';
import { parseDocument } from 'yaml';
import { DrillError } from '../errors.js';
import { drillSchema, type Drill } from './drill-schema.js';

function referenceProblems(drill: Drill, topology: Topology): string[] {
  const clusters = new Set(topology.spec.clusters.map((c) => c.name));
  const services = new Set(topology.spec.services.map((s) => s.name));
  const probes = new Set(drill.spec.probes.map((p) => p.name));
  const problems: string[] = [];
  drill.spec.faults.forEach((fault, i) => {
    if ('cluster' in fault && !clusters.has(fault.cluster)) {
      problems.push(
        `spec.faults[${i}].cluster: "${fault.cluster}" is not a cluster of the topology (${[...clusters].join(', ')})`,
      );
    }
    if (fault.type === 'istio-abort' && !services.has(fault.service)) {
      problems.push(`spec.faults[${i}].service: "${fault.service}" is not a service of the topology`);
    }
    if (
      (fault.type === 'adb-switchover' || fault.type === 'adb-failover') &&
      !topology.spec.data.autonomousDatabase
    ) {
      problems.push(`spec.faults[${i}]: ${fault.type} needs spec.data.autonomousDatabase in the topology`);
    }
    if (fault.type === 'postgres-promote' && drill.spec.writer?.driver !== 'postgres') {
      problems.push(`spec.faults[${i}]: postgres-promote needs a spec.writer with driver: postgres`);
    }
  });
  drill.spec.probes.forEach((probe, i) => {
    if (probe.type === 'kube-ready' && !clusters.has(probe.cluster)) {
      problems.push(`spec.probes[${i}].cluster: "${probe.cluster}" is not a cluster of the topology`);
    }
    if (probe.type === 'dns' && !probe.hostname && !topology.spec.dns) {
      problems.push(`spec.probes[${i}].hostname: required when the topology has no spec.dns`);
    }
  });
  for (const [i, guard] of (drill.spec.abort?.probes ?? []).entries()) {
    if (!probes.has(guard)) problems.push(`spec.abort.probes[${i}]: "${guard}" is not a probe of this drill`);
  }
  const seen = new Set<string>();
  for (const probe of drill.spec.probes) {
    if (seen.has(probe.name)) problems.push(`spec.probes: duplicate probe name "${probe.name}"`);
    seen.add(probe.name);
  }
  if (drill.spec.verdict.rto === 'dnsFailover' && !topology.spec.dns) {
    problems.push('spec.verdict.rto: dnsFailover needs spec.dns in the topology');
  }
  return problems;
}

/** Validates a drill object against the schema and the topology it references. */
export function validateDrill(value: unknown, topology: Topology): Drill {
  const parsed = drillSchema.safeParse(value);
  if (!parsed.success) {
    const details = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(document)'}: ${issue.message}`,
    );
    throw new DrillError('DRILL_SPEC_INVALID', `invalid drill:\n${details.join('\n')}`, { details });
  }
  const problems = referenceProblems(parsed.data, topology);
  if (problems.length > 0) {
    throw new DrillError(
      'DRILL_SPEC_REFERENCE',
      `drill references what the topology lacks:\n${problems.join('\n')}`,
      {
        details: problems,
      },
    );
  }
  return parsed.data;
}

/** Parses drill YAML (or JSON) and validates it against the schema and the topology. */
export function parseDrill(text: string, topology: Topology, file = 'drill.yaml'): Drill {
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    const details = document.errors.map((e) => `${file}: ${e.message.split('\n')[0] ?? e.message}`);
    throw new DrillError('DRILL_SPEC_INVALID', `${file} is not valid YAML:\n${details.join('\n')}`, {
      details,
    });
  }
  return validateDrill(document.toJS({ maxAliasCount: 100 }), topology);
}
