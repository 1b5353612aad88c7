import type { ControllerOptions } from './controllers.js';
import type { CrdBundle } from './crds.js';
import type { ServerVersion } from './discovery.js';
import type { DropFault, FailureFault, LatencyFault } from './faults.js';
import type { KubeconfigDocument } from './kubeconfig.js';
import type { KubeObject, StoredObject } from './object.js';
import type { ListFilter, ObjectRef } from './object-access.js';
import type { RequestLogEntry } from './request-log.js';
import type { ResourceType } from './resources.js';
import type { StoreEventType } from './store.js';

export interface FakeKubeOptions {
  /** Cluster name: kubeconfig default context name, certificate CN and SAN. Default `fake-kube`. */
  readonly name?: string;
  /** Admin bearer token. Default: 32 random bytes, hex. */
  readonly token?: string;
  /** Extra namespaces created at start (`default`, `kube-system`, `kube-public`, `kube-node-lease` always exist). */
  readonly namespaces?: readonly string[];
  /** Ready, schedulable nodes created at start. Default none. */
  readonly nodes?: readonly string[];
  /**
   * `topology.kubernetes.io/region` of those nodes, as the OCI cloud controller sets it (`iad`/`phx` in
   * us-ashburn-1/us-phoenix-1, the region identifier elsewhere). Default: no region label.
   */
  readonly nodeRegion?: string;
  /** Opt-in workload simulation (Deployments, StatefulSets, Endpoints, HPA bounds, pod readiness). Default off. */
  readonly controllers?: boolean | ControllerOptions;
  /** CustomResourceDefinitions installed at start. Default `['istio', 'argocd']`; `[]` for a bare cluster. */
  readonly crds?: readonly CrdBundle[];
  /** What `/version` reports. Default v1.31.1. */
  readonly version?: ServerVersion;
}

export interface KubeconfigOptions {
  /** Context name; default the cluster name. */
  readonly context?: string;
  readonly namespace?: string;
  /** Bearer token to embed instead of the admin token. */
  readonly token?: string;
}

/** One stored change, as `onChange` reports it. */
export interface ObjectChange {
  readonly type: StoreEventType;
  readonly resource: ResourceType;
  readonly object: StoredObject;
}

export interface LoadBalancerIngress {
  readonly ip?: string;
  readonly hostname?: string;
}

/** One running fake cluster. */
export interface FakeKube {
  readonly name: string;
  /** `https://127.0.0.1:<port>`. */
  readonly server: string;
  readonly port: number;
  /** Admin bearer token. */
  readonly token: string;
  /** PEM of the cluster CA that signed the serving certificate. */
  readonly caPem: string;
  kubeconfig(options?: KubeconfigOptions): KubeconfigDocument;
  kubeconfigYaml(options?: KubeconfigOptions): string;
  /** Writes a single-context kubeconfig (mode 0600). */
  writeKubeconfig(path: string, options?: KubeconfigOptions): Promise<void>;
  /** Creates or replaces objects directly (no HTTP, no log); creates missing namespaces; keeps `status`. */
  seed(...objects: KubeObject[]): StoredObject[];
  get(ref: ObjectRef): StoredObject | undefined;
  list(apiVersion: string, kind: string, filter?: ListFilter): StoredObject[];
  /** Deletes directly (garbage collection of dependents still runs); false when absent. */
  remove(ref: ObjectRef): boolean;
  /** Sets `status.loadBalancer.ingress` of a Service, as a cloud controller would. */
  setLoadBalancerIngress(
    namespace: string,
    name: string,
    ingress: readonly LoadBalancerIngress[],
  ): StoredObject;
  /** Accepts another bearer token; `readOnly` identities get 403 Forbidden on writes. */
  addToken(token: string, options?: { readonly user?: string; readonly readOnly?: boolean }): void;
  /** Every request received so far, oldest first. */
  requests(): readonly RequestLogEntry[];
  /** POST/PUT/PATCH/DELETE requests; dry runs are left out unless `includeDryRun`. */
  mutatingRequests(options?: { readonly includeDryRun?: boolean }): readonly RequestLogEntry[];
  clearRequests(): void;
  /** Fails the next matching request(s) with a `Status` of the given HTTP code. */
  failNext(fault: FailureFault): void;
  /** Resets the connection of the next matching request(s) without an HTTP answer (client sees ECONNRESET). */
  dropNext(fault: DropFault): void;
  /** Delays matching requests. */
  addLatency(fault: LatencyFault): void;
  clearFaults(): void;
  /**
   * Calls `listener` synchronously after every stored change (API writes, controllers, seeds, removals);
   * the listener may write back through `seed`/`remove` (e.g. to play a GitOps self-heal). Returns an unsubscribe.
   */
  onChange(listener: (change: ObjectChange) => void): () => void;
  /** Resolves once the controllers have nothing queued and no pod is waiting to become Ready. */
  settled(timeoutMs?: number): Promise<void>;
  /**
   * Takes the API server down without losing state: connections are refused, open ones (and watches) are
   * cut. `resume()` listens again on the same port, so kubeconfigs stay valid (a region outage and back).
   */
  suspend(): Promise<void>;
  resume(): Promise<void>;
  close(): Promise<void>;
}
