import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiError, notFound } from './api-error.js';
import { faultCode, seededRandom, type FaultOptions } from './fault-plan.js';
import { matchPath, type Call, type Reply, type Route } from './route.js';
import { containerEngineRoutes } from './routes/containerengine.js';
import { databaseRoutes } from './routes/database.js';
import { drgRoutes } from './routes/core-drg.js';
import { vcnRoutes } from './routes/core-vcn.js';
import { dnsRoutes } from './routes/dns.js';
import { healthCheckRoutes } from './routes/healthchecks.js';
import { identityRoutes } from './routes/identity.js';
import { seedAdbPair, type SeedAdbPairInput, type SeededAdbPair } from './seed-adb.js';
import { seedCluster, seedZone, type SeedClusterInput, type SeededCluster } from './seed.js';
import { SessionTokens } from './session-token.js';
import { verifySignature } from './signature.js';
import { Store, type Json } from './store.js';

export interface FakeOciOptions {
  /** keyId (`<tenancy>/<user>/<fingerprint>`) → PEM public key; requests signed by other keys get 401. */
  readonly publicKeys: Readonly<Record<string, string>>;
  /** Duration of each lifecycle step (PROVISIONING→AVAILABLE...). Default 20 ms. */
  readonly stepMs?: number;
  /** Fixed latency added to every call. Default 0. */
  readonly latencyMs?: number;
  /** Default page size of list operations. Default 2, so every client must follow `opc-next-page`. */
  readonly pageSize?: number;
  /** Region that accepts IAM writes. Default us-ashburn-1. */
  readonly homeRegion?: string;
  readonly faults?: FaultOptions;
  /** Clock of the lifecycle timelines (ms since epoch); tests can step it by hand. Default `Date.now`. */
  readonly clock?: () => number;
}

/** One request as the fake saw it. */
export interface LoggedRequest {
  readonly method: string;
  readonly region: string;
  readonly path: string;
  readonly operation: string;
  readonly status: number;
  /** Everything but GET: the calls a converged re-apply must not make. */
  readonly mutating: boolean;
  readonly retryToken?: string;
  readonly fault?: 'status' | 'drop';
}

interface CachedReply {
  readonly fingerprint: string;
  readonly reply: Reply;
}

/**
 * A wire-level fake of the OCI APIs okemesh uses. The real SDK clients talk to it over HTTP
 * (`client.endpoint = fake.endpointFor(region)`), and it verifies their request signatures.
 */
export class FakeOci {
  readonly store: Store;
  private readonly routes: readonly Route[];
  private readonly keys: Map<string, string>;
  private readonly sessions = new SessionTokens();
  private readonly regions = new Set<string>();
  private readonly tokens = new Map<string, CachedReply>();
  private readonly log: LoggedRequest[] = [];
  private server: Server | undefined;
  private url = '';
  private faults: FaultOptions;
  private beforeHandle: ((request: { method: string; region: string; path: string }) => void) | undefined;
  private random: () => number;
  private readonly latencyMs: number;
  private readonly pageSize: number;

  constructor(options: FakeOciOptions) {
    this.store = new Store(options.clock ?? (() => Date.now()), options.stepMs ?? 20);
    this.keys = new Map(Object.entries(options.publicKeys));
    this.latencyMs = options.latencyMs ?? 0;
    this.pageSize = options.pageSize ?? 2;
    this.faults = options.faults ?? {};
    this.random = seededRandom(this.faults.seed ?? 1);
    const home = options.homeRegion ?? 'us-ashburn-1';
    this.regions.add(home);
    this.routes = [
      ...drgRoutes,
      ...vcnRoutes,
      ...dnsRoutes,
      ...healthCheckRoutes,
      ...containerEngineRoutes,
      ...databaseRoutes,
      ...identityRoutes(home, () => [...this.regions]),
    ];
  }

  async start(): Promise<string> {
    const server = createServer((req, res) => void this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Endpoint template for okemesh: `{region}` is replaced per client. */
  get endpoint(): string {
    return `${this.url}/{region}`;
  }

  /**
   * A session token for `publicKeyPem` (what `oci session authenticate` writes to `security_token_file`),
   * valid for `ttlMs` (default one hour). Requests signed with the matching private key and
   * `keyId="ST$<token>"` are accepted until it expires.
   */
  issueSessionToken(publicKeyPem: string, ttlMs = 3_600_000): string {
    return this.sessions.issue(publicKeyPem, ttlMs, Date.now());
  }

  endpointFor(region: string): string {
    return `${this.url}/${region}`;
  }

  get requests(): readonly LoggedRequest[] {
    return this.log;
  }

  clearLog(): void {
    this.log.length = 0;
  }

  setFaults(faults: FaultOptions): void {
    this.faults = faults;
    this.random = seededRandom(faults.seed ?? 1);
  }

  /**
   * Runs `hook` before each authenticated request is handled (e.g. to change state between a client's GET and
   * its PUT, as a concurrent writer would). `undefined` removes it.
   */
  onBeforeHandle(
    hook: ((request: { method: string; region: string; path: string }) => void) | undefined,
  ): void {
    this.beforeHandle = hook;
  }

  seedCluster(input: SeedClusterInput): SeededCluster {
    this.regions.add(input.region);
    return seedCluster(this.store, input);
  }

  /** An Autonomous Database and its cross-region Data Guard standby. */
  seedAdbPair(input: SeedAdbPairInput): SeededAdbPair {
    this.regions.add(input.primaryRegion);
    this.regions.add(input.standbyRegion);
    return seedAdbPair(this.store, input);
  }

  seedZone(input: { readonly name: string; readonly compartmentId: string }): string {
    return seedZone(this.store, input);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://fake');
    const [, region = '', version = '', ...rest] = url.pathname.split('/');
    const path = `/${rest.join('/')}`;
    const mutating = method !== 'GET';
    const retryToken =
      typeof req.headers['opc-retry-token'] === 'string' ? req.headers['opc-retry-token'] : undefined;
    const entry = { method, region, path, mutating, ...(retryToken ? { retryToken } : {}) };
    if (this.latencyMs > 0) await sleep(this.latencyMs);

    let operation = 'Unknown';
    let reply: Reply;
    try {
      verifySignature(
        { method, url: req.url ?? '/', headers: req.headers, body },
        this.keys,
        Date.now(),
        this.sessions,
      );
      const found = this.route(method, version, path);
      if (!found) throw notFound(`${method} ${path}`);
      operation = found.route.operation;
      if (this.random() < (this.faults.rate ?? 0)) {
        const statuses = this.faults.statuses ?? [429, 500, 503];
        const status = statuses[Math.floor(this.random() * statuses.length)] ?? 500;
        this.log.push({ ...entry, operation, status, fault: 'status' });
        this.send(res, req, { status, body: { code: faultCode(status), message: 'injected fault' } });
        return;
      }
      this.beforeHandle?.({ method, region, path });
      reply = this.invoke(found.route, found.params, { region, method, url, body, req, retryToken });
    } catch (error) {
      reply = errorReply(error);
    }
    const status = reply.status ?? 200;
    if (mutating && status < 300 && this.random() < (this.faults.dropRate ?? 0)) {
      this.log.push({ ...entry, operation, status, fault: 'drop' });
      req.socket.destroy();
      return;
    }
    this.log.push({ ...entry, operation, status });
    this.send(res, req, reply);
  }

  private route(method: string, version: string, path: string) {
    for (const route of this.routes) {
      if (route.method !== method || route.version !== version) continue;
      const params = matchPath(route.path, path);
      if (params) return { route, params };
    }
    return undefined;
  }

  private invoke(
    route: Route,
    params: Record<string, string>,
    input: {
      region: string;
      method: string;
      url: URL;
      body: string;
      req: IncomingMessage;
      retryToken: string | undefined;
    },
  ): Reply {
    const fingerprint = `${input.method} ${input.region} ${input.url.pathname} ${createHash('sha256').update(input.body).digest('hex')}`;
    if (input.retryToken !== undefined) {
      const cached = this.tokens.get(input.retryToken);
      if (cached && cached.fingerprint !== fingerprint)
        throw new ApiError(
          409,
          'InvalidatedRetryToken',
          'The retry token was used by an earlier, different request',
        );
      if (cached) return cached.reply;
    }
    let parsed: Json = {};
    if (input.body) {
      try {
        parsed = JSON.parse(input.body) as Json;
      } catch {
        throw new ApiError(400, 'InvalidParameter', 'body is not JSON');
      }
    }
    const call: Call = {
      region: input.region,
      method: input.method,
      params,
      query: input.url.searchParams,
      body: parsed,
      headers: input.req.headers,
      store: this.store,
      pageSize: this.pageSize,
    };
    const reply = route.handler(call);
    if (input.retryToken !== undefined && (reply.status ?? 200) < 300)
      this.tokens.set(input.retryToken, { fingerprint, reply });
    return reply;
  }

  private send(res: ServerResponse, req: IncomingMessage, reply: Reply): void {
    const status = reply.status ?? 200;
    const headers: Record<string, string> = {
      'opc-request-id':
        typeof req.headers['opc-request-id'] === 'string'
          ? req.headers['opc-request-id']
          : randomUUID().toUpperCase(),
    };
    if (reply.etag) headers.etag = reply.etag;
    if (reply.nextPage) headers['opc-next-page'] = reply.nextPage;
    if (status === 204 || reply.body === undefined) {
      res.writeHead(status === 200 && reply.body === undefined ? 204 : status, headers).end();
      return;
    }
    res.writeHead(status, { ...headers, 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
  }
}

function errorReply(error: unknown): Reply {
  if (error instanceof ApiError)
    return { status: error.status, body: { code: error.code, message: error.message } };
  const message = error instanceof Error ? error.message : String(error);
  return { status: 500, body: { code: 'InternalServerError', message } };
}
