// Main entry: the pure planning API (also at `@okemesh/oci-network/plan`) plus the SDK-backed plan/apply/destroy.
export {
  OciNetworkError,
  isOciNetworkError,
  desiredNetwork,
  remoteDestinations,
  assertRoutablePods,
  ISTIO_CROSS_REGION_PORTS,
  ISTIO_PORTS_NOT_OPENED,
  regionEndpoints,
  failoverSteeringPolicy,
  steeringPolicyName,
  steeringPolicyProblems,
  assertValidSteeringPolicy,
  httpMonitorSpec,
  iamStatements,
  iamPolicyName,
  formatPlan,
  summarizePlan,
  hasChanges,
  mergeRouteRules,
  mergeIngressRules,
  withoutOwned,
  routeRule,
  ingressRule,
  ownershipTags,
  isOwned,
  isOwnedRule,
  ruleMarker,
  retryToken,
  ociArtifacts,
  MONITOR_ID_PLACEHOLDER,
  checkDiscoveredCluster,
  FLANNEL_EXPLANATION,
} from './plan.js';
export type {
  OciNetworkErrorCode,
  OciApiFailure,
  DesiredNetwork,
  DesiredRegion,
  DesiredPeer,
  DesiredIngressRule,
  IngressMode,
  IstioPort,
  IngressTarget,
  RegionEndpoint,
  SteeringPolicySpec,
  SteeringAnswer,
  SteeringRule,
  HttpMonitorSpec,
  IamStatement,
  IamOptions,
  Plan,
  PlannedChange,
  PlanSummary,
  ChangeAction,
  ResourceKind,
  RouteRuleShape,
  IngressRuleShape,
  Merge,
  OwnedRole,
  OciArtifact,
  OciArtifactOptions,
  DiscoveredCluster,
  DiscoveryFinding,
} from './plan.js';
export { resolveIdentity, AUTH_METHODS } from './sdk/auth.js';
export type { AuthMethod, AuthOptions, OciIdentity } from './sdk/auth.js';
export { ClientFactory } from './sdk/clients.js';
export type { ClientOptions, RegionClients } from './sdk/clients.js';
export { retryConfiguration, isRetryable } from './sdk/retry-policy.js';
export type { RetryOptions } from './sdk/retry-policy.js';
export { DEFAULT_TIMEOUTS } from './sdk/run-context.js';
export type { RunOptions, ProgressEvent, StepTimeouts } from './sdk/run-context.js';
export { planNetwork, applyNetwork, destroyNetwork } from './sdk/network.js';
export type { NetworkOptions } from './sdk/network.js';
export { convergeDns, destroyDns } from './sdk/dns.js';
export type { DnsOptions } from './sdk/dns.js';
export { convergeIam, homeRegion } from './sdk/iam.js';
export type { IamApplyOptions } from './sdk/iam.js';
export { discoverCluster } from './sdk/discover.js';
export { ociMeshHealth } from './sdk/mesh-health.js';
export type { OciHealth, OciMeshHealthOptions } from './sdk/mesh-health.js';
