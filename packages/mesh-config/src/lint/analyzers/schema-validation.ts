import type { AnalysisContext, Analyzer, FieldPath } from '../context.js';
import { validateIstioStrict } from '../schema/strict-validator.js';
import { asArray, asJson, asString, type Json, type LintResource } from '../resource.js';
import { durationMs } from './duration.js';
import { analyzeUnreachableRules } from './virtual-service-unreachable.js';

const retryOnTokens = new Set([
  '5xx',
  'gateway-error',
  'reset',
  'reset-before-request',
  'connect-failure',
  'retriable-4xx',
  'refused-stream',
  'retriable-status-codes',
  'retriable-headers',
  'envoy-ratelimited',
  'http3-post-connect-failure',
  'cancelled',
  'deadline-exceeded',
  'internal',
  'resource-exhausted',
  'unavailable',
]);

type Say = (error: boolean, text: string, path: FieldPath, hint: string) => void;

function durationAtLeast1ms(say: Say, value: unknown, path: FieldPath, field: string): void {
  if (value === undefined) return;
  const ms = durationMs(value);
  if (ms === undefined || ms < 1)
    say(
      true,
      `${field}: duration must be at least 1ms, got ${JSON.stringify(value)}`,
      path,
      'use a duration such as 500ms or 2s',
    );
}

function trafficPolicy(say: Say, policy: Json, path: FieldPath): void {
  const lb = asJson(policy['loadBalancer']);
  const locality = asJson(lb['localityLbSetting']);
  const failover = asArray(locality['failover']).map(asJson);
  const priority = asArray(locality['failoverPriority']).map(asString);
  const lpath = [...path, 'loadBalancer', 'localityLbSetting'];
  if (failover.length > 0 && asArray(locality['distribute']).length > 0) {
    say(
      true,
      'localityLbSetting: distribute and failover cannot both be set',
      lpath,
      'keep either distribute or failover',
    );
  }
  failover.forEach((f, i) => {
    const [from, to] = [asString(f['from']), asString(f['to'])];
    if (from === to)
      say(
        true,
        `failover[${i}]: from and to must differ`,
        [...lpath, 'failover', i],
        'fail over to a different region',
      );
    if (/[/*]/.test(from + to))
      say(
        true,
        `failover[${i}]: from/to must be regions (no "/" or "*")`,
        [...lpath, 'failover', i],
        'use region names only',
      );
  });
  asArray(locality['distribute']).forEach((d, i) => {
    const weights = Object.values(asJson(asJson(d)['to'])).map(Number);
    const sum = weights.reduce((a, b) => a + b, 0);
    if (sum !== 100 || weights.some((w) => w < 1 || w > 100))
      say(
        true,
        `distribute[${i}]: weights must be 1-100 and sum to 100 (sum ${sum})`,
        [...lpath, 'distribute', i],
        'make the weights add up to 100',
      );
  });
  const topologyKeys = [
    'topology.kubernetes.io/region',
    'topology.kubernetes.io/zone',
    'topology.istio.io/subzone',
  ];
  if (failover.length > 0 && priority.some((p) => topologyKeys.includes(p.split('=')[0] ?? ''))) {
    say(
      true,
      'failoverPriority cannot use region/zone/subzone labels when failover is set',
      [...lpath, 'failoverPriority'],
      'drop the locality labels from failoverPriority or drop failover',
    );
  }
  if ((failover.length > 0 || priority.length > 0) && policy['outlierDetection'] === undefined) {
    say(
      false,
      'outlier detection policy must be provided for failover',
      lpath,
      'add trafficPolicy.outlierDetection at the same level: failover never triggers without it',
    );
  }
  const od = asJson(policy['outlierDetection']);
  const opath = [...path, 'outlierDetection'];
  if (od['consecutiveLocalOriginFailures'] !== undefined && od['splitExternalLocalOriginErrors'] !== true) {
    say(
      true,
      'outlier detection consecutive local origin failures is specified, but split external local origin errors is set to false',
      opath,
      'set splitExternalLocalOriginErrors: true',
    );
  }
  for (const f of ['maxEjectionPercent', 'minHealthPercent'] as const) {
    const v = od[f];
    if (typeof v === 'number' && (v < 0 || v > 100))
      say(true, `outlierDetection.${f}: must be between 0 and 100`, [...opath, f], 'use a percentage 0-100');
  }
  for (const f of ['interval', 'baseEjectionTime'] as const)
    durationAtLeast1ms(say, od[f], [...opath, f], `outlierDetection.${f}`);
  durationAtLeast1ms(
    say,
    asJson(asJson(policy['connectionPool'])['tcp'])['connectTimeout'],
    [...path, 'connectionPool', 'tcp', 'connectTimeout'],
    'connectTimeout',
  );
}

function destinationRule(say: Say, spec: Json): void {
  trafficPolicy(say, asJson(spec['trafficPolicy']), ['spec', 'trafficPolicy']);
  asArray(asJson(spec['trafficPolicy'])['portLevelSettings']).forEach((p, i) =>
    trafficPolicy(say, asJson(p), ['spec', 'trafficPolicy', 'portLevelSettings', i]),
  );
  asArray(spec['subsets']).forEach((s, i) =>
    trafficPolicy(say, asJson(asJson(s)['trafficPolicy']), ['spec', 'subsets', i, 'trafficPolicy']),
  );
}

function virtualService(say: Say, spec: Json): void {
  asArray(spec['http']).forEach((h, i) => {
    const retries = asJson(asJson(h)['retries']);
    const path = ['spec', 'http', i, 'retries'];
    if (retries['attempts'] === 0 && Object.keys(retries).some((k) => k !== 'attempts')) {
      say(
        true,
        'http retry policy configured when attempts are 0 (retries disabled)',
        path,
        'remove the other retry fields or set attempts > 0',
      );
    }
    durationAtLeast1ms(say, retries['perTryTimeout'], [...path, 'perTryTimeout'], 'perTryTimeout');
    for (const token of asString(retries['retryOn']).split(',').filter(Boolean)) {
      if (!retryOnTokens.has(token.trim()) && !/^\d{3}$/.test(token.trim()))
        say(
          true,
          `retryOn: ${JSON.stringify(token)} is not a valid retry policy`,
          [...path, 'retryOn'],
          'use Envoy retry policies (e.g. connect-failure,refused-stream,5xx) or status codes',
        );
    }
  });
}

function gateway(say: Say, r: LintResource): void {
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(r.name) || r.name.length > 63)
    say(
      true,
      `invalid gateway name: ${JSON.stringify(r.name)}`,
      ['metadata', 'name'],
      'use a DNS-1123 label',
    );
  const names = new Set<string>();
  asArray(r.spec['servers']).forEach((s, i) => {
    const server = asJson(s);
    const port = asJson(server['port']);
    const name = asString(port['name']);
    const protocol = asString(port['protocol']).toUpperCase();
    const path = ['spec', 'servers', i];
    if (name && names.has(name))
      say(
        true,
        `port names in servers must be unique: duplicate name ${name}`,
        [...path, 'port', 'name'],
        'give every server port a unique name',
      );
    names.add(name);
    const tls = server['tls'];
    if ((protocol === 'HTTPS' || protocol === 'TLS') && (tls === undefined || tls === null))
      say(true, `server must have TLS settings for HTTPS/TLS protocols`, path, 'add tls with a mode');
    if (
      protocol === 'HTTP' &&
      tls !== undefined &&
      Object.keys(asJson(tls)).some((k) => k !== 'httpsRedirect')
    )
      say(
        true,
        'server config must not contain TLS settings other than httpsRedirect for HTTP',
        [...path, 'tls'],
        'use protocol HTTPS for TLS termination',
      );
  });
}

function authorizationPolicy(say: Say, spec: Json): void {
  asArray(spec['rules']).forEach((rule, i) => {
    asArray(asJson(rule)['from']).forEach((from, j) => {
      const source = asJson(asJson(from)['source']);
      if (
        source['serviceAccounts'] !== undefined &&
        (source['principals'] !== undefined || source['namespaces'] !== undefined)
      ) {
        say(
          true,
          'cannot set serviceAccounts with namespaces or principals',
          ['spec', 'rules', i, 'from', j, 'source'],
          'use either serviceAccounts or principals/namespaces',
        );
      }
    });
  });
}

function semantic(ctx: AnalysisContext, r: LintResource): void {
  const say: Say = (error, text, path, hint) =>
    ctx.report({ code: error ? 'IST0106' : 'IST0133', resource: r, args: [text], path, hint });
  if (r.kind === 'DestinationRule') destinationRule(say, r.spec);
  else if (r.kind === 'VirtualService') {
    virtualService(say, r.spec);
    analyzeUnreachableRules(ctx, r);
  } else if (r.kind === 'Gateway') gateway(say, r);
  else if (r.kind === 'AuthorizationPolicy') authorizationPolicy(say, r.spec);
}

/** schema.ValidationAnalyzer: strict CRD schema (unknown fields, types, enums, oneOfs) plus Istio's webhook rules. */
export const schemaValidationAnalyzer: Analyzer = {
  name: 'schema.ValidationAnalyzer',
  analyze(ctx) {
    for (const r of ctx.resources) {
      if (!r.group.endsWith('.istio.io') || r.kind === 'IstioOperator') continue;
      const violations = validateIstioStrict(r.object);
      for (const v of violations) {
        ctx.report({
          code: 'IST0106',
          resource: r,
          args: [v.message],
          path: v.pointer
            .split('/')
            .slice(1)
            .map((t) => (/^\d+$/.test(t) ? Number(t) : t.replace(/~1/g, '/').replace(/~0/g, '~'))),
          hint:
            v.kind === 'unknown-field'
              ? 'remove the field: the API server rejects it with strict validation and prunes it otherwise'
              : 'fix the value to match the CRD schema',
        });
      }
      if (violations.some((v) => v.kind === 'unknown-kind')) continue;
      semantic(ctx, r);
    }
  },
};
