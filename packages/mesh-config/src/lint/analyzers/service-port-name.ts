import type { Analyzer } from '../context.js';
import { asArray, asJson, asString } from '../resource.js';

const protocols = new Set([
  'tcp',
  'udp',
  'grpc',
  'grpc-web',
  'http',
  'http_proxy',
  'http2',
  'https',
  'tls',
  'mongo',
  'redis',
  'mysql',
]);
const wellKnownPorts = new Set([25, 53, 3306, 27017]);
const managedGateway = new Set([
  'istio.io-gateway-controller',
  'istio.io-mesh-controller',
  'istio.io-eastwest-controller',
]);

/** kube.ConvertProtocol(...).IsUnsupported(): Istio cannot tell the port's protocol from its name/appProtocol. */
function unsupported(port: number, name: string, protocol: string, appProtocol: string | undefined): boolean {
  if (protocol === 'UDP') return false;
  let n = appProtocol ?? name;
  if (['kubernetes.io/h2c', 'kubernetes.io/ws', 'kubernetes.io/wss'].includes(n)) return false;
  if (n.toLowerCase().startsWith('grpc-web')) return false;
  const dash = n.indexOf('-');
  if (dash >= 0) n = n.slice(0, dash);
  return !protocols.has(n.toLowerCase()) && !wellKnownPorts.has(port);
}

/** service.PortNameAnalyzer: port names follow `<protocol>[-suffix]`; ExternalName services must not use `tcp`. */
export const portNameAnalyzer: Analyzer = {
  name: 'service.PortNameAnalyzer',
  analyze(ctx) {
    for (const svc of ctx.all('', 'Service')) {
      if ('istio' in svc.labels || svc.labels['release'] === 'istio') continue;
      if (managedGateway.has(svc.labels['gateway.istio.io/managed'] ?? '')) continue;
      const externalName = svc.spec['type'] === 'ExternalName';
      asArray(svc.spec['ports']).forEach((p, i) => {
        const port = asJson(p);
        const name = asString(port['name']);
        const number = Number(port['port'] ?? 0);
        const app = typeof port['appProtocol'] === 'string' ? port['appProtocol'] : undefined;
        if (!unsupported(number, name, asString(port['protocol']), app) && !(name === 'tcp' && externalName))
          return;
        const path = ['spec', 'ports', i, 'name'];
        if (externalName) {
          ctx.report({
            code: 'IST0150',
            resource: svc,
            path,
            hint: 'name the port after its protocol (e.g. http, https, tls), not tcp',
          });
          return;
        }
        const target = port['targetPort'] === undefined ? '0' : asString(port['targetPort']);
        ctx.report({
          code: 'IST0118',
          resource: svc,
          args: [name, number, target],
          path,
          hint: 'name the port <protocol>[-<suffix>] (http, http2, https, grpc, tcp, tls, ...) or set appProtocol',
        });
      });
    }
  },
};
