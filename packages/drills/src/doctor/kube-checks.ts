import { X509Certificate } from 'node:crypto';
import { CACERTS_FILES, checkCacerts } from '@okemesh/certs/check';
import { nodeRegionLabel, type Cluster, type Topology } from '@okemesh/topology';
import type { KubeApi, KubeObject } from '../kube/object.js';
import type { DoctorFinding } from './finding.js';

const NS = 'istio-system';
const DAY_MS = 86_400_000;

function finding(
  check: DoctorFinding['check'],
  cluster: string,
  ok: boolean,
  good: string,
  bad: string,
): DoctorFinding {
  return { check, cluster, status: ok ? 'ok' : 'fail', message: ok ? good : bad };
}

export async function istiodReady(api: KubeApi, topology: Topology): Promise<DoctorFinding> {
  const revision = topology.spec.mesh.istio.revision;
  const name = revision ? `istiod-${revision}` : 'istiod';
  const deployment = await api.read({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: NS, name });
  const want = typeof deployment?.spec?.replicas === 'number' ? deployment.spec.replicas : 1;
  const ready = typeof deployment?.status?.readyReplicas === 'number' ? deployment.status.readyReplicas : 0;
  if (!deployment)
    return finding('istiod-ready', api.cluster, false, '', `Deployment ${NS}/${name} not found`);
  return finding(
    'istiod-ready',
    api.cluster,
    ready >= 1 && ready >= want,
    `${name} ${ready}/${want} ready`,
    `${name} only ${ready}/${want} ready`,
  );
}

export async function eastWestAddress(api: KubeApi): Promise<DoctorFinding> {
  const service = await api.read({
    apiVersion: 'v1',
    kind: 'Service',
    namespace: NS,
    name: 'istio-eastwestgateway',
  });
  const ingress = ((
    service?.status?.loadBalancer as { ingress?: { ip?: string; hostname?: string }[] } | undefined
  )?.ingress ?? [])[0];
  const address = ingress?.ip ?? ingress?.hostname;
  if (!service)
    return finding(
      'eastwest-address',
      api.cluster,
      false,
      '',
      `Service ${NS}/istio-eastwestgateway not found`,
    );
  return finding(
    'eastwest-address',
    api.cluster,
    Boolean(address),
    `east-west gateway at ${address ?? ''}`,
    'east-west gateway has no external address yet (LoadBalancer pending)',
  );
}

export async function remoteSecrets(api: KubeApi, peers: readonly Cluster[]): Promise<DoctorFinding> {
  const secrets = await api.list(
    { apiVersion: 'v1', kind: 'Secret', namespace: NS },
    'istio/multiCluster=true',
  );
  const names = new Set(secrets.map((s) => s.metadata.name));
  const missing = peers.filter((p) => !names.has(`istio-remote-secret-${p.name}`)).map((p) => p.name);
  return finding(
    'remote-secrets',
    api.cluster,
    missing.length === 0,
    `remote secrets for ${peers.map((p) => p.name).join(', ')}`,
    `missing remote secret(s) for ${missing.join(', ')}`,
  );
}

const REGION_LABEL = 'topology.kubernetes.io/region';

/**
 * The nodes' `topology.kubernetes.io/region` is the locality the rendered `localityLbSetting` names
 * (`nodeRegionLabel`: `iad`/`phx` for us-ashburn-1/us-phoenix-1). A different value means failover and
 * distribute match no endpoint in this cluster.
 */
export async function nodeRegion(api: KubeApi, cluster: Cluster): Promise<DoctorFinding> {
  const want = nodeRegionLabel(cluster.region);
  const nodes = await api.list({ apiVersion: 'v1', kind: 'Node' });
  const values = [...new Set(nodes.map((n) => n.metadata.labels?.[REGION_LABEL] ?? '(none)'))].sort();
  const base = { check: 'node-region', cluster: cluster.name } as const;
  if (nodes.length === 0)
    return { ...base, status: 'warn', message: 'no nodes to read the region label from' };
  if (values.length === 1 && values[0] === want)
    return { ...base, status: 'ok', message: `nodes carry ${REGION_LABEL}=${want}, as the localities do` };
  return {
    ...base,
    status: 'fail',
    message: `nodes carry ${REGION_LABEL}=${values.join(', ')} but the localities for ${cluster.region} use ${want}: locality failover and distribute match no endpoint here`,
  };
}

/**
 * The ingress Gateway's `credentialName` Secret: never in the bundle (it holds a private key), so the
 * RUNBOOK step creates it. Missing, without `tls.crt`/`tls.key`, or expired: the gateway completes no TLS
 * handshake and DNS steering sees the region as down. Expiring within `minDays`: a warning.
 */
export async function ingressTls(
  api: KubeApi,
  secretName: string,
  at: Date,
  minDays = 30,
): Promise<DoctorFinding> {
  const base = { check: 'ingress-tls', cluster: api.cluster } as const;
  const secret = await api.read({ apiVersion: 'v1', kind: 'Secret', namespace: NS, name: secretName });
  if (!secret)
    return {
      ...base,
      status: 'fail',
      message: `Secret ${NS}/${secretName} not found: the ingress Gateway has no certificate (RUNBOOK "Create the ingress TLS Secret")`,
    };
  const cert = pem(secret, 'tls.crt');
  if (!cert || !pem(secret, 'tls.key'))
    return { ...base, status: 'fail', message: `Secret ${NS}/${secretName} lacks tls.crt or tls.key` };
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert);
  } catch {
    return {
      ...base,
      status: 'fail',
      message: `Secret ${NS}/${secretName}: tls.crt is not a PEM certificate`,
    };
  }
  const days = Math.floor((Date.parse(x509.validTo) - at.getTime()) / DAY_MS);
  return {
    ...base,
    status: days < 0 ? 'fail' : days < minDays ? 'warn' : 'ok',
    message: `${NS}/${secretName} certificate expires in ${days} day(s) (${x509.validTo})`,
  };
}

function pem(secret: KubeObject | null, key: string): string | undefined {
  const value = (secret?.data as Record<string, string> | undefined)?.[key];
  return value === undefined ? undefined : Buffer.from(value, 'base64').toString('utf8');
}

/**
 * cacerts in every cluster pass the one cacerts checker of @okemesh/certs (intermediate signed by the root in
 * cacerts, CA extensions, key and chain when present), no intermediate expires within `minDays`, and all
 * clusters share one root.
 */
export async function caCerts(apis: readonly KubeApi[], at: Date, minDays = 30): Promise<DoctorFinding[]> {
  const roots = new Map<string, string[]>();
  const findings: DoctorFinding[] = [];
  for (const api of apis) {
    const secret = await api.read({ apiVersion: 'v1', kind: 'Secret', namespace: NS, name: 'cacerts' });
    const files: Record<string, string> = {};
    for (const name of CACERTS_FILES) {
      const text = pem(secret, name);
      if (text !== undefined) files[name] = text;
    }
    const base = { check: 'cacerts', cluster: api.cluster } as const;
    if (!files['root-cert.pem'] || !files['ca-cert.pem']) {
      findings.push({
        ...base,
        status: 'fail',
        message: 'Secret istio-system/cacerts missing or without root-cert.pem/ca-cert.pem',
      });
      continue;
    }
    const report = checkCacerts(files, { cluster: api.cluster, now: at, warnDays: minDays });
    if (report.rootFingerprint !== undefined)
      roots.set(report.rootFingerprint, [...(roots.get(report.rootFingerprint) ?? []), api.cluster]);
    // The doctor reads what istiod reads; a Secret with only root-cert.pem and ca-cert.pem is judged on those.
    const errors = report.findings.filter(
      (f) => f.severity === 'error' && f.code !== 'missing-file' && f.code !== 'expired',
    );
    const days = report.daysLeft;
    const validTo = report.intermediateNotAfter?.toUTCString() ?? '';
    if (report.issuedBy === undefined || days === undefined) {
      const wrongRoot = report.findings.some((f) => f.code === 'wrong-root');
      findings.push({
        ...base,
        status: 'fail',
        message: wrongRoot
          ? 'intermediate CA is not signed by the root in cacerts'
          : (errors[0]?.message ?? 'cacerts could not be read'),
      });
      continue;
    }
    if (errors.length > 0) {
      findings.push({ ...base, status: 'fail', message: errors.map((f) => f.message).join('; ') });
      continue;
    }
    findings.push({
      ...base,
      status: days < 0 ? 'fail' : days < minDays ? 'warn' : 'ok',
      message: `intermediate CA expires in ${days} day(s) (${validTo})`,
    });
  }
  if (roots.size > 1) {
    findings.push({
      check: 'cacerts',
      cluster: null,
      status: 'fail',
      message: `clusters do not share one root: ${[...roots.values()].map((c) => c.join('+')).join(' vs ')}`,
    });
  }
  return findings;
}
