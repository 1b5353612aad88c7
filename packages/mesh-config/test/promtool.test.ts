import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { render, toYaml, type AlertRule, type PrometheusRule } from '../src/index.js';
import { CASES, loadCase } from './fixtures.js';

/** promtool from the Debian `prometheus` package (.ci/apt-packages.txt). */
function promtool(args: readonly string[], cwd: string): string {
  try {
    return execFileSync('promtool', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const e = error as { code?: string; stdout?: string; stderr?: string; message: string };
    if (e.code === 'ENOENT')
      throw new Error(
        'promtool is not installed: apt-get install prometheus (Debian; listed in .ci/apt-packages.txt)',
        { cause: error },
      );
    throw new Error(`promtool ${args.join(' ')} failed:\n${e.stdout ?? ''}${e.stderr ?? e.message}`, {
      cause: error,
    });
  }
}

const example = render(loadCase('example'));
const ruleObject = example.objects.find((o) => o.object.kind === 'PrometheusRule')?.object as PrometheusRule;
const rules = ruleObject.spec.groups.flatMap((g) => g.rules);
const rule = (name: string): AlertRule => {
  const found = rules.find((r) => r.alert === name);
  if (!found) throw new Error(`no alert ${name}`);
  return found;
};

/** Fills in the templates promtool expands, for the label values and $value a case produces. */
function expand(text: string, labels: Record<string, string>, value: string): string {
  return text
    .replace(/\{\{ \$value \| humanizePercentage \}\}/g, value)
    .replace(/\{\{ \$value \}\}/g, value)
    .replace(/\{\{ \$labels\.([a-z_]+) \}\}/g, (_m, key: string) => labels[key] ?? '');
}

function expected(name: string, labels: Record<string, string>, value = '') {
  const r = rule(name);
  return {
    exp_labels: { ...r.labels, ...labels },
    exp_annotations: Object.fromEntries(
      Object.entries(r.annotations).map(([k, v]) => [k, expand(v, labels, value)]),
    ),
  };
}

describe('rendered PrometheusRule under promtool', () => {
  const dir = mkdtempSync(join(tmpdir(), 'okemesh-promtool-'));
  writeFileSync(join(dir, 'rules.yaml'), toYaml(ruleObject.spec));

  it('has the runbook seven alerts and the CA expiry pair, each with for: and a severity', () => {
    expect(rules.map((r) => [r.alert, r.labels.severity, r.for])).toEqual([
      ['HighErrorRate', 'critical', '5m'],
      ['IngressGatewayDown', 'critical', '1m'],
      ['IstiodDown', 'critical', '2m'],
      ['HighLatency', 'warning', '5m'],
      ['CrossClusterConnectivityIssue', 'warning', '5m'],
      ['CircuitBreakerTriggered', 'warning', '2m'],
      ['HighConnectionPoolUsage', 'warning', '5m'],
      ['MeshCaCertExpiring', 'warning', '10m'],
      ['MeshCaCertExpiryImminent', 'critical', '10m'],
    ]);
  });

  it('passes promtool check rules (every case)', () => {
    for (const [name, topology] of Object.entries(CASES)) {
      const object = render(topology()).objects.find((o) => o.object.kind === 'PrometheusRule')
        ?.object as PrometheusRule;
      writeFileSync(join(dir, `${name}.rules.yaml`), toYaml(object.spec));
      expect(promtool(['check', 'rules', `${name}.rules.yaml`], dir)).toMatch(/SUCCESS: 9 rules found/);
    }
  });

  it('fires IngressGatewayDown, HighErrorRate and CrossClusterConnectivityIssue on matching series (promtool test rules)', () => {
    const reviews = {
      destination_cluster: 'primary-cluster',
      destination_service: 'reviews.bookinfo.svc.cluster.local',
    };
    const tests = {
      rule_files: ['rules.yaml'],
      evaluation_interval: '1m',
      tests: [
        {
          interval: '1m',
          input_series: [
            {
              series:
                'kube_deployment_status_replicas_available{namespace="istio-system", deployment="istio-ingressgateway"}',
              values: '1 1 0 0 0 0 0',
            },
            {
              series:
                'kube_deployment_status_replicas_available{namespace="istio-system", deployment="istiod-1-30-3"}',
              values: '1x10',
            },
          ],
          alert_rule_test: [
            { eval_time: '2m', alertname: 'IngressGatewayDown', exp_alerts: [] },
            {
              eval_time: '4m',
              alertname: 'IngressGatewayDown',
              exp_alerts: [expected('IngressGatewayDown', {})],
            },
            { eval_time: '4m', alertname: 'IstiodDown', exp_alerts: [] },
          ],
        },
        {
          interval: '1m',
          input_series: [
            {
              series: `istio_requests_total{reporter="destination", response_code="200", destination_cluster="primary-cluster", destination_service="reviews.bookinfo.svc.cluster.local"}`,
              values: '0+600x30',
            },
            {
              series: `istio_requests_total{reporter="destination", response_code="503", destination_cluster="primary-cluster", destination_service="reviews.bookinfo.svc.cluster.local"}`,
              values: '0x10 0+60x20',
            },
          ],
          alert_rule_test: [
            { eval_time: '10m', alertname: 'HighErrorRate', exp_alerts: [] },
            {
              eval_time: '25m',
              alertname: 'HighErrorRate',
              exp_alerts: [expected('HighErrorRate', reviews, '9.091%')],
            },
          ],
        },
        {
          interval: '1m',
          input_series: [{ series: 'istiod_managed_clusters{cluster_type="remote"}', values: '1x5 0x10' }],
          alert_rule_test: [
            { eval_time: '5m', alertname: 'CrossClusterConnectivityIssue', exp_alerts: [] },
            {
              eval_time: '14m',
              alertname: 'CrossClusterConnectivityIssue',
              exp_alerts: [expected('CrossClusterConnectivityIssue', {})],
            },
          ],
        },
      ],
    };
    writeFileSync(join(dir, 'tests.yaml'), toYaml(tests));
    expect(promtool(['test', 'rules', 'tests.yaml'], dir)).toMatch(/SUCCESS/);
  });

  it('fires MeshCaCertExpiring below 30 days and MeshCaCertExpiryImminent below 7 days, per cluster (promtool test rules)', () => {
    const day = 86_400;
    // Remaining CA lifetime counts down in real time (one sample an hour): 32 days at t=0, 2 days at t=30d.
    const countdown = `${32 * day}-3600x720`;
    const tests = {
      rule_files: ['rules.yaml'],
      evaluation_interval: '1h',
      tests: [
        {
          interval: '1h',
          input_series: [
            {
              series: 'citadel_server_cert_chain_expiry_seconds{cluster="secondary-cluster"}',
              values: countdown,
            },
            {
              series: `citadel_server_cert_chain_expiry_seconds{cluster="primary-cluster"}`,
              values: `${400 * day}x720`,
            },
          ],
          alert_rule_test: [
            { eval_time: '1d', alertname: 'MeshCaCertExpiring', exp_alerts: [] },
            {
              eval_time: '3d',
              alertname: 'MeshCaCertExpiring',
              exp_alerts: [expected('MeshCaCertExpiring', { cluster: 'secondary-cluster' })],
            },
            { eval_time: '3d', alertname: 'MeshCaCertExpiryImminent', exp_alerts: [] },
            { eval_time: '24d', alertname: 'MeshCaCertExpiryImminent', exp_alerts: [] },
            {
              eval_time: '26d',
              alertname: 'MeshCaCertExpiryImminent',
              exp_alerts: [expected('MeshCaCertExpiryImminent', { cluster: 'secondary-cluster' })],
            },
          ],
        },
      ],
    };
    writeFileSync(join(dir, 'ca-tests.yaml'), toYaml(tests));
    expect(promtool(['test', 'rules', 'ca-tests.yaml'], dir)).toMatch(/SUCCESS/);
  });

  it('the federation scrape configs pass promtool check config', () => {
    const secret = example.objects.find(
      (o) => o.object.kind === 'Secret' && o.object.metadata.name.includes('federation'),
    );
    const stringData =
      (secret?.object as { stringData?: Record<string, string> } | undefined)?.stringData ?? {};
    const scrapeConfigs = parse(stringData['federation.yaml'] ?? '') as unknown[];
    expect(scrapeConfigs).toHaveLength(1);
    writeFileSync(join(dir, 'prometheus.yml'), toYaml({ scrape_configs: scrapeConfigs }));
    expect(promtool(['check', 'config', 'prometheus.yml'], dir)).toMatch(/SUCCESS/);
  });
});
