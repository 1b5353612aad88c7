export {
  OKEMESH_TOPOLOGY_ANNOTATION,
  OKEMESH_PLUGIN_ID,
  isOkemeshAvailable,
  topologyAnnotation,
} from './annotation.js';
export {
  okemeshTopologyReadPermission,
  okemeshDrillRunPermission,
  okemeshPermissions,
} from './permissions.js';
export type * from './api-types.js';
