import { withEtag, type Route } from '../route.js';

export const containerEngineRoutes: readonly Route[] = [
  {
    version: '20180222',
    method: 'GET',
    path: '/clusters/{clusterId}',
    operation: 'GetCluster',
    handler: (call) =>
      withEtag(call, call.params.clusterId ?? '', call.store.get(call.params.clusterId ?? '', 'cluster')),
  },
];
