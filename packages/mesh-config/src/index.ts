export { MeshConfigError, isMeshConfigError } from './errors.js';
export type { MeshConfigErrorCode } from './errors.js';

export { isKubeObject } from './model/kube-object.js';
export type { KubeObject, ObjectMeta, UnknownKubeObject } from './model/kube-object.js';
export { apiGroup, resourceId, resourceKey, compareObjects, sortObjects } from './model/identity.js';
export type {
  CoreObject,
  Namespace,
  ServiceAccount,
  Secret,
  ConfigMap,
  Service,
  ServicePortSpec,
} from './model/core.js';
export type {
  IstioObject,
  Gateway,
  GatewayServer,
  DestinationRule,
  TrafficPolicy,
  OutlierDetection,
  LocalityLbSetting,
  VirtualService,
  HttpRoute,
  PeerAuthentication,
  AuthorizationPolicy,
  AuthorizationRule,
  Selector,
} from './model/istio.js';
export type { IstioOperator, IstioOperatorGateway } from './model/install.js';
export type { PrometheusRule, RuleGroup, AlertRule } from './model/monitoring.js';
export type { Kustomization, ApplicationSet } from './model/gitops.js';
export type { EastWestIngress, IngressTlsExternalSecret } from './resources/context.js';

export { normalize, toYaml, toYamlDocuments, toJson } from './serialize.js';
export { parseManifests } from './parse.js';
export type { ParsedDocument, ParsedManifests, ManifestSyntaxError, SourcePosition } from './parse.js';

export { validateIstioStrict } from './lint/schema/strict-validator.js';
export type { SchemaViolation, SchemaViolationKind } from './lint/schema/schema-violation.js';
export { lint } from './lint/lint.js';
export type { LintDocument, LintOptions } from './lint/lint.js';
export { levelRank } from './lint/finding.js';
export type { Finding, Level } from './lint/finding.js';
export { loadLintInput } from './lint/loader.js';
export type { LintInput, InputProblem } from './lint/loader.js';
export { readMeshFile } from './lint/mesh-file.js';
export type { MeshFileKind } from './lint/mesh-file.js';
export { declaredMeshFromTopology } from './lint/okemesh/declared-mesh.js';
export type { DeclaredMesh } from './lint/okemesh/declared-mesh.js';
export { okmRules } from './lint/okemesh/codes.js';
export type { OkmRule, OkmCode } from './lint/okemesh/codes.js';
export { formatText } from './lint/format/text.js';
export { formatSarif } from './lint/format/sarif.js';
export type { SarifLog } from './lint/format/sarif.js';

export { render } from './render.js';
export type { Bundle, BundleFile, BundleObject, AppliedWith } from './bundle/bundle.js';
export type { RenderOptions } from './resources/context.js';
export { serviceHost, remoteSecretName } from './names.js';

// Live-cluster linking lives in the `@okemesh/mesh-config/link` subpath (src/link/index.ts).
