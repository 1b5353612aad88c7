import { coreServices, createBackendPlugin } from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { OKEMESH_PLUGIN_ID, okemeshPermissions } from '@okemesh/backstage-plugin-okemesh-common';
import {
  okemeshDrillRunnerExtensionPoint,
  unconfiguredDrillRunner,
  type OkemeshDrillRunner,
} from './drills/drill-runner.js';
import { DrillService } from './drills/drill-service.js';
import { DrillStore } from './drills/drill-store.js';
import { migrateUp } from './drills/migrations.js';
import { createRouter } from './routes/router.js';
import { scheduleDrills } from './scheduled-drills.js';

/** The okemesh backend plugin: `backend.add(import('@okemesh/backstage-plugin-okemesh-backend'))`. */
export const okemeshPlugin = createBackendPlugin({
  pluginId: OKEMESH_PLUGIN_ID,
  register(env) {
    let runner: OkemeshDrillRunner = unconfiguredDrillRunner;
    env.registerExtensionPoint(okemeshDrillRunnerExtensionPoint, {
      setDrillRunner(next) {
        runner = next;
      },
    });
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        userInfo: coreServices.userInfo,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
        lifecycle: coreServices.lifecycle,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const { config, logger, httpRouter, database, lifecycle } = deps;
        deps.permissionsRegistry.addPermissions([...okemeshPermissions]);
        const knex = await database.getClient();
        if (!database.migrations?.skip) await migrateUp(knex);
        const store = new DrillStore(knex);
        const drills = new DrillService(store, () => runner, logger);
        lifecycle.addShutdownHook(() => drills.shutdown());
        await scheduleDrills({ ...deps, drills });
        httpRouter.use(await createRouter({ ...deps, store, drills }));
        // Every other route requires user or service credentials (the httpRouter default).
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        logger.info(
          `okemesh backend ready (${config.getOptionalConfigArray('okemesh.scheduledDrills')?.length ?? 0} scheduled drills)`,
        );
      },
    });
  },
});
