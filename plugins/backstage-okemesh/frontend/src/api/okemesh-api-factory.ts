import { createApiFactory, discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import { OkemeshClient, okemeshApiRef } from './okemesh-api.js';

/** The client wired to the app's discovery and authenticated fetch (used by both plugin forms). */
export const okemeshApiFactory = createApiFactory({
  api: okemeshApiRef,
  deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
  factory: ({ discoveryApi, fetchApi }) => new OkemeshClient({ discoveryApi, fetchApi }),
});
