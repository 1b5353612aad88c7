import { invalidParameter } from './api-error.js';
import type { Json } from './store.js';

const TEMPLATES = new Set([
  'FAILOVER',
  'LOAD_BALANCE',
  'ROUTE_BY_GEO',
  'ROUTE_BY_ASN',
  'ROUTE_BY_IP',
  'CUSTOM',
]);
const RULE_TYPES = new Set(['FILTER', 'HEALTH', 'WEIGHTED', 'PRIORITY', 'LIMIT']);
const RTYPES = new Set(['A', 'AAAA', 'CNAME']);
const ANSWER_FIELDS = new Set(['name', 'rtype', 'rdata', 'pool', 'isDisabled']);
const RULE_FIELDS: Record<string, ReadonlySet<string>> = {
  FILTER: new Set(['ruleType', 'description', 'cases', 'defaultAnswerData']),
  HEALTH: new Set(['ruleType', 'description', 'cases']),
  WEIGHTED: new Set(['ruleType', 'description', 'cases', 'defaultAnswerData']),
  PRIORITY: new Set(['ruleType', 'description', 'cases', 'defaultAnswerData']),
  LIMIT: new Set(['ruleType', 'description', 'cases', 'defaultCount']),
};
/** The rule sequence each non-CUSTOM template requires (HEALTH only when a monitor is attached). */
const TEMPLATE_RULES: Record<string, readonly string[]> = {
  FAILOVER: ['FILTER', 'HEALTH', 'PRIORITY', 'LIMIT'],
  LOAD_BALANCE: ['FILTER', 'HEALTH', 'WEIGHTED', 'LIMIT'],
};

/**
 * Rejects steering policies the real service rejects with 400 InvalidParameter: unknown template or rule type,
 * answers with unknown fields (e.g. `isHealthy`), rtypes other than A/AAAA/CNAME, duplicate answer names, rule
 * order that does not follow the template, a HEALTH rule without a monitor.
 */
export function validateSteeringPolicy(body: Json, monitorExists: (id: string) => boolean): void {
  const template = body.template;
  if (typeof template !== 'string' || !TEMPLATES.has(template))
    throw invalidParameter(`template ${String(template)} is not valid`);
  const answers = (body.answers ?? []) as Json[];
  const rules = (body.rules ?? []) as Json[];
  if (!Array.isArray(answers) || !Array.isArray(rules))
    throw invalidParameter('answers and rules must be arrays');
  const names = new Set<string>();
  for (const answer of answers) {
    for (const key of Object.keys(answer))
      if (!ANSWER_FIELDS.has(key)) throw invalidParameter(`answer field ${key} is not valid`);
    if (typeof answer.name !== 'string' || typeof answer.rdata !== 'string')
      throw invalidParameter('answer name and rdata are required');
    if (!RTYPES.has(String(answer.rtype)))
      throw invalidParameter(`answer rtype ${String(answer.rtype)} is not A, AAAA or CNAME`);
    if (names.has(answer.name)) throw invalidParameter(`answer name ${answer.name} is not unique`);
    names.add(answer.name);
  }
  for (const rule of rules) {
    const type = String(rule.ruleType);
    if (!RULE_TYPES.has(type)) throw invalidParameter(`ruleType ${type} is not valid`);
    for (const key of Object.keys(rule))
      if (!RULE_FIELDS[type]?.has(key)) throw invalidParameter(`${type} rule field ${key} is not valid`);
  }
  const monitor = body.healthCheckMonitorId;
  if (monitor !== undefined && monitor !== null && !monitorExists(String(monitor)))
    throw invalidParameter(`health check monitor ${String(monitor)} not found`);
  const types = rules.map((r) => String(r.ruleType));
  if (types.includes('HEALTH') && (monitor === undefined || monitor === null))
    throw invalidParameter('a HEALTH rule needs healthCheckMonitorId');
  const expected = TEMPLATE_RULES[template];
  if (expected) {
    const wanted = expected.filter((t) => t !== 'HEALTH' || (monitor !== undefined && monitor !== null));
    if (types.join(',') !== wanted.join(','))
      throw invalidParameter(
        `template ${template} needs rules ${wanted.join(' → ')}, got ${types.join(' → ') || 'none'}`,
      );
  }
  if (template !== 'CUSTOM' && types.length > 0) {
    const first = rules[0];
    const keep = (first?.defaultAnswerData as Json[] | undefined)?.[0];
    if (first?.ruleType !== 'FILTER' || keep?.answerCondition !== 'answer.isDisabled != true') {
      throw invalidParameter('the first rule must be a FILTER keeping answer.isDisabled != true');
    }
    if (types.at(-1) !== 'LIMIT') throw invalidParameter('the last rule must be LIMIT');
  }
}
