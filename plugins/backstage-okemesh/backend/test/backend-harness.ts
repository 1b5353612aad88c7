import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import { createBackendModule, type ServiceFactory } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { DrillRun } from '@okemesh/backstage-plugin-okemesh-common';
import request from 'supertest';
import okemeshPlugin, { okemeshDrillRunnerExtensionPoint, type DrillRunInput } from '../src/index.js';
import { TOPOLOGY_URL, meshYaml, plain, shop } from './fixtures.js';

export const ENTITY = '/api/okemesh/entities/component/default/shop';

/** A runner that waits for `release()` so a test can see the lock held, then passes with a measured RTO. */
export function gatedRunner() {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const inputs: DrillRunInput[] = [];
  const module = createBackendModule({
    pluginId: 'okemesh',
    moduleId: 'test-runner',
    register(env) {
      env.registerInit({
        deps: { runners: okemeshDrillRunnerExtensionPoint },
        async init({ runners }) {
          runners.setDrillRunner({
            async run(input) {
              inputs.push(input);
              await input.progress('fault injected', { cluster: 'primary-cluster' });
              await gate;
              await input.progress('recovered');
              return { status: 'passed', rtoSeconds: 42, report: `# ${input.scenario}\n\nRTO 42 s\n` };
            },
          });
        },
      });
    },
  });
  return { module, release: () => release(), inputs };
}

/** Where the backends under test keep their plugin databases: a real PostgreSQL (see postgres-server.ts). */
export interface PgTarget {
  readonly connection: { host: string; port: number; user: string; database: string };
}

let backends = 0;

export interface HarnessOptions {
  readonly permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
  readonly ownership?: readonly string[];
  readonly config?: Record<string, unknown>;
  readonly entities?: Entity[];
  readonly extra?: ReadonlyArray<ServiceFactory | ReturnType<typeof createBackendModule>>;
}

// The plugin database of every test backend is a real PostgreSQL, one database per backend (its own
// prefix); the smoke test covers SQLite.
export async function startOkemesh(pg: PgTarget, options: HarnessOptions = {}) {
  const runner = gatedRunner();
  const reads: string[] = [];
  const urlReader = mockServices.urlReader.mock({
    readUrl: async (url: string) => {
      reads.push(url);
      if (url !== TOPOLOGY_URL) throw new Error(`404 ${url}`);
      return { buffer: async () => Buffer.from(meshYaml) } as never;
    },
  });
  const backend = await startTestBackend({
    features: [
      okemeshPlugin,
      runner.module,
      catalogServiceMock.factory({ entities: options.entities ?? [shop, plain] }),
      urlReader.factory,
      mockServices.permissions.factory({ result: options.permission ?? AuthorizeResult.ALLOW }),
      mockServices.userInfo.mock({
        getUserInfo: async () => ({
          userEntityRef: 'user:default/mock',
          ownershipEntityRefs: [...(options.ownership ?? ['user:default/mock', 'group:default/team-a'])],
        }),
      }).factory,
      databaseServiceFactory,
      mockServices.rootConfig.factory({
        data: {
          ...options.config,
          backend: {
            database: {
              client: 'pg',
              connection: pg.connection,
              prefix: `okemesh_test_${process.pid}_${++backends}_`,
            },
          },
        },
      }),
      // A request without an Authorization header has no credentials (the default mock would be a user).
      mockServices.httpAuth.factory({ defaultCredentials: mockCredentials.none() }),
      ...(options.extra ?? []),
    ],
  });
  const http = () => request(backend.server);
  return {
    backend,
    runner,
    reads,
    http,
    user: mockCredentials.user.header(),
    async stop() {
      runner.release();
      await backend.stop();
    },
    /** Polls the run until it leaves `running` (the runner finishes on its own once released). */
    async finished(id: string): Promise<DrillRun> {
      for (;;) {
        const res = await http()
          .get(`${ENTITY}/drills/${id}`)
          .set('Authorization', mockCredentials.user.header());
        if (res.body.status !== 'running') return res.body as DrillRun;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
}
