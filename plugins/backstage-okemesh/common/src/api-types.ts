/** Types of the okemesh backend's JSON API (`/api/okemesh`), shared by the backend and the frontend. */

export type ClusterRole = 'primary' | 'secondary';
export type FailoverMode = 'active-passive' | 'active-active';

export interface ClusterView {
  readonly name: string;
  readonly region: string;
  readonly role: ClusterRole;
  readonly network: string;
}

export interface RegionView {
  readonly name: string;
  readonly clusters: readonly ClusterView[];
}

/** An east-west link: two clusters on different networks reach each other through their east-west gateways. */
export interface EastWestLink {
  readonly from: string;
  readonly to: string;
}

export interface ServiceView {
  readonly name: string;
  readonly namespace: string;
  readonly mode: FailoverMode;
  /** Regions that take traffic in steady state (the first region for active-passive, every weighted one otherwise). */
  readonly activeRegions: readonly string[];
  readonly passiveRegions: readonly string[];
}

export type SloName = 'availability' | 'rto' | 'rpo' | 'dnsFailover' | 'crossClusterP99' | 'meshSync';

export interface SloRow {
  readonly name: SloName;
  /** As written in mesh.yaml (`15m`, `99.95`). */
  readonly target: string;
  /** Duration targets in seconds; absent for availability. */
  readonly seconds?: number;
}

export type LintLevel = 'Error' | 'Warning' | 'Info';
export type LintStatus = 'pass' | 'warn' | 'fail';

export interface LintFindingView {
  readonly code: string;
  readonly level: LintLevel;
  readonly message: string;
  readonly resource: string;
  readonly file: string;
  readonly line: number;
  readonly hint: string;
  readonly cluster?: string;
}

export interface LintView {
  readonly status: LintStatus;
  readonly counts: Readonly<Record<LintLevel, number>>;
  readonly findings: readonly LintFindingView[];
}

/** `GET /entities/:kind/:namespace/:name/topology` */
export interface TopologyResponse {
  readonly entityRef: string;
  readonly source: string;
  readonly name: string;
  readonly meshId: string;
  readonly trustDomain: string;
  readonly regions: readonly RegionView[];
  readonly networks: readonly string[];
  readonly eastWest: readonly EastWestLink[];
  readonly services: readonly ServiceView[];
  readonly slos: readonly SloRow[];
  readonly lint: LintView;
  /** How many files and objects `okemesh render` produces for this topology. */
  readonly rendered: { readonly files: number; readonly objects: number };
}

export type DrillScenario = 'ingress-failure' | 'east-west-failure' | 'database-failover' | 'full-region';

export interface DrillDefinition {
  readonly scenario: DrillScenario;
  readonly description: string;
  readonly measures: readonly string[];
}

/** `GET /entities/:kind/:namespace/:name/drills` */
export interface DrillListResponse {
  readonly drills: readonly DrillDefinition[];
}

export type DrillStatus = 'running' | 'passed' | 'failed' | 'error';

export interface DrillRun {
  readonly id: string;
  readonly entityRef: string;
  readonly scenario: DrillScenario;
  readonly status: DrillStatus;
  readonly initiatedBy: string;
  readonly startedAt: string;
  readonly finishedAt?: string;
  /** Last phase the runner reported (`fault injected`, `recovered`...). */
  readonly phase: string;
  readonly rtoSeconds?: number;
  readonly rpoSeconds?: number;
  readonly sloRtoSeconds?: number;
  readonly sloRpoSeconds?: number;
  readonly message?: string;
}

/** `GET /entities/:kind/:namespace/:name/drills/history` */
export interface DrillHistoryResponse {
  readonly runs: readonly DrillRun[];
}

/** `POST /entities/:kind/:namespace/:name/drills` body. */
export interface RunDrillRequest {
  readonly scenario: DrillScenario;
}

/** The JSON body of every error response (Backstage's error format). */
export interface OkemeshErrorBody {
  readonly error: { readonly name: string; readonly message: string };
  readonly response?: { readonly statusCode: number };
}
