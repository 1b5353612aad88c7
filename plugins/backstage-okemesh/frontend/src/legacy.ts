/**
 * The okemesh frontend plugin for apps on the legacy frontend system (`createPlugin`).
 *
 * @packageDocumentation
 */
import {
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  createRouteRef,
} from '@backstage/core-plugin-api';
import { okemeshApiFactory } from './api/okemesh-api-factory.js';

export const rootRouteRef = createRouteRef({ id: 'okemesh' });

export const okemeshPlugin = createPlugin({
  id: 'okemesh',
  apis: [okemeshApiFactory],
  routes: { root: rootRouteRef },
});

/** `<EntityLayout.Route path="/failover" title="Failover" if={isOkemeshAvailable}><EntityOkemeshContent /></EntityLayout.Route>` */
export const EntityOkemeshContent = okemeshPlugin.provide(
  createRoutableExtension({
    name: 'EntityOkemeshContent',
    component: () => import('./components/index.js').then((m) => m.FailoverContent),
    mountPoint: rootRouteRef,
  }),
);

/** Overview card: `<EntityOkemeshCard />` inside an `EntitySwitch.Case if={isOkemeshAvailable}`. */
export const EntityOkemeshCard = okemeshPlugin.provide(
  createComponentExtension({
    name: 'EntityOkemeshCard',
    component: { lazy: () => import('./components/index.js').then((m) => m.FailoverCard) },
  }),
);

export { okemeshApiRef, OkemeshClient, OkemeshApiError } from './api/okemesh-api.js';
export type { OkemeshApi, EntityName } from './api/okemesh-api.js';
export { isOkemeshAvailable, OKEMESH_TOPOLOGY_ANNOTATION } from '@okemesh/backstage-plugin-okemesh-common';
