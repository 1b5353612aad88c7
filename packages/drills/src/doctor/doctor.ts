import type { Topology } from '@okemesh/topology';
import type { KubeApi } from '../kube/object.js';
import type { DoctorFinding, OciHealth } from './finding.js';
import {
  caCerts,
  eastWestAddress,
  ingressTls,
  istiodReady,
  nodeRegion,
  remoteSecrets,
} from './kube-checks.js';

export interface DoctorOptions {
  readonly topology: Topology;
  /** One API per topology cluster; a missing one is reported, not thrown. */
  readonly apis: ReadonlyMap<string, KubeApi>;
  readonly oci?: OciHealth;
  readonly now?: Date;
}

function failed(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function ociFindings(oci: OciHealth | undefined): Promise<DoctorFinding[]> {
  if (!oci) {
    const message = 'no OCI credentials given: not checked';
    return [
      { check: 'rpc-peering', cluster: null, status: 'skipped', message },
      { check: 'steering', cluster: null, status: 'skipped', message },
    ];
  }
  const findings: DoctorFinding[] = [];
  for (const rpc of await oci.remotePeerings()) {
    findings.push({
      check: 'rpc-peering',
      cluster: null,
      status: rpc.status === 'PEERED' ? 'ok' : 'fail',
      message: `${rpc.name} (${rpc.region}) ${rpc.status}`,
    });
  }
  for (const answer of await oci.steering()) {
    findings.push({
      check: 'steering',
      cluster: null,
      status: answer.healthy ? 'ok' : 'fail',
      message: `${answer.policy}: answer ${answer.answer} ${answer.healthy ? 'healthy' : 'UNHEALTHY'}`,
    });
  }
  return findings;
}

/**
 * The runbook's daily health check, done properly: istiod ready and east-west gateway addressed in every
 * cluster, remote secrets for every peer, node region labels matching the rendered localities, the ingress TLS Secret present and valid, one shared root CA with intermediates not near expiry, RPC peering
 * PEERED and steering answers healthy (when OCI access is given).
 */
export async function runDoctor(options: DoctorOptions): Promise<DoctorFinding[]> {
  const { topology } = options;
  const findings: DoctorFinding[] = [];
  const reachable: KubeApi[] = [];
  for (const cluster of topology.spec.clusters) {
    const api = options.apis.get(cluster.name);
    if (!api) {
      findings.push({
        check: 'istiod-ready',
        cluster: cluster.name,
        status: 'fail',
        message: `no kubeconfig context ${cluster.kubeContext}`,
      });
      continue;
    }
    try {
      const peers = topology.spec.clusters.filter((c) => c.name !== cluster.name);
      findings.push(
        await istiodReady(api, topology),
        await eastWestAddress(api),
        await remoteSecrets(api, peers),
        await nodeRegion(api, cluster),
      );
      const ingress = topology.spec.ingress;
      if (ingress) findings.push(await ingressTls(api, ingress.tlsSecret, options.now ?? new Date()));
      reachable.push(api);
    } catch (error) {
      findings.push({
        check: 'istiod-ready',
        cluster: cluster.name,
        status: 'fail',
        message: `cluster unreachable: ${failed(error)}`,
      });
    }
  }
  findings.push(...(await caCerts(reachable, options.now ?? new Date())));
  try {
    findings.push(...(await ociFindings(options.oci)));
  } catch (error) {
    findings.push({
      check: 'rpc-peering',
      cluster: null,
      status: 'fail',
      message: `OCI check failed: ${failed(error)}`,
    });
  }
  return findings;
}
