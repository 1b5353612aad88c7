import { describe, expect, it } from 'vitest';
import {
  ingressRule,
  mergeIngressRules,
  mergeRouteRules,
  routeRule,
  withoutOwned,
  type IngressRuleShape,
} from './rule-merge.js';

const DRG = 'ocid1.drg.oc1.us-sanjose-1.a';
const nat = { destination: '0.0.0.0/0', networkEntityId: 'ocid1.natgateway.oc1..n', description: 'default' };

describe('mergeRouteRules', () => {
  it('adds missing routes and keeps every foreign rule in place', () => {
    const m = mergeRouteRules('mesh', [nat], [routeRule('mesh', '10.1.0.0/16', DRG, 'b')]);
    expect(m.rules.map((r) => r.destination)).toEqual(['0.0.0.0/0', '10.1.0.0/16']);
    expect(m.added).toHaveLength(1);
  });

  it('is a no-op when converged, and drops only stale owned rules', () => {
    const own = routeRule('mesh', '10.1.0.0/16', DRG, 'b');
    expect(mergeRouteRules('mesh', [nat, own], [own])).toMatchObject({ added: [], removed: [] });
    const stale = routeRule('mesh', '10.9.0.0/16', DRG, 'old');
    const m = mergeRouteRules('mesh', [nat, own, stale], [own]);
    expect(m.removed).toEqual([stale]);
    expect(m.rules).toEqual([nat, own]);
  });

  it('does not touch rules of another mesh', () => {
    const other = routeRule('other-mesh', '10.7.0.0/16', DRG, 'x');
    expect(mergeRouteRules('mesh', [other], []).rules).toEqual([other]);
  });

  it('accepts a foreign rule to the same DRG and refuses one to another target', () => {
    const foreign = { destination: '10.1.0.0/16', networkEntityId: DRG };
    expect(mergeRouteRules('mesh', [foreign], [routeRule('mesh', '10.1.0.0/16', DRG, 'b')]).added).toEqual(
      [],
    );
    const elsewhere = { destination: '10.1.0.0/16', networkEntityId: 'ocid1.localpeeringgateway.oc1..x' };
    expect(() => mergeRouteRules('mesh', [elsewhere], [routeRule('mesh', '10.1.0.0/16', DRG, 'b')])).toThrow(
      expect.objectContaining({ code: 'OCI_RULE_CONFLICT' }),
    );
  });
});

describe('mergeIngressRules', () => {
  const https: IngressRuleShape = {
    protocol: '6',
    source: '0.0.0.0/0',
    tcpOptions: { destinationPortRange: { min: 443, max: 443 } },
  };
  it('adds the Istio port once and keeps foreign rules', () => {
    const want = ingressRule('mesh', '10.1.0.0/16', 15443, 'east-west');
    const m = mergeIngressRules('mesh', [https], [want]);
    expect(m.rules).toEqual([https, want]);
    expect(mergeIngressRules('mesh', m.rules, [want]).added).toEqual([]);
  });

  it('withoutOwned strips only okemesh rules', () => {
    const own = ingressRule('mesh', '10.1.0.0/16', 6443, 'api');
    expect(withoutOwned('mesh', [https, own]).rules).toEqual([https]);
  });
});
