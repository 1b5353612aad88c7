import type { Cluster, Topology } from '@okemesh/topology';
import { MeshConfigError } from '../errors.js';
import type { Secret } from '../model/core.js';
import { ISTIO_NAMESPACE, remoteSecretName } from '../names.js';
import { parse } from 'yaml';
import { readerToken, type TokenSource } from './credentials.js';
import { unsafeKubeconfigReasons } from '@okemesh/kube';
import type { LinkClient, LinkClientFactory, StoredSecret } from './link-client.js';
import { remoteSecret } from './remote-secret.js';

export type LinkAction = 'create' | 'update' | 'unchanged';

/** One remote secret in one cluster. Never carries the token. */
export interface LinkChange {
  /** Cluster whose istiod gets access (where the secret is written). */
  readonly target: string;
  /** Cluster the secret grants access to (its data key). */
  readonly source: string;
  readonly secret: string;
  /** What happened (or, in a dry run, what would happen); `unknown` when a dry run has no token yet. */
  readonly action: LinkAction | 'unknown';
}

export interface LinkResult {
  readonly dryRun: boolean;
  readonly changes: readonly LinkChange[];
  /** Objects created to obtain tokens (reader ServiceAccount or token Secret). */
  readonly prerequisites: readonly string[];
  readonly warnings: readonly string[];
  readonly tokenSources: Readonly<Record<string, TokenSource>>;
}

export interface LinkOptions {
  readonly dryRun?: boolean;
  /**
   * API server URL per cluster name for the remote secrets: the cluster's private endpoint (`okemesh network`
   * opens 6443 between the VCNs only there). Default: the server of the kubeconfig context, which is often
   * the public endpoint in an OCI-generated kubeconfig (a warning says so).
   */
  readonly servers?: Readonly<Record<string, string>>;
  /** Wait for the token controller (ms); default 5000. */
  readonly tokenWaitMs?: number;
}

function sameSecret(current: Secret, desired: Secret): boolean {
  const labels = current.metadata.labels ?? {};
  const annotations = current.metadata.annotations ?? {};
  const wantLabels = desired.metadata.labels ?? {};
  const wantAnnotations = desired.metadata.annotations ?? {};
  const data = current.data ?? {};
  const wantData = desired.data ?? {};
  return (
    Object.entries(wantLabels).every(([k, v]) => labels[k] === v) &&
    Object.entries(wantAnnotations).every(([k, v]) => annotations[k] === v) &&
    Object.keys(data).length === Object.keys(wantData).length &&
    Object.entries(wantData).every(([k, v]) => data[k] === v)
  );
}

/** Whether an API server URL names an RFC 1918 address (an OKE private endpoint is one). */
function isPrivateServer(server: string): boolean {
  const host = /^https?:\/\/([^/:]+)/.exec(server)?.[1] ?? '';
  return /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(host);
}

/** Refuses a generated kubeconfig istiod would reject; it never happens unless the builder regresses. */
function assertSafe(secret: Secret, cluster: string): void {
  const text = Buffer.from(secret.data?.[cluster] ?? '', 'base64').toString('utf8');
  const reasons = unsafeKubeconfigReasons(parse(text), cluster);
  if (reasons.length > 0)
    throw new MeshConfigError(
      'MESH_LINK_UNSAFE_KUBECONFIG',
      `remote kubeconfig for ${cluster}: ${reasons.join('; ')}`,
    );
}

async function apply(client: LinkClient, desired: Secret, dryRun: boolean): Promise<LinkAction> {
  const current: StoredSecret | undefined = await client.readSecret(ISTIO_NAMESPACE, desired.metadata.name);
  if (current && sameSecret(current, desired)) return 'unchanged';
  if (!dryRun) {
    if (current) await client.replaceSecret(desired, current.metadata.resourceVersion ?? '');
    else await client.createSecret(desired);
  }
  return current ? 'update' : 'create';
}

/**
 * Connects every cluster to every other one, like `istioctl create-remote-secret --name=<c> | kubectl
 * apply` for each ordered pair: reads each cluster's reader token and CA, then creates or updates
 * `istio-remote-secret-<c>` in istio-system of every OTHER cluster. Idempotent: a second run reports
 * every secret `unchanged` (unless a TokenRequest fallback was needed, whose token differs per run).
 */
export async function linkClusters(
  topology: Topology,
  factory: LinkClientFactory,
  options: LinkOptions = {},
): Promise<LinkResult> {
  const dryRun = options.dryRun ?? false;
  const clusters = topology.spec.clusters;
  const clients = new Map<string, LinkClient>();
  for (const cluster of clusters) {
    const client = await factory(cluster.kubeContext);
    if (!(await client.namespaceExists(ISTIO_NAMESPACE))) {
      throw new MeshConfigError(
        'MESH_LINK_ISTIO_MISSING',
        `cluster ${cluster.name} (${cluster.kubeContext}) has no ${ISTIO_NAMESPACE} namespace: install Istio first (RUNBOOK.md steps 2-4)`,
      );
    }
    clients.set(cluster.name, client);
  }
  const clientOf = (cluster: Cluster): LinkClient => clients.get(cluster.name) as LinkClient;

  const warnings: string[] = [];
  const prerequisites: string[] = [];
  const tokenSources: Record<string, TokenSource> = {};
  const desired = new Map<string, Secret>();
  for (const cluster of clusters) {
    const client = clientOf(cluster);
    const token = await readerToken(client, {
      dryRun,
      ...(options.tokenWaitMs === undefined ? {} : { waitMs: options.tokenWaitMs }),
    });
    if (!token) {
      warnings.push(`${cluster.name}: no reader token yet; a real run creates the token Secret first`);
      continue;
    }
    prerequisites.push(...token.created.map((what) => `${cluster.name}: ${what}`));
    tokenSources[cluster.name] = token.source;
    if (token.source === 'token-request') {
      warnings.push(
        `${cluster.name}: the token controller did not fill the token Secret; used a TokenRequest token that expires (re-run mesh link within a year)`,
      );
    }
    const caData = token.caData ?? client.caData;
    if (caData === undefined) {
      throw new MeshConfigError(
        'MESH_LINK_TOKEN_UNAVAILABLE',
        `${cluster.name}: no CA data in the token Secret or the kubeconfig; okemesh never writes a kubeconfig without certificate-authority-data`,
      );
    }
    const server = options.servers?.[cluster.name] ?? client.server;
    if (/\/\/(127\.0\.0\.1|localhost)[:/]/.test(server)) {
      warnings.push(
        `${cluster.name}: API server ${server} is a loopback address other clusters cannot reach`,
      );
    } else if (options.servers?.[cluster.name] === undefined && !isPrivateServer(server)) {
      warnings.push(
        `${cluster.name}: the remote secret uses ${server} from the kubeconfig, not a private address; the network plan opens 6443 only on the private endpoint: pass its URL (--server ${cluster.name}=https://<private-endpoint>:6443, or --oci)`,
      );
    }
    const secret = remoteSecret({
      cluster: cluster.name,
      server,
      caData,
      token: token.token,
      ...(client.tlsServerName === undefined ? {} : { tlsServerName: client.tlsServerName }),
    });
    assertSafe(secret, cluster.name);
    desired.set(cluster.name, secret);
  }

  const changes: LinkChange[] = [];
  for (const source of clusters) {
    for (const target of clusters) {
      if (target === source) continue;
      const secret = desired.get(source.name);
      const name = remoteSecretName(source.name);
      const action = secret ? await apply(clientOf(target), secret, dryRun) : 'unknown';
      changes.push({
        target: target.name,
        source: source.name,
        secret: `${ISTIO_NAMESPACE}/${name}`,
        action,
      });
    }
  }
  return { dryRun, changes, prerequisites, warnings, tokenSources };
}
