/** What a platform engineer fills in: real values, shared by the action and template tests. */
export const topologyInput = {
  name: 'shop',
  compartment: 'ocid1.compartment.oc1..aaaaaaaal7vn7wsy3qgizklrlfgo2vllfta3wkqlnfkvykoroite3lzxbnna',
  clusters: [
    {
      name: 'sjc',
      region: 'us-sanjose-1',
      role: 'primary',
      vcnCidr: '10.0.0.0/16',
      podSubnetCidr: '10.0.10.0/24',
      serviceCidr: '10.96.0.0/16',
    },
    {
      name: 'ord',
      region: 'us-chicago-1',
      role: 'secondary',
      vcnCidr: '10.1.0.0/16',
      podSubnetCidr: '10.1.10.0/24',
      serviceCidr: '10.97.0.0/16',
    },
  ],
  services: [
    { name: 'web', namespace: 'shop', port: 8080, mode: 'active-passive' },
    { name: 'cart', namespace: 'shop', port: 9090, mode: 'active-active' },
  ],
  slos: {
    availability: 99.95,
    rto: '15m',
    rpo: '5m',
    dnsFailover: '60s',
    crossClusterP99: '100ms',
    meshSync: '10s',
  },
  targetPath: 'mesh.yaml',
} as const;

export const templateParameters = {
  name: 'shop',
  description: 'Checkout on two regions',
  owner: 'group:default/team-a',
  compartment: topologyInput.compartment,
  istioVersion: '1.30.3',
  primary: {
    name: 'sjc',
    region: 'us-sanjose-1',
    vcnCidr: '10.0.0.0/16',
    podSubnetCidr: '10.0.10.0/24',
    serviceCidr: '10.96.0.0/16',
  },
  secondary: {
    name: 'ord',
    region: 'us-chicago-1',
    vcnCidr: '10.1.0.0/16',
    podSubnetCidr: '10.1.10.0/24',
    serviceCidr: '10.97.0.0/16',
  },
  services: [
    { name: 'web', port: 8080, image: 'ghcr.io/acme/web:1.0.0', mode: 'active-passive' },
    { name: 'cart', port: 9090, image: 'ghcr.io/acme/cart:1.0.0', mode: 'active-active' },
  ],
  slos: topologyInput.slos,
  repoUrl: 'github.com?owner=acme&repo=shop',
};
