import type { Route } from '../route.js';
import { anyRegion, routeBuilders } from './route-builders.js';

const api = routeBuilders('20180222');

export const containerEngineRoutes: readonly Route[] = [
  api.getOne('/clusters/{clusterId}', 'GetCluster', anyRegion('cluster')),
];
