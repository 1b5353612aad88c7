/** What okemesh manages, as named in plans and progress output. */
export type ResourceKind =
  | 'drg'
  | 'drg-attachment'
  | 'remote-peering-connection'
  | 'peering'
  | 'route-table'
  | 'security-list'
  | 'network-security-group'
  | 'health-monitor'
  | 'steering-policy'
  | 'steering-policy-attachment'
  | 'iam-policy';

/** `adopt`: an existing resource okemesh uses but does not own (never updated or deleted). */
export type ChangeAction = 'create' | 'update' | 'connect' | 'delete' | 'adopt' | 'unchanged';

export interface PlannedChange {
  /** OCI region, or `global` for DNS and Health Checks. */
  readonly region: string;
  readonly resource: ResourceKind;
  readonly name: string;
  readonly action: ChangeAction;
  /** Why this action: what was found, or what is missing. */
  readonly reason: string;
  readonly id?: string;
  /** Rule-level detail for updates: `+ 10.1.0.0/16 via DRG`, `- stale rule`. */
  readonly details?: readonly string[];
}

export interface Plan {
  readonly mesh: string;
  readonly changes: readonly PlannedChange[];
  /** Facts worth reading before approving (ports opened and why, ports left closed). */
  readonly notes: readonly string[];
}

export interface PlanSummary {
  readonly create: number;
  readonly update: number;
  readonly connect: number;
  readonly delete: number;
  readonly adopt: number;
  readonly unchanged: number;
}

export function summarizePlan(plan: Plan): PlanSummary {
  const count = (action: ChangeAction) => plan.changes.filter((c) => c.action === action).length;
  return {
    create: count('create'),
    update: count('update'),
    connect: count('connect'),
    delete: count('delete'),
    adopt: count('adopt'),
    unchanged: count('unchanged'),
  };
}

/** True when applying the plan would change something in OCI. */
export function hasChanges(plan: Plan): boolean {
  return plan.changes.some(
    (c) => c.action === 'create' || c.action === 'update' || c.action === 'connect' || c.action === 'delete',
  );
}

const SYMBOL: Readonly<Record<ChangeAction, string>> = {
  create: '+',
  update: '~',
  connect: '⇄',
  delete: '-',
  adopt: '=',
  unchanged: ' ',
};

/** The plan as text: one line per resource, grouped by region, rule details indented, then a summary line. */
export function formatPlan(plan: Plan): string {
  const lines: string[] = [];
  const regions = [...new Set(plan.changes.map((c) => c.region))];
  for (const region of regions) {
    lines.push(`${region}:`);
    for (const change of plan.changes.filter((c) => c.region === region)) {
      lines.push(
        `  ${SYMBOL[change.action]} ${change.action.padEnd(9)} ${change.resource} ${change.name} — ${change.reason}`,
      );
      for (const detail of change.details ?? []) lines.push(`        ${detail}`);
    }
  }
  for (const note of plan.notes) lines.push(`note: ${note}`);
  const s = summarizePlan(plan);
  lines.push(
    `Plan: ${s.create} to create, ${s.update} to update, ${s.connect} to connect, ${s.delete} to delete, ${s.adopt} adopted, ${s.unchanged} unchanged.`,
  );
  return `${lines.join('\n')}\n`;
}
