import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { isMeshConfigError, render, type RenderOptions } from '../src/index.js';
import { loadCase } from './fixtures.js';

const SL_MODE = 'oci-network-load-balancer.oraclecloud.com/security-list-management-mode';
const NSG = 'oci.oraclecloud.com/oci-network-security-groups';

interface EastWest {
  helm: { service: { annotations: Record<string, string>; loadBalancerSourceRanges?: string[] } };
  iop: {
    k8s: {
      serviceAnnotations: Record<string, string>;
      service: { loadBalancerSourceRanges?: string[]; ports: { port: number }[] };
    };
  };
  helmText: string;
}

function eastWest(options: RenderOptions, cluster: string): EastWest {
  const bundle = render(loadCase('three-region'), options);
  const text = (path: string) =>
    bundle.files.find((f) => f.path === `clusters/${cluster}/install/${path}`)?.content ?? '';
  const iop = parse(text('eastwest-gateway.istio-operator.yaml')) as {
    spec: { components: { ingressGateways: EastWest['iop'][] } };
  };
  return {
    helm: parse(text('helm/eastwest-gateway.values.yaml')) as EastWest['helm'],
    iop: iop.spec.components.ingressGateways[0] as EastWest['iop'],
    helmText: text('helm/eastwest-gateway.values.yaml'),
  };
}

describe('east-west NLB firewalling', () => {
  it('security-list mode: All, limited to the peer VCN CIDRs in both install paths', () => {
    const ash = eastWest({}, 'ash');
    expect(ash.helm.service.annotations[SL_MODE]).toBe('All');
    expect(ash.iop.k8s.serviceAnnotations[SL_MODE]).toBe('All');
    expect(ash.helm.service.loadBalancerSourceRanges).toEqual(['10.20.0.0/16', '10.30.0.0/16']);
    expect(ash.iop.k8s.service.loadBalancerSourceRanges).toEqual(['10.20.0.0/16', '10.30.0.0/16']);
    expect(eastWest({}, 'fra').helm.service.loadBalancerSourceRanges).toEqual([
      '10.10.0.0/16',
      '10.20.0.0/16',
    ]);
    expect(JSON.stringify([ash.helm, ash.iop])).not.toContain('0.0.0.0/0');
  });

  it('nsg mode: NSG annotation with the cluster OCIDs and security-list management None', () => {
    const nsgIds = {
      ash: ['ocid1.networksecuritygroup.oc1.iad.aaaa'],
      phx: ['ocid1.networksecuritygroup.oc1.phx.bbbb', 'ocid1.networksecuritygroup.oc1.phx.cccc'],
      fra: ['ocid1.networksecuritygroup.oc1.eu-frankfurt-1.dddd'],
    };
    const phx = eastWest({ eastWestIngress: { mode: 'nsg', nsgIds } }, 'phx');
    for (const annotations of [phx.helm.service.annotations, phx.iop.k8s.serviceAnnotations]) {
      expect(annotations[SL_MODE]).toBe('None');
      expect(annotations[NSG]).toBe(
        'ocid1.networksecuritygroup.oc1.phx.bbbb,ocid1.networksecuritygroup.oc1.phx.cccc',
      );
    }
    expect(phx.iop.k8s.service.loadBalancerSourceRanges).toEqual(['10.10.0.0/16', '10.30.0.0/16']);
  });

  it('nsg mode without an NSG for every cluster is a typed error', () => {
    let error: unknown;
    try {
      render(loadCase('three-region'), { eastWestIngress: { mode: 'nsg', nsgIds: { ash: ['ocid1.x'] } } });
    } catch (e) {
      error = e;
    }
    expect(isMeshConfigError(error) && error.code).toBe('MESH_RENDER_NSG_MISSING');
    expect((error as Error).message).toContain('phx, fra');
  });

  it('ports: istioctl exposes 15021/15443; the Helm file says why its chart adds 15012/15017', () => {
    const ash = eastWest({}, 'ash');
    expect(ash.iop.k8s.service.ports.map((p) => p.port)).toEqual([15021, 15443]);
    expect(ash.helmText).toContain('networkGateway mode always adds 15012/15017');
  });
});
