import { parseDuration, type Slos } from '@okemesh/topology';
import type { Recovery } from './recovery.js';
import type { RpoResult } from './rpo.js';

export type SloName = 'rto' | 'dnsFailover' | 'rpo' | 'availability' | 'crossClusterP99';

/** One PASS/FAIL line against an SLO of the topology. */
export interface SloCheck {
  readonly slo: SloName;
  readonly objective: number;
  /** `null` when the metric could not be measured (e.g. recovery not observed). */
  readonly measured: number | null;
  readonly unit: 'ms' | '%';
  readonly pass: boolean;
  readonly detail: string;
}

export interface VerdictInput {
  readonly slos: Slos;
  /** Which SLO the recovery time is held against: the regional `rto` or the `dnsFailover` budget. */
  readonly rtoSlo: 'rto' | 'dnsFailover';
  readonly recoveries: readonly Recovery[];
  readonly rpo: RpoResult | null;
  /** Availability over the drill per probe (percent), checked only when `checkAvailability`. */
  readonly availability?: number;
  readonly checkAvailability?: boolean;
  readonly p99Ms?: number;
}

const ms = (value: number) => `${Math.round(value)} ms`;

function rtoCheck(input: VerdictInput): SloCheck {
  const objective = parseDuration(input.slos[input.rtoSlo]) ?? 0;
  const unrecovered = input.recoveries.filter((r) => r.rtoMs === null);
  if (unrecovered.length > 0) {
    return {
      slo: input.rtoSlo,
      objective,
      measured: null,
      unit: 'ms',
      pass: false,
      detail: `recovery not observed by ${unrecovered.map((r) => r.probe).join(', ')} (RTO > max duration)`,
    };
  }
  const worst = input.recoveries.reduce<Recovery | undefined>(
    (a, r) => (!a || (r.rtoMs ?? 0) > (a.rtoMs ?? 0) ? r : a),
    undefined,
  );
  const measured = worst?.rtoMs ?? 0;
  const flapping = input.recoveries.filter((r) => r.flaps > 0);
  const bound = worst ? ` ± ${ms(worst.resolutionMs)}` : '';
  if (flapping.length > 0) {
    return {
      slo: input.rtoSlo,
      objective,
      measured,
      unit: 'ms',
      pass: false,
      detail: `failed again after recovering (${flapping.map((r) => `${r.probe}: ${r.flaps} flap(s)`).join(', ')})`,
    };
  }
  const pass = measured <= objective;
  return {
    slo: input.rtoSlo,
    objective,
    measured,
    unit: 'ms',
    pass,
    detail: `RTO ${ms(measured)}${bound}${worst ? ` (${worst.probe})` : ''} ${pass ? '<=' : '>'} ${input.slos[input.rtoSlo]}`,
  };
}

function rpoCheck(slos: Slos, rpo: RpoResult): SloCheck {
  const objective = parseDuration(slos.rpo) ?? 0;
  const pass = rpo.rpoMs <= objective;
  return {
    slo: 'rpo',
    objective,
    measured: rpo.rpoMs,
    unit: 'ms',
    pass,
    detail: `RPO ${ms(rpo.rpoMs)} ± ${ms(rpo.boundMs)} (${rpo.lostRows} of ${rpo.acknowledged} acknowledged row(s) lost${rpo.expectedLagMs === null ? '' : `; replication lag before the fault ${ms(rpo.expectedLagMs)}`}) ${pass ? '<=' : '>'} ${slos.rpo}`,
  };
}

/** PASS iff RTO <= objective and no flap after recovery, RPO <= objective, plus the optional checks. */
export function checkSlos(input: VerdictInput): SloCheck[] {
  const checks = [rtoCheck(input)];
  if (input.rpo) checks.push(rpoCheck(input.slos, input.rpo));
  if (input.checkAvailability && input.availability !== undefined) {
    const pass = input.availability >= input.slos.availability;
    checks.push({
      slo: 'availability',
      objective: input.slos.availability,
      measured: input.availability,
      unit: '%',
      pass,
      detail: `availability ${input.availability.toFixed(3)} % ${pass ? '>=' : '<'} ${input.slos.availability} %`,
    });
  }
  if (input.p99Ms !== undefined) {
    const objective = parseDuration(input.slos.crossClusterP99) ?? 0;
    const pass = input.p99Ms <= objective;
    checks.push({
      slo: 'crossClusterP99',
      objective,
      measured: input.p99Ms,
      unit: 'ms',
      pass,
      detail: `p99 ${input.p99Ms.toFixed(1)} ms (CO-corrected) ${pass ? '<=' : '>'} ${input.slos.crossClusterP99}`,
    });
  }
  return checks;
}
