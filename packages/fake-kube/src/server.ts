import { randomBytes } from 'node:crypto';
import { createServer } from 'node:https';
import type { Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { FakeKube, FakeKubeOptions, KubeconfigOptions } from './fake-kube.js';
import type { TokenIssuer } from './api-request.js';
import { TokenRegistry } from './auth.js';
import { startCoreControllers } from './core-controllers.js';
import { CRD_BUNDLES, customResourceDefinition } from './crds.js';
import { startControllers } from './controllers.js';
import { DEFAULT_VERSION } from './discovery.js';
import { FakeKubeError } from './errors.js';
import { FaultPlan } from './faults.js';
import { createRequestHandler } from './http-handler.js';
import { buildKubeconfig, kubeconfigYaml, writeKubeconfigFile } from './kubeconfig.js';
import type { KubeconfigDocument } from './kubeconfig.js';
import type { KubeObject, StoredObject } from './object.js';
import { getObjectByRef, listObjectsOfKind, removeObject, upsertObject } from './object-access.js';
import { logEntry } from './request-log.js';
import type { RequestLogEntry } from './request-log.js';
import { ResourceRegistry } from './resource-registry.js';
import { builtin } from './resources.js';
import { ObjectStore } from './store.js';
import { generateClusterTls, signToken } from './tls.js';
import { WatchHub } from './watch.js';

const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

function nodeObject(name: string, region: string | undefined): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: {
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'node-role.kubernetes.io/worker': '',
        ...(region === undefined ? {} : { 'topology.kubernetes.io/region': region }),
      },
    },
    spec: {},
    status: {
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady' }],
      nodeInfo: { kubeletVersion: 'v1.31.1' },
    },
  };
}

/** Starts one fake cluster: HTTPS on 127.0.0.1 with a fresh CA, a random port and an admin token. */
export async function startFakeKube(options: FakeKubeOptions = {}): Promise<FakeKube> {
  const name = options.name ?? 'fake-kube';
  const adminToken = options.token ?? randomBytes(32).toString('hex');
  const tls = await generateClusterTls(name);
  const store = new ObjectStore();
  const resources = new ResourceRegistry();
  const tokenRegistry = new TokenRegistry((account) => {
    const found = store.get(builtin('', 'v1', 'serviceaccounts'), account.namespace, account.name);
    return found?.metadata.uid === account.uid;
  });
  tokenRegistry.add(adminToken, { user: 'system:admin', readOnly: false });
  const issuer: TokenIssuer = {
    issue(req) {
      const iat = Math.floor(Date.now() / 1000);
      const sub = `system:serviceaccount:${req.namespace}:${req.serviceAccount}`;
      const token = signToken(tls.signingKey, {
        iss: 'https://kubernetes.default.svc.cluster.local',
        sub,
        aud: req.audiences,
        iat,
        nbf: iat,
        exp: iat + req.expirationSeconds,
        'kubernetes.io': {
          namespace: req.namespace,
          serviceaccount: { name: req.serviceAccount, uid: req.uid },
        },
      });
      const serviceAccount = { namespace: req.namespace, name: req.serviceAccount, uid: req.uid };
      if (req.register) tokenRegistry.add(token, { user: sub, readOnly: false, serviceAccount });
      return token;
    },
  };
  // The watch hub subscribes first, so watchers see a change before the changes controllers make in reaction.
  const watches = new WatchHub(store);
  const stopCore = startCoreControllers({ store, caPem: tls.caPem, issuer, tokenRegistry, resources });
  const seed = (object: KubeObject): StoredObject => upsertObject(store, resources, object);
  for (const ns of [...SYSTEM_NAMESPACES, ...(options.namespaces ?? [])]) {
    seed({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  }
  for (const node of options.nodes ?? []) seed(nodeObject(node, options.nodeRegion));
  for (const bundle of options.crds ?? ['istio', 'argocd'])
    for (const crd of CRD_BUNDLES[bundle]) seed(customResourceDefinition(crd));
  const controllerOptions =
    options.controllers === true ? {} : options.controllers === false ? undefined : options.controllers;
  const controller = controllerOptions === undefined ? undefined : startControllers(store, controllerOptions);
  const faults = new FaultPlan();
  const log: RequestLogEntry[] = [];
  let seq = 0;
  const handler = createRequestHandler({
    ctx: { store, tokens: issuer, resources },
    tokens: tokenRegistry,
    faults,
    watches,
    resources,
    version: options.version ?? DEFAULT_VERSION,
    record: (req, status, injected) => {
      seq += 1;
      log.push(logEntry(seq, req, status, injected));
    },
  });
  const server = createServer({ key: tls.serverKeyPem, cert: tls.serverCertPem }, handler);
  const port = await listen(server, 0, name);
  const stopListening = (): Promise<void> =>
    new Promise<void>((resolve) => {
      watches.endStreams();
      server.close(() => resolve());
      server.closeAllConnections();
    });
  const url = `https://127.0.0.1:${port}`;
  const target = { name, server: url, caPem: tls.caPem, token: adminToken };
  const kubeconfig = (o: KubeconfigOptions = {}): KubeconfigDocument =>
    buildKubeconfig([
      {
        context: o.context ?? name,
        cluster: target,
        ...(o.namespace === undefined ? {} : { namespace: o.namespace }),
        ...(o.token === undefined ? {} : { token: o.token }),
      },
    ]);

  return {
    name,
    server: url,
    port,
    token: adminToken,
    caPem: tls.caPem,
    kubeconfig,
    kubeconfigYaml: (o) => kubeconfigYaml(kubeconfig(o)),
    writeKubeconfig: (path, o) => writeKubeconfigFile(path, kubeconfig(o)),
    seed: (...objects) => objects.map(seed),
    get: (ref) => getObjectByRef(store, resources, ref),
    list: (apiVersion, kind, filter) => listObjectsOfKind(store, resources, apiVersion, kind, filter),
    remove: (ref) => removeObject(store, resources, ref),
    setLoadBalancerIngress(namespace, serviceName, ingress) {
      const services = builtin('', 'v1', 'services');
      const current = store.require(services, namespace, serviceName);
      return store.update(services, {
        ...current,
        status: { loadBalancer: { ingress: ingress.map((i) => ({ ...i })) } },
      });
    },
    addToken: (token, o = {}) =>
      tokenRegistry.add(token, { user: o.user ?? 'fake-user', readOnly: o.readOnly ?? false }),
    requests: () => [...log],
    mutatingRequests: (o = {}) => log.filter((e) => e.mutating && (o.includeDryRun === true || !e.dryRun)),
    clearRequests: () => {
      log.length = 0;
    },
    failNext: (fault) => faults.failNext(fault),
    dropNext: (fault) => faults.dropNext(fault),
    addLatency: (fault) => faults.addLatency(fault),
    clearFaults: () => faults.clear(),
    onChange: (listener) =>
      store.subscribe((event) =>
        listener({ type: event.type, resource: event.resource, object: event.object }),
      ),
    async settled(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (controller?.busy() === true) {
        if (Date.now() > deadline)
          throw new FakeKubeError(
            'FAKE_KUBE_INTERNAL',
            `fake-kube ${name}: controllers did not settle within ${timeoutMs} ms`,
          );
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    suspend: stopListening,
    async resume() {
      if (!server.listening) await listen(server, port, name);
    },
    async close() {
      controller?.stop();
      stopCore();
      watches.close();
      await stopListening();
    },
  };
}

function listen(server: Server, port: number, name: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const onError = (error: Error): void =>
      reject(
        new FakeKubeError(
          'FAKE_KUBE_START_FAILED',
          `fake-kube ${name} could not listen: ${error.message}`,
          undefined,
          { cause: error },
        ),
      );
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Starts several independent fake clusters at once (one HTTPS server and CA each). */
export async function startFakeKubes<const T extends readonly FakeKubeOptions[]>(
  options: T,
): Promise<{ -readonly [K in keyof T]: FakeKube }> {
  const started = await Promise.all(options.map((o) => startFakeKube(o)));
  return started as { -readonly [K in keyof T]: FakeKube };
}
