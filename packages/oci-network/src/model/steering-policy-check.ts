import { OciNetworkError } from '../errors.js';

const RULE_TYPES = new Set(['FILTER', 'HEALTH', 'WEIGHTED', 'PRIORITY', 'LIMIT']);
const RTYPES = new Set(['A', 'AAAA', 'CNAME']);
const ANSWER_KEYS = new Set(['name', 'rtype', 'rdata', 'pool', 'isDisabled']);
const FAILOVER_ORDER = ['FILTER', 'HEALTH', 'PRIORITY', 'LIMIT'];

type Loose = Record<string, unknown>;

/**
 * Checks a steering policy body the way the DNS service does, before it is sent: the SDK types `ruleType` as a plain
 * string and passes invented fields through, so mistakes like `ruleType: "FAILOVER"` or `answer.isHealthy` would
 * otherwise only surface as a 400 from OCI. `monitorTargets` (when given) must cover every answer's rdata, or the
 * unmonitored answers are silently assumed healthy. Returns the problems; empty means valid.
 */
export function steeringPolicyProblems(policy: unknown, monitorTargets?: readonly string[]): string[] {
  const problems: string[] = [];
  if (typeof policy !== 'object' || policy === null) return ['policy must be an object'];
  const p = policy as Loose;
  if (p.template !== 'FAILOVER') problems.push(`template must be FAILOVER, got ${String(p.template)}`);
  const answers = Array.isArray(p.answers) ? (p.answers as Loose[]) : [];
  const rules = Array.isArray(p.rules) ? (p.rules as Loose[]) : [];
  if (answers.length < 2) problems.push('a failover policy needs at least two answers');
  const names = new Set<string>();
  for (const [i, answer] of answers.entries()) {
    for (const key of Object.keys(answer))
      if (!ANSWER_KEYS.has(key)) problems.push(`answers[${i}].${key} is not a steering answer field`);
    if (!RTYPES.has(String(answer.rtype))) problems.push(`answers[${i}].rtype must be A, AAAA or CNAME`);
    if (typeof answer.rdata !== 'string' || answer.rdata === '')
      problems.push(`answers[${i}].rdata is empty`);
    if (typeof answer.name !== 'string' || names.has(answer.name))
      problems.push(`answers[${i}].name must be unique`);
    names.add(String(answer.name));
  }
  const types = rules.map((r) => String(r.ruleType));
  for (const [i, type] of types.entries())
    if (!RULE_TYPES.has(type))
      problems.push(`rules[${i}].ruleType ${type} is not FILTER, HEALTH, WEIGHTED, PRIORITY or LIMIT`);
  const monitored = typeof p.healthCheckMonitorId === 'string' && p.healthCheckMonitorId !== '';
  const expected = FAILOVER_ORDER.filter((t) => t !== 'HEALTH' || monitored);
  if (types.join(',') !== expected.join(','))
    problems.push(`FAILOVER rules must be ${expected.join(' → ')}, got ${types.join(' → ') || 'none'}`);
  const filter = rules[0]?.defaultAnswerData as Loose[] | undefined;
  if (types[0] === 'FILTER' && filter?.[0]?.answerCondition !== 'answer.isDisabled != true')
    problems.push('the FILTER rule must keep answer.isDisabled != true');
  const priority = rules.find((r) => r.ruleType === 'PRIORITY')?.defaultAnswerData as Loose[] | undefined;
  const pools = new Set(answers.map((a) => a.pool));
  for (const entry of priority ?? []) {
    const pool = /^answer\.pool == '([^']+)'$/.exec(String(entry.answerCondition))?.[1];
    if (pool === undefined || !pools.has(pool))
      problems.push(`PRIORITY condition ${String(entry.answerCondition)} matches no answer pool`);
    if (!Number.isInteger(entry.value) || Number(entry.value) < 0 || Number(entry.value) > 255)
      problems.push('PRIORITY values must be integers 0-255');
  }
  const limit = rules.at(-1);
  if (limit?.ruleType === 'LIMIT' && limit.defaultCount !== 1)
    problems.push('FAILOVER serves one answer: LIMIT defaultCount must be 1');
  if (monitorTargets) {
    const targets = new Set(monitorTargets);
    for (const answer of answers)
      if (!targets.has(String(answer.rdata)))
        problems.push(
          `answer ${String(answer.name)} (${String(answer.rdata)}) is not a monitor target and would be assumed healthy`,
        );
  }
  return problems;
}

export function assertValidSteeringPolicy(policy: unknown, monitorTargets?: readonly string[]): void {
  const problems = steeringPolicyProblems(policy, monitorTargets);
  if (problems.length > 0)
    throw new OciNetworkError(
      'OCI_INVALID_STEERING_POLICY',
      `invalid steering policy:\n  ${problems.join('\n  ')}`,
    );
}
