/**
 * okemesh Backstage frontend plugin for the new frontend system (default export); the legacy
 * `createPlugin` form is `@okemesh/backstage-plugin-okemesh/legacy`.
 *
 * @packageDocumentation
 */
import { ApiBlueprint, createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint, EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { OKEMESH_TOPOLOGY_ANNOTATION } from '@okemesh/backstage-plugin-okemesh-common';
import { okemeshApiFactory } from './api/okemesh-api-factory.js';

const hasTopology = { [`metadata.annotations.${OKEMESH_TOPOLOGY_ANNOTATION}`]: { $exists: true } };

export const okemeshApi = ApiBlueprint.make({
  name: 'client',
  params: (define) => define(okemeshApiFactory),
});

/** The entity "Failover" tab, on entities with the okemesh.io/topology annotation. */
export const okemeshFailoverContent = EntityContentBlueprint.make({
  name: 'failover',
  params: {
    path: 'failover',
    title: 'Failover',
    filter: hasTopology,
    loader: () => import('./components/index.js').then((m) => <m.FailoverContent />),
  },
});

/** The overview card: lint status and the last drill against the RTO SLO. */
export const okemeshFailoverCard = EntityCardBlueprint.make({
  name: 'failover',
  params: {
    filter: hasTopology,
    loader: () => import('./components/index.js').then((m) => <m.FailoverCard />),
  },
});

export default createFrontendPlugin({
  pluginId: 'okemesh',
  extensions: [okemeshApi, okemeshFailoverContent, okemeshFailoverCard],
});

export { okemeshApiRef, OkemeshClient, OkemeshApiError } from './api/okemesh-api.js';
export type { OkemeshApi, EntityName, OkemeshApiErrorKind } from './api/okemesh-api.js';
export { isOkemeshAvailable, OKEMESH_TOPOLOGY_ANNOTATION } from '@okemesh/backstage-plugin-okemesh-common';
