import type {
  AuthService,
  LoggerService,
  SchedulerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { readSchedulerServiceTaskScheduleDefinitionFromConfig } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { DrillService } from './drills/drill-service.js';
import { isOkemeshBackendError } from './errors.js';
import { readTopologyText } from './topology/topology-source.js';
import { parseEntityTopology } from './topology/topology-view.js';

export const SCHEDULED_DRILLS_TASK = 'okemesh-scheduled-drills';

export interface ScheduledDrill {
  readonly entityRef: string;
  readonly scenario: string;
}

export interface ScheduledDrillsOptions {
  readonly config: Config;
  readonly scheduler: SchedulerService;
  readonly auth: AuthService;
  readonly catalog: CatalogService;
  readonly urlReader: UrlReaderService;
  readonly drills: DrillService;
  readonly logger: LoggerService;
}

/** `okemesh.scheduledDrills` run on `okemesh.schedule` (default daily) as the plugin's own service identity. */
export async function scheduleDrills(options: ScheduledDrillsOptions): Promise<readonly ScheduledDrill[]> {
  const { config, scheduler, auth, catalog, urlReader, drills, logger } = options;
  const planned: ScheduledDrill[] = (config.getOptionalConfigArray('okemesh.scheduledDrills') ?? []).map(
    (c) => ({
      entityRef: c.getString('entityRef'),
      scenario: c.getString('scenario'),
    }),
  );
  const schedule = config.has('okemesh.schedule')
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(config.getConfig('okemesh.schedule'))
    : { frequency: { hours: 24 }, timeout: { hours: 2 } };
  await scheduler.scheduleTask({
    id: SCHEDULED_DRILLS_TASK,
    ...schedule,
    fn: async () => {
      const credentials = await auth.getOwnServiceCredentials();
      for (const { entityRef, scenario } of planned) {
        try {
          const entity = await catalog.getEntityByRef(entityRef, { credentials });
          if (entity === undefined) {
            logger.warn(`scheduled drill ${scenario}: no entity ${entityRef}`);
            continue;
          }
          const { source, text } = await readTopologyText(urlReader, entity, entityRef);
          const run = await drills.start(entityRef, parseEntityTopology(text, source), scenario, 'scheduler');
          logger.info(`scheduled drill ${scenario} for ${entityRef} started as ${run.id}`);
        } catch (error) {
          if (!isOkemeshBackendError(error)) throw error;
          logger.warn(`scheduled drill ${scenario} for ${entityRef} not started: ${error.message}`);
        }
      }
    },
  });
  return planned;
}
