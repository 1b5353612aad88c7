import { createPermission } from '@backstage/plugin-permission-common';

/** Read an entity's topology summary, lint findings, SLOs, drill list and history. */
export const okemeshTopologyReadPermission = createPermission({
  name: 'okemesh.topology.read',
  attributes: { action: 'read' },
});

/** Start a failover drill against an entity's mesh (also requires owning the entity). */
export const okemeshDrillRunPermission = createPermission({
  name: 'okemesh.drill.run',
  attributes: { action: 'create' },
});

/** Every permission the okemesh backend registers. */
export const okemeshPermissions = [okemeshTopologyReadPermission, okemeshDrillRunPermission] as const;
