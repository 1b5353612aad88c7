// Light entry point (`@okemesh/oci-network/plan`): pure planning with no OCI SDK import, for fast CLI start-up.
export { OciNetworkError, isOciNetworkError } from './errors.js';
export type { OciNetworkErrorCode, OciApiFailure } from './errors.js';
export { desiredNetwork, remoteDestinations, assertRoutablePods } from './model/desired-network.js';
export type {
  DesiredNetwork,
  DesiredRegion,
  DesiredPeer,
  DesiredIngressRule,
  IngressMode,
} from './model/desired-network.js';
export { ISTIO_CROSS_REGION_PORTS, ISTIO_PORTS_NOT_OPENED } from './model/istio-ports.js';
export type { IstioPort, IngressTarget } from './model/istio-ports.js';
export { regionEndpoints } from './model/dns-endpoints.js';
export type { RegionEndpoint } from './model/dns-endpoints.js';
export { failoverSteeringPolicy, steeringPolicyName } from './model/steering-policy.js';
export type { SteeringPolicySpec, SteeringAnswer, SteeringRule } from './model/steering-policy.js';
export { steeringPolicyProblems, assertValidSteeringPolicy } from './model/steering-policy-check.js';
export { httpMonitorSpec } from './model/health-monitor.js';
export type { HttpMonitorSpec } from './model/health-monitor.js';
export { iamStatements, iamPolicyName, groupSubject } from './model/iam-statements.js';
export type { IamStatement, IamOptions } from './model/iam-statements.js';
export { formatPlan, summarizePlan, hasChanges } from './model/plan.js';
export type { Plan, PlannedChange, PlanSummary, ChangeAction, ResourceKind } from './model/plan.js';
export {
  mergeRouteRules,
  mergeIngressRules,
  withoutOwned,
  routeRule,
  ingressRule,
} from './model/rule-merge.js';
export type { RouteRuleShape, IngressRuleShape, Merge } from './model/rule-merge.js';
export { ownershipTags, isOwned, isOwnedRule, ruleMarker, retryToken } from './model/ownership.js';
export type { OwnedRole } from './model/ownership.js';
export { ociArtifacts, MONITOR_ID_PLACEHOLDER } from './model/artifacts.js';
export type { OciArtifact, OciArtifactOptions } from './model/artifacts.js';
export { checkDiscoveredCluster, FLANNEL_EXPLANATION } from './model/discovery-check.js';
export type { DiscoveredCluster, DiscoveryFinding } from './model/discovery-check.js';
