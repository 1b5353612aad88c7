import type { TokenIssuer } from './api-request.js';
import type { TokenRegistry } from './auth.js';
import { isRecord } from './object.js';
import type { StoredObject } from './object.js';
import { typeFromCrd } from './crds.js';
import type { ResourceRegistry } from './resource-registry.js';
import { builtin, storageKey } from './resources.js';
import type { ResourceType } from './resources.js';
import type { ObjectStore, StoreEvent } from './store.js';

const SA_TOKEN_TYPE = 'kubernetes.io/service-account-token';
const SA_NAME = 'kubernetes.io/service-account.name';
const SA_UID = 'kubernetes.io/service-account.uid';

function core(resource: string): ResourceType {
  return builtin('', 'v1', resource);
}

export interface CoreControllerDeps {
  readonly store: ObjectStore;
  readonly caPem: string;
  readonly issuer: TokenIssuer;
  readonly tokenRegistry: TokenRegistry;
  readonly resources: ResourceRegistry;
}

/**
 * The controllers every real cluster runs, always on and synchronous so tests see their effect on the next read:
 * - namespaces get a `default` ServiceAccount and the `kube-root-ca.crt` ConfigMap;
 * - ServiceAccount token Secrets get `data.token`, `data.ca.crt`, `data.namespace` (the token authenticates);
 * - the garbage collector deletes objects whose controller owner (by uid) was deleted;
 * - CustomResourceDefinitions register their resources (served at once) and take their objects along when deleted.
 */
export function startCoreControllers(deps: CoreControllerDeps): () => void {
  const { store } = deps;
  const secretTokens = new Map<string, string>();

  const onNamespace = (ns: StoredObject): void => {
    const name = ns.metadata.name;
    if (store.get(core('serviceaccounts'), name, 'default') === undefined) {
      store.create(core('serviceaccounts'), {
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name: 'default', namespace: name },
      });
    }
    if (store.get(core('configmaps'), name, 'kube-root-ca.crt') === undefined) {
      store.create(core('configmaps'), {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: {
          name: 'kube-root-ca.crt',
          namespace: name,
          annotations: {
            'kubernetes.io/description':
              'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.',
          },
        },
        data: { 'ca.crt': deps.caPem },
      });
    }
  };

  const onSecret = (secret: StoredObject): void => {
    if (secret['type'] !== SA_TOKEN_TYPE) return;
    const data = isRecord(secret['data']) ? secret['data'] : {};
    if (typeof data['token'] === 'string' && data['token'] !== '') return;
    const namespace = secret.metadata.namespace ?? '';
    const accountName = secret.metadata.annotations?.[SA_NAME];
    if (accountName === undefined) return;
    const account = store.get(core('serviceaccounts'), namespace, accountName);
    if (account === undefined) return;
    const token = deps.issuer.issue({
      namespace,
      serviceAccount: accountName,
      uid: account.metadata.uid,
      audiences: ['https://kubernetes.default.svc'],
      expirationSeconds: 10 * 365 * 24 * 3600,
      register: true,
    });
    secretTokens.set(`${namespace}/${secret.metadata.name}`, token);
    store.update(core('secrets'), {
      ...secret,
      metadata: {
        ...secret.metadata,
        annotations: { ...secret.metadata.annotations, [SA_UID]: account.metadata.uid },
      },
      data: {
        ...data,
        token: Buffer.from(token).toString('base64'),
        'ca.crt': Buffer.from(deps.caPem).toString('base64'),
        namespace: Buffer.from(namespace).toString('base64'),
      },
    });
  };

  const collectGarbage = (owner: StoredObject): void => {
    for (const type of deps.resources.all()) {
      for (const object of store.list(type, owner.metadata.namespace)) {
        const owned = object.metadata.ownerReferences?.some((ref) => ref.uid === owner.metadata.uid) ?? false;
        if (owned && store.get(type, object.metadata.namespace, object.metadata.name) !== undefined) {
          store.delete(type, object.metadata.namespace, object.metadata.name);
        }
      }
    }
  };

  /** The token controller deletes the token Secrets of a deleted ServiceAccount. */
  const removeTokenSecrets = (account: StoredObject): void => {
    for (const secret of store.list(core('secrets'), account.metadata.namespace)) {
      if (
        secret['type'] === SA_TOKEN_TYPE &&
        secret.metadata.annotations?.[SA_NAME] === account.metadata.name
      ) {
        store.delete(core('secrets'), secret.metadata.namespace, secret.metadata.name);
      }
    }
  };

  const onCrd = (crd: StoredObject, deleted: boolean): void => {
    const defined = typeFromCrd(crd);
    if (defined === undefined) return;
    if (!deleted) {
      deps.resources.register(defined);
      return;
    }
    const removed = deps.resources.unregister(storageKey(defined));
    if (removed !== undefined) store.dropResource(removed);
  };

  const onEvent = (event: StoreEvent): void => {
    const { resource, object, type } = event;
    if (resource.group === 'apiextensions.k8s.io') onCrd(object, type === 'DELETED');
    if (type === 'DELETED') {
      if (resource.resource === 'secrets' && resource.group === '') {
        const key = `${object.metadata.namespace ?? ''}/${object.metadata.name}`;
        const token = secretTokens.get(key);
        if (token !== undefined) deps.tokenRegistry.remove(token);
        secretTokens.delete(key);
      }
      if (resource.resource === 'serviceaccounts' && resource.group === '') removeTokenSecrets(object);
      if (resource.resource !== 'namespaces') collectGarbage(object);
      return;
    }
    if (resource.group !== '') return;
    if (resource.resource === 'namespaces' && type === 'ADDED') onNamespace(object);
    if (resource.resource === 'secrets') onSecret(object);
    // A token Secret created before its ServiceAccount is filled once the account exists.
    if (resource.resource === 'serviceaccounts' && type === 'ADDED') {
      for (const secret of store.list(core('secrets'), object.metadata.namespace)) {
        if (secret.metadata.annotations?.[SA_NAME] === object.metadata.name) onSecret(secret);
      }
    }
  };
  return store.subscribe(onEvent);
}
