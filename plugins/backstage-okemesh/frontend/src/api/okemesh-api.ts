import { createApiRef, type DiscoveryApi, type FetchApi } from '@backstage/core-plugin-api';
import type {
  DrillHistoryResponse,
  DrillListResponse,
  DrillRun,
  DrillScenario,
  TopologyResponse,
} from '@okemesh/backstage-plugin-okemesh-common';

/** An entity as the backend routes address it. */
export interface EntityName {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

/** The okemesh backend, as the Failover tab uses it. */
export interface OkemeshApi {
  topology(entity: EntityName): Promise<TopologyResponse>;
  drills(entity: EntityName): Promise<DrillListResponse>;
  history(entity: EntityName): Promise<DrillHistoryResponse>;
  runDrill(entity: EntityName, scenario: DrillScenario): Promise<DrillRun>;
  run(entity: EntityName, id: string): Promise<DrillRun>;
  reportUrl(entity: EntityName, id: string): Promise<string>;
}

export const okemeshApiRef = createApiRef<OkemeshApi>({ id: 'plugin.okemesh.service' });

export type OkemeshApiErrorKind = 'denied' | 'not-found' | 'conflict' | 'invalid' | 'unavailable';

/** A failed backend call: `kind` drives the tab's state (permission denied, missing, ...). */
export class OkemeshApiError extends Error {
  override name = 'OkemeshApiError';
  constructor(
    readonly kind: OkemeshApiErrorKind,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const kindOf = (status: number): OkemeshApiErrorKind =>
  status === 401 || status === 403
    ? 'denied'
    : status === 404
      ? 'not-found'
      : status === 409
        ? 'conflict'
        : status === 400
          ? 'invalid'
          : 'unavailable';

/** Talks to `/api/okemesh` through Backstage's discovery and authenticated fetch. */
export class OkemeshClient implements OkemeshApi {
  constructor(
    private readonly options: {
      discoveryApi: Pick<DiscoveryApi, 'getBaseUrl'>;
      fetchApi: Pick<FetchApi, 'fetch'>;
    },
  ) {}

  private async path(entity: EntityName, rest: string): Promise<string> {
    const base = await this.options.discoveryApi.getBaseUrl('okemesh');
    const e = [entity.kind, entity.namespace, entity.name].map((p) => encodeURIComponent(p.toLowerCase()));
    return `${base}/entities/${e.join('/')}${rest}`;
  }

  private async call<T>(entity: EntityName, rest: string, init?: RequestInit): Promise<T> {
    const response = await this.options.fetchApi.fetch(await this.path(entity, rest), init);
    const body = (await response.json().catch(() => undefined)) as
      { error?: { message?: string } } | undefined;
    if (!response.ok) {
      throw new OkemeshApiError(
        kindOf(response.status),
        response.status,
        body?.error?.message ?? `okemesh backend answered ${response.status}`,
      );
    }
    return body as T;
  }

  topology(entity: EntityName) {
    return this.call<TopologyResponse>(entity, '/topology');
  }
  drills(entity: EntityName) {
    return this.call<DrillListResponse>(entity, '/drills');
  }
  history(entity: EntityName) {
    return this.call<DrillHistoryResponse>(entity, '/drills/history');
  }
  runDrill(entity: EntityName, scenario: DrillScenario) {
    return this.call<DrillRun>(entity, '/drills', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ scenario }),
    });
  }
  run(entity: EntityName, id: string) {
    return this.call<DrillRun>(entity, `/drills/${encodeURIComponent(id)}`);
  }
  reportUrl(entity: EntityName, id: string) {
    return this.path(entity, `/drills/${encodeURIComponent(id)}/report`);
  }
}
