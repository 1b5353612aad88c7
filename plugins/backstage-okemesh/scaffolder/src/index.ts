/**
 * Scaffolder actions okemesh:topology:create, okemesh:mesh:render and okemesh:mesh:lint.
 *
 * @packageDocumentation
 */
export { okemeshScaffolderModule as default } from './module.js';
export { createTopologyCreateAction } from './actions/topology-create.js';
export { createMeshRenderAction } from './actions/mesh-render.js';
export { createMeshLintAction } from './actions/mesh-lint.js';
export { topologyDocument } from './actions/topology-document.js';
export type { TopologyRequest } from './actions/topology-document.js';
export { OkemeshActionError } from './errors.js';
export type { OkemeshActionErrorCode } from './errors.js';
