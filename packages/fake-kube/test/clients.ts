import type { IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import {
  AppsV1Api,
  CoordinationV1Api,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  KubernetesObjectApi,
} from '@kubernetes/client-node';
import type { FakeKube, KubeconfigOptions } from '../src/index.js';

/** Real @kubernetes/client-node clients configured from the kubeconfig the fake produces. */
export interface Clients {
  readonly kc: KubeConfig;
  readonly core: CoreV1Api;
  readonly apps: AppsV1Api;
  readonly custom: CustomObjectsApi;
  readonly coordination: CoordinationV1Api;
  readonly objects: KubernetesObjectApi;
}

export function clientsFor(fake: FakeKube, options?: KubeconfigOptions): Clients {
  const kc = new KubeConfig();
  kc.loadFromString(fake.kubeconfigYaml(options));
  return fromKubeConfig(kc);
}

export function fromKubeConfig(kc: KubeConfig): Clients {
  return {
    kc,
    core: kc.makeApiClient(CoreV1Api),
    apps: kc.makeApiClient(AppsV1Api),
    custom: kc.makeApiClient(CustomObjectsApi),
    coordination: kc.makeApiClient(CoordinationV1Api),
    objects: KubernetesObjectApi.makeApiClient(kc),
  };
}

/** The HTTP code of a rejected client-node call (its `ApiException.code`). */
export async function codeOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'number') return code;
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** The parsed Status body of a rejected client-node call. */
export async function statusOf(
  promise: Promise<unknown>,
): Promise<{ code: number; reason?: string; message?: string; kind?: string }> {
  try {
    await promise;
  } catch (error) {
    const body = (error as { body?: unknown }).body;
    if (typeof body === 'string') return JSON.parse(body) as { code: number; reason?: string };
    if (typeof body === 'object' && body !== null) return body as { code: number; reason?: string };
    throw error;
  }
  throw new Error('expected the call to fail');
}

/** A raw HTTPS call (TLS verified against the fake's CA), for bodies the typed clients would sanitize. */
export function rawRequest(
  fake: FakeKube,
  method: string,
  path: string,
  options: {
    readonly body?: unknown;
    readonly headers?: Record<string, string>;
    readonly ca?: string;
    readonly token?: string | null;
  } = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string; json: () => unknown }> {
  return new Promise((resolve, reject) => {
    const token = options.token === undefined ? fake.token : options.token;
    const headers: Record<string, string> = {
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    };
    const req = httpsRequest(
      `${fake.server}${path}`,
      { method, ca: options.ca ?? fake.caPem, headers },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            json: () => JSON.parse(body) as unknown,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(
      options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body),
    );
  });
}
