import { exampleTopology, type Topology } from '@okemesh/topology';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { RegionEndpoint } from './dns-endpoints.js';
import { httpMonitorSpec, probeHost } from './health-monitor.js';

const endpoints: RegionEndpoint[] = [
  { region: 'us-sanjose-1', cluster: 'primary-cluster', role: 'primary', address: '127.0.0.1', rtype: 'A' },
  {
    region: 'us-chicago-1',
    cluster: 'secondary-cluster',
    role: 'secondary',
    address: '127.0.0.1',
    rtype: 'A',
  },
];

/** GET through node:http (fetch may not set Host), returning the status. */
function get(port: number, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path: '/productpage', headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });
}

function withHosts(hosts: string[], domain = 'app.example.com'): Topology {
  const t = exampleTopology();
  const dns = t.spec.dns as NonNullable<Topology['spec']['dns']>;
  const ingress = t.spec.ingress as NonNullable<Topology['spec']['ingress']>;
  return { ...t, spec: { ...t.spec, dns: { ...dns, domain }, ingress: { ...ingress, hosts } } };
}

describe('health monitor Host header', () => {
  it('sends the steered domain when the ingress serves it', () => {
    expect(httpMonitorSpec(exampleTopology(), endpoints).headers).toEqual({ Host: 'app.example.com' });
    expect(probeHost(withHosts(['*.example.com']))).toBe('app.example.com');
  });

  it('falls back to a served, non-wildcard ingress host when the domain is not one', () => {
    expect(probeHost(withHosts(['*.shop.example.com', 'www.example.com'], 'edge.example.com'))).toBe(
      'www.example.com',
    );
  });

  it('makes a host-bound server (like the ingress Gateway) answer 200 instead of 404', async () => {
    // A real HTTP server bound to its hosts, as Istio's Gateway is: unknown Host → 404.
    const server = createServer((req, res) => {
      res.writeHead(req.headers.host?.split(':')[0] === 'app.example.com' ? 200 : 404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const spec = httpMonitorSpec(exampleTopology(), endpoints);
      // A probe of the bare IP carries Host: 127.0.0.1:<port>.
      expect([await get(port, {}), await get(port, { ...spec.headers })]).toEqual([404, 200]);
    } finally {
      server.close();
    }
  });
});
