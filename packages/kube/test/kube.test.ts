import { startFakeKube, type FakeKube } from '@okemesh/fake-kube';
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientNodeApi,
  isKubeError,
  kubeApisFromContexts,
  kubeconfigPath,
  loadKubeconfig,
  statusOf,
} from '../src/index.js';

let fake: FakeKube;
let dir: string;
let liar: Server;
let liarUrl: string;

const REVIEWS = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'bookinfo', name: 'reviews' };

beforeAll(async () => {
  fake = await startFakeKube({ name: 'east', namespaces: ['bookinfo'] });
  fake.seed({
    ...REVIEWS,
    metadata: { name: 'reviews', namespace: 'bookinfo', labels: { app: 'reviews' } },
    spec: { replicas: 2 },
  });
  dir = await mkdtemp(join(tmpdir(), 'okemesh-kube-'));
  await fake.writeKubeconfig(join(dir, 'kubeconfig'), { context: 'east-ctx' });
  // A server that answers 200 with an object of no name, and a list with no items (a broken proxy or aggregator).
  liar = createServer((req, res) => {
    const url = req.url ?? '';
    const body =
      url === '/apis/apps/v1'
        ? {
            kind: 'APIResourceList',
            groupVersion: 'apps/v1',
            resources: [{ name: 'deployments', kind: 'Deployment', namespaced: true }],
          }
        : url.includes('/reviews')
          ? { apiVersion: 'apps/v1', kind: 'Deployment', spec: {} }
          : { apiVersion: 'apps/v1', kind: 'DeploymentList' };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => liar.listen(0, '127.0.0.1', resolve));
  liarUrl = `http://127.0.0.1:${(liar.address() as AddressInfo).port}`;
});

afterAll(async () => {
  liar.close();
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});

const caught = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('the one kubeconfig loader', () => {
  it('finds --kubeconfig, else the first $KUBECONFIG file, else ~/.kube/config', () => {
    expect(kubeconfigPath({ file: '/k', env: { KUBECONFIG: '/a:/b' } })).toBe('/k');
    expect(kubeconfigPath({ env: { KUBECONFIG: '/a:/b', HOME: '/h' } })).toBe('/a');
    expect(kubeconfigPath({ env: { HOME: '/h' } })).toBe('/h/.kube/config');
  });

  it('a missing file, a missing context and insecure-skip-tls-verify are typed errors with a message', async () => {
    const missing = await caught(loadKubeconfig({ env: { HOME: dir } }));
    expect(missing).toMatchObject({
      code: 'KUBE_CONFIG_NOT_FOUND',
      message: `no kubeconfig found at ${dir}/.kube/config`,
    });
    const loaded = await loadKubeconfig({ file: join(dir, 'kubeconfig') });
    expect(loaded.contexts).toEqual(['east-ctx']);
    expect(await caught(loaded.forContext('west-ctx'))).toMatchObject({
      code: 'KUBE_CONTEXT_NOT_FOUND',
      message: expect.stringContaining('has no context "west-ctx"; it has: east-ctx'),
    });
    const unsafe = fake
      .kubeconfigYaml({ context: 'east-ctx' })
      .replace(/certificate-authority-data: .*/, 'insecure-skip-tls-verify: true');
    const refused = await caught((await loadKubeconfig({ text: unsafe })).forContext('east-ctx'));
    expect(isKubeError(refused) && refused.code).toBe('KUBE_CONFIG_UNSAFE');
    expect(await caught(loadKubeconfig({ text: 'contexts: [unclosed' }))).toMatchObject({
      code: 'KUBE_CONFIG_NOT_FOUND',
    });
  });
});

describe('the generic object client, over HTTPS to the fake API server', () => {
  it('reads, lists, patches and deletes; a missing object reads as null and deletes without error', async () => {
    const apis = await kubeApisFromContexts(
      [{ cluster: 'east', context: 'east-ctx' }],
      await loadKubeconfig({ file: join(dir, 'kubeconfig') }),
    );
    const api = apis.get('east')!;
    expect((await api.read(REVIEWS))?.spec).toMatchObject({ replicas: 2 });
    const listed = await api.list(
      { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'bookinfo' },
      'app=reviews',
    );
    expect(listed.map((d) => [d.kind, d.metadata.name])).toEqual([['Deployment', 'reviews']]);
    await api.patch(REVIEWS, { spec: { replicas: 0 } }, false);
    expect((fake.get(REVIEWS)?.spec as { replicas: number }).replicas).toBe(0);
    await api.delete(REVIEWS, { dryRun: false });
    expect(await api.read(REVIEWS)).toBeNull();
    await api.delete(REVIEWS, { dryRun: false });
  });

  it('maps a failed call once: cluster, call and HTTP status, never the body', async () => {
    const api = (
      await kubeApisFromContexts(
        [{ cluster: 'east', context: 'east-ctx' }],
        await loadKubeconfig({ file: join(dir, 'kubeconfig') }),
      )
    ).get('east')!;
    fake.failNext({ method: 'GET', path: /namespaces\/bookinfo/, status: 503 });
    const error = await caught(api.read({ ...REVIEWS, name: 'other' }));
    expect(error).toMatchObject({
      name: 'KubeError',
      code: 'KUBE_API_FAILED',
      message: 'east: read Deployment bookinfo/other failed (HTTP 503)',
    });
    expect(statusOf(error)).toBe(503);
  });

  it('an answer that is not a Kubernetes object is KUBE_API_FAILED, never an object with no name', async () => {
    const text = [
      'apiVersion: v1',
      'kind: Config',
      `clusters: [{ name: liar, cluster: { server: "${liarUrl}" } }]`,
      'users: [{ name: u, user: { token: t } }]',
      'contexts: [{ name: liar-ctx, context: { cluster: liar, user: u } }]',
      'current-context: liar-ctx',
    ].join('\n');
    const api = await clientNodeApi('liar', await (await loadKubeconfig({ text })).forContext('liar-ctx'));
    expect(await caught(api.read(REVIEWS))).toMatchObject({
      code: 'KUBE_API_FAILED',
      // client-node may already fail to deserialize it; either way it is one typed error naming the call.
      message: expect.stringMatching(
        /^liar: read Deployment bookinfo\/reviews (answered with something that is not a Kubernetes object|failed \()/,
      ),
    });
    // The fake API server answering a list with a bare Status object (what a misrouted aggregator sends).
    const real = (
      await kubeApisFromContexts(
        [{ cluster: 'east', context: 'east-ctx' }],
        await loadKubeconfig({ file: join(dir, 'kubeconfig') }),
      )
    ).get('east')!;
    fake.failNext({ method: 'GET', path: /namespaces\/bookinfo\/deployments$/, status: 200 });
    expect(
      await caught(real.list({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'bookinfo' })),
    ).toMatchObject({
      code: 'KUBE_API_FAILED',
      message: 'east: list Deployment in bookinfo answered with no items list',
    });
  });
});
