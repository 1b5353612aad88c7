import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiContext, ApiRequest, ApiResponse } from './api-request.js';
import { checkScope, routeResource } from './api-router.js';
import { authorize } from './auth.js';
import type { TokenRegistry } from './auth.js';
import { coreVersions, groupDocument, groupList, resourceList, versionDocument } from './discovery.js';
import type { ServerVersion } from './discovery.js';
import { FakeKubeError } from './errors.js';
import type { FaultPlan } from './faults.js';
import { parseResourcePath } from './request-info.js';
import type { ResourceRegistry } from './resource-registry.js';
import { failureStatus, statusFromError } from './status.js';
import type { WatchHub } from './watch.js';

/** What the request log keeps of one request. */
export interface RecordedRequest {
  readonly method: string;
  readonly url: URL;
  readonly contentType: string | undefined;
  readonly body: string;
  /** The authenticated user, once known. */
  user: string | undefined;
}

export interface HandlerDeps {
  readonly ctx: ApiContext;
  readonly tokens: TokenRegistry;
  readonly faults: FaultPlan;
  readonly watches: WatchHub;
  readonly resources: ResourceRegistry;
  readonly version: ServerVersion;
  /** Called once per request after it is answered (streamed watches: when the stream starts). */
  readonly record: (request: RecordedRequest, status: number, injected: boolean) => void;
}

/** Paths the real API server serves to anonymous clients (system:public-info-viewer). */
const PUBLIC = new Set(['/version', '/healthz', '/livez', '/readyz']);

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, response: ApiResponse): void {
  const text = JSON.stringify(response.body);
  const headers: Record<string, string | string[]> = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
  };
  if (response.warnings !== undefined && response.warnings.length > 0) {
    headers['warning'] = response.warnings.map((w) => `299 - ${JSON.stringify(w)}`);
  }
  res.writeHead(response.status, headers);
  res.end(text);
}

function discovery(
  pathname: string,
  version: ServerVersion,
  registry: ResourceRegistry,
): ApiResponse | undefined {
  if (pathname === '/version') return { status: 200, body: versionDocument(version) };
  if (pathname === '/healthz' || pathname === '/livez' || pathname === '/readyz')
    return { status: 200, body: 'ok' };
  if (pathname === '/api') return { status: 200, body: coreVersions() };
  if (pathname === '/apis') return { status: 200, body: groupList(registry) };
  const parts = pathname.split('/').filter((p) => p !== '');
  const doc =
    parts[0] === 'api' && parts.length === 2
      ? resourceList(registry, '', parts[1] ?? '')
      : parts[0] === 'apis' && parts.length === 2
        ? groupDocument(registry, parts[1] ?? '')
        : parts[0] === 'apis' && parts.length === 3
          ? resourceList(registry, parts[1] ?? '', parts[2] ?? '')
          : undefined;
  return doc === undefined ? undefined : { status: 200, body: doc };
}

function notServed(pathname: string): FakeKubeError {
  return new FakeKubeError(
    'FAKE_KUBE_NOT_FOUND',
    `the server could not find the requested resource (${pathname})`,
  );
}

/** The node `request` listener of one fake cluster. */
export function createRequestHandler(deps: HandlerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    const contentType = req.headers['content-type'];
    const body = await readBody(req);
    const logged: RecordedRequest = { method, url, contentType, body, user: undefined };
    const probe = { method, path: url.pathname, dryRun: url.searchParams.has('dryRun') };
    const delay = deps.faults.takeLatency(probe);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    if (deps.faults.takeDrop(probe)) {
      deps.record(logged, 0, true);
      req.socket.destroy();
      return;
    }
    const fault = deps.faults.takeFailure(probe);
    if (fault !== undefined) {
      const status = failureStatus(
        fault.status,
        fault.message ?? `injected failure (${fault.status})`,
        fault.reason,
      );
      sendJson(res, { status: fault.status, body: status });
      deps.record(logged, fault.status, true);
      return;
    }
    let response: ApiResponse;
    try {
      const info = parseResourcePath(url.pathname);
      if (!PUBLIC.has(url.pathname)) {
        const identity = deps.tokens.authenticate(req.headers.authorization);
        logged.user = identity.user;
        authorize(identity, method, info);
      }
      const found = info === undefined ? discovery(url.pathname, deps.version, deps.resources) : undefined;
      if (found !== undefined) {
        response = found;
      } else {
        const type =
          info === undefined ? undefined : deps.resources.find(info.group, info.version, info.resource);
        if (info === undefined || type === undefined) throw notServed(url.pathname);
        const request: ApiRequest = { method, info, type, query: url.searchParams, body, contentType };
        const watch = url.searchParams.get('watch');
        if (method === 'GET' && info.name === undefined && (watch === 'true' || watch === '1')) {
          checkScope(request);
          deps.watches.serve(request, res);
          deps.record(logged, 200, false);
          return;
        }
        response = routeResource(deps.ctx, request);
      }
    } catch (error) {
      const status = statusFromError(error);
      response = { status: status.code, body: status };
    }
    sendJson(res, response);
    deps.record(logged, response.status, false);
  };
  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, { status: 500, body: statusFromError(error) });
      else res.end();
    });
  };
}
