import { describe, expect, it } from 'vitest';
import { exampleTopologyText, loadExampleTopology } from './example.js';
import { isTopologyError, type TopologyError, type TopologyIssue } from './errors.js';
import { parseTopology } from './load.js';

/** Parses `text` and returns the issues of the error it must throw. */
function issuesOf(text: string): readonly TopologyIssue[] {
  try {
    parseTopology(text, { file: 'mesh.yaml' });
  } catch (error) {
    expect(isTopologyError(error)).toBe(true);
    return (error as TopologyError).issues;
  }
  throw new Error('expected the topology to be rejected');
}

/** The example with one literal substring replaced (it must occur). */
function mutate(from: string, to: string): string {
  const text = exampleTopologyText();
  expect(text).toContain(from);
  return text.replace(from, to);
}

function lineOf(text: string, needle: string, occurrence = 1): number {
  const lines = text.split('\n');
  let seen = 0;
  const index = lines.findIndex((line) => line.includes(needle) && ++seen === occurrence);
  expect(index).toBeGreaterThanOrEqual(0);
  return index + 1;
}

describe('the built-in example', () => {
  it('is valid with no warnings and has the runbook topology', () => {
    const { topology, warnings } = loadExampleTopology();
    expect(warnings).toEqual([]);
    const clusters = topology.spec.clusters.map((c) => [
      c.name,
      c.region,
      c.vcn.cidr,
      c.services.cidr,
      c.cni,
    ]);
    expect(clusters).toEqual([
      ['primary-cluster', 'us-sanjose-1', '10.0.0.0/16', '10.96.0.0/16', 'OCI_VCN_IP_NATIVE'],
      ['secondary-cluster', 'us-chicago-1', '10.1.0.0/16', '10.97.0.0/16', 'OCI_VCN_IP_NATIVE'],
    ]);
    expect(topology.spec.services.map((s) => s.name)).toEqual([
      'productpage',
      'reviews',
      'ratings',
      'details',
    ]);
    expect(topology.spec.slos).toEqual({
      availability: 99.95,
      rto: '15m',
      rpo: '5m',
      dnsFailover: '60s',
      crossClusterP99: '100ms',
      meshSync: '10s',
    });
  });

  it('fills defaults for outlier detection, retries and timeouts', () => {
    const service = loadExampleTopology().topology.spec.services[0]!;
    expect(service.outlierDetection).toEqual({
      consecutive5xxErrors: 5,
      interval: '10s',
      baseEjectionTime: '30s',
      maxEjectionPercent: 100,
    });
    expect(service.retries.attempts).toBe(3);
    expect(service.connectTimeout).toBe('3s');
  });
});

describe('located errors', () => {
  it('points a CIDR overlap at the later range, naming the earlier one', () => {
    const text = mutate('cidr: 10.1.0.0/16', 'cidr: 10.0.0.0/16');
    const issues = issuesOf(text).filter((i) => i.rule === 'cidr-overlap');
    expect(issues.length).toBeGreaterThan(0);
    const vcn = issues.find(
      (i) =>
        i.path === 'spec.clusters[1].vcn.cidr' && i.message.includes('vcn CIDR 10.0.0.0/16 overlaps vcn'),
    );
    expect(vcn).toMatchObject({ file: 'mesh.yaml', line: lineOf(text, 'cidr: 10.0.0.0/16', 2), column: 15 });
    expect(vcn?.message).toContain('at spec.clusters[0].vcn.cidr (across clusters)');
    expect(vcn?.hint).toBeTruthy();
  });

  it('collects every problem before failing, each with file, line and column', () => {
    let text = mutate('region: us-chicago-1', 'region: us-chicgo-1');
    text = text.replace('weights: { us-sanjose-1: 50', 'weights: { us-sanjose-1: 40');
    text = text.replace('network: network2', 'network: network1');
    const issues = issuesOf(text);
    const rules = issues.map((i) => i.rule);
    expect(rules).toEqual(
      expect.arrayContaining(['oci-region', 'weights-sum', 'network-unique', 'failover-region']),
    );
    for (const issue of issues) {
      expect(issue.line).toBeGreaterThan(0);
      expect(issue.column).toBeGreaterThan(0);
      expect(issue.file).toBe('mesh.yaml');
    }
    const region = issues.find((i) => i.rule === 'oci-region')!;
    expect(region.line).toBe(lineOf(text, 'us-chicgo-1'));
    expect(region.hint).toBe('did you mean us-chicago-1?');
  });

  it('reports unknown fields and still runs the semantic checks', () => {
    let text = mutate(
      '        cidr: 10.97.0.0/16',
      '        cidr: 10.97.0.0/16\n        cidrr: 10.98.0.0/16',
    );
    text = text.replace('cidr: 10.1.0.0/16', 'cidr: 10.0.0.0/16');
    const issues = issuesOf(text);
    const unknown = issues.find((i) => i.rule === 'schema')!;
    expect(unknown).toMatchObject({ path: 'spec.clusters[1].services.cidrr', line: lineOf(text, 'cidrr') });
    expect(unknown.message).toBe('unknown field "cidrr"');
    expect(issues.some((i) => i.rule === 'cidr-overlap')).toBe(true);
  });

  it('explains that FLANNEL_OVERLAY needs the cluster recreated', () => {
    const text = mutate('cni: OCI_VCN_IP_NATIVE # pods', 'cni: FLANNEL_OVERLAY # pods');
    const flannel = issuesOf(text).find((i) => i.rule === 'flannel-cross-cluster')!;
    expect(flannel.path).toBe('spec.clusters[0].cni');
    expect(flannel.message).toContain('cannot route');
    expect(flannel.hint).toContain('recreate the cluster with OCI_VCN_IP_NATIVE');
  });

  it('requires pod subnets inside the VCN for VCN-native pods', () => {
    const issue = issuesOf(mutate('- cidr: 10.0.10.0/24', '- cidr: 10.50.10.0/24')).find(
      (i) => i.rule === 'pods-outside-vcn',
    );
    expect(issue?.path).toBe('spec.clusters[0].pods.subnets[0].cidr');
  });

  it('rejects a CIDR with host bits and names the network', () => {
    const issue = issuesOf(mutate('cidr: 10.96.0.0/16', 'cidr: 10.96.1.0/16'))[0]!;
    expect(issue.path).toBe('spec.clusters[0].services.cidr');
    expect(issue.message).toBe('"10.96.1.0/16" has host bits set; the network is 10.96.0.0/16');
  });

  it('rejects unparseable SLO durations', () => {
    const issue = issuesOf(mutate('rto: 15m', 'rto: fifteen minutes'))[0]!;
    expect(issue).toMatchObject({ path: 'spec.slos.rto', rule: 'schema' });
    expect(issue.message).toContain('is not a duration');
  });

  it('rejects duplicate cluster names and the Kubernetes default', () => {
    const dup = issuesOf(mutate('name: secondary-cluster', 'name: primary-cluster'));
    expect(dup.map((i) => i.rule)).toContain('cluster-name-unique');
    const dflt = issuesOf(mutate('name: primary-cluster #', 'name: kubernetes #'));
    expect(dflt.map((i) => i.rule)).toContain('cluster-name-default');
  });

  it("rejects two clusters in one region at the second cluster's region", () => {
    const text = mutate('region: us-chicago-1', 'region: us-sanjose-1');
    const issue = issuesOf(text).find((i) => i.rule === 'region-unique');
    expect(issue).toMatchObject({
      severity: 'error',
      path: 'spec.clusters[1].region',
      line: lineOf(text, 'region: us-sanjose-1', 2),
    });
    expect(issue?.message).toContain('spec.clusters[0]');
  });

  it('reports a value of the wrong type as that, at the value, not as a missing field', () => {
    const text = mutate('ttl: 30', 'ttl: "thirty"');
    const issue = issuesOf(text).find((i) => i.path === 'spec.dns.ttl');
    expect(issue).toMatchObject({ rule: 'schema', line: lineOf(text, 'ttl: "thirty"'), column: 10 });
    expect(issue?.message).toBe('expected number, got string "thirty"');
    const missing = issuesOf(mutate('      region: us-chicago-1\n', '')).find(
      (i) => i.path === 'spec.clusters[1].region',
    );
    expect(missing?.message).toBe('required field is missing');
  });

  it('rejects failover lists naming undeclared regions', () => {
    const issue = issuesOf(
      mutate('regions: [us-sanjose-1, us-chicago-1]', 'regions: [us-sanjose-1, us-ashburn-1]'),
    );
    expect(issue.find((i) => i.rule === 'failover-region')?.path).toBe(
      'spec.services[0].failover.regions[1]',
    );
  });

  it('reports YAML syntax errors with their position', () => {
    const issues = issuesOf('apiVersion: okemesh.io/v1alpha1\nspec:\n  clusters: [a,\n  b: }\n');
    expect(issues[0]).toMatchObject({ rule: 'yaml', file: 'mesh.yaml' });
    expect(issues[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it('reports duplicate keys as YAML errors', () => {
    const issues = issuesOf('apiVersion: a\napiVersion: b\n');
    expect(issues[0]).toMatchObject({ rule: 'yaml', line: 2 });
  });

  it('names every missing top-level field of an empty document', () => {
    const paths = issuesOf('').map((i) => i.path);
    expect(paths).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
  });
});

describe('warnings', () => {
  it('keeps warnings without failing', () => {
    const text = mutate('interval: 10s', 'interval: 60s');
    const loaded = parseTopology(text.replace('timeout', 'timeout'), { file: 'mesh.yaml' });
    expect(loaded.warnings.map((w) => w.rule)).toEqual(['dns-failover-budget']);
    expect(loaded.warnings[0]).toMatchObject({ severity: 'warning', path: 'spec.slos.dnsFailover' });
  });
});
