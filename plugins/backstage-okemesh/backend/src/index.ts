/**
 * okemesh Backstage backend plugin (new backend system).
 *
 * @packageDocumentation
 */
export { okemeshPlugin as default } from './plugin.js';
export { okemeshDrillRunnerExtensionPoint } from './drills/drill-runner.js';
export type {
  DrillRunInput,
  DrillRunOutcome,
  OkemeshDrillRunner,
  OkemeshDrillRunnerExtensionPoint,
} from './drills/drill-runner.js';
export { OkemeshBackendError, isOkemeshBackendError } from './errors.js';
export type { OkemeshBackendErrorCode } from './errors.js';
export { topologyView } from './topology/topology-view.js';
export { migrationConfig } from './drills/migrations.js';
