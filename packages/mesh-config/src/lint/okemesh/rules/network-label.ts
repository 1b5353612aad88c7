import type { Analyzer } from '../../context.js';
import { okm } from '../report.js';
import { clusterNetwork } from './east-west-gateway.js';

/** OKM0092: the istio-system Namespace carries topology.istio.io/network equal to values.global.network. */
export const networkLabelRule: Analyzer = {
  name: 'okemesh.NetworkLabel',
  analyze(ctx) {
    const ns = ctx.find('', 'Namespace', '', 'istio-system');
    if (!ns || ns.file.startsWith('(')) return;
    const cluster = ctx.facts.declared?.clusters?.find((c) => c.name === ns.cluster);
    const network = clusterNetwork(ctx) || cluster?.network || '';
    if (!network) return;
    const label = ns.labels['topology.istio.io/network'];
    if (label === undefined)
      okm(
        ctx,
        'OKM0092',
        ns,
        `namespace istio-system has no topology.istio.io/network label: uninjected pods and gateways get no network`,
        `label it topology.istio.io/network: ${network}`,
        ['metadata', 'labels'],
      );
    else if (label !== network)
      okm(
        ctx,
        'OKM0092',
        ns,
        `namespace istio-system network ${label} differs from values.global.network ${network}`,
        `label it topology.istio.io/network: ${network}`,
        ['metadata', 'labels', 'topology.istio.io/network'],
      );
  },
};
