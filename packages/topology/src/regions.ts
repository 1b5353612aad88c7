/**
 * OCI region identifiers (commercial, government and sovereign realms). A topology names its clusters'
 * regions with these; anything else is a typo until proven otherwise.
 */
export const OCI_REGIONS: readonly string[] = [
  'af-johannesburg-1',
  'ap-batam-1',
  'ap-chiyoda-1',
  'ap-chuncheon-1',
  'ap-chuncheon-2',
  'ap-dcc-canberra-1',
  'ap-hyderabad-1',
  'ap-ibaraki-1',
  'ap-melbourne-1',
  'ap-mumbai-1',
  'ap-osaka-1',
  'ap-seoul-1',
  'ap-seoul-2',
  'ap-singapore-1',
  'ap-singapore-2',
  'ap-suwon-1',
  'ap-sydney-1',
  'ap-tokyo-1',
  'ca-montreal-1',
  'ca-toronto-1',
  'eu-amsterdam-1',
  'eu-crissier-1',
  'eu-dcc-dublin-1',
  'eu-dcc-milan-1',
  'eu-dcc-rating-1',
  'eu-frankfurt-1',
  'eu-frankfurt-2',
  'eu-jovanovac-1',
  'eu-madrid-1',
  'eu-madrid-2',
  'eu-marseille-1',
  'eu-milan-1',
  'eu-paris-1',
  'eu-stockholm-1',
  'eu-zurich-1',
  'il-jerusalem-1',
  'me-abudhabi-1',
  'me-dcc-muscat-1',
  'me-dubai-1',
  'me-jeddah-1',
  'me-riyadh-1',
  'mx-monterrey-1',
  'mx-queretaro-1',
  'sa-bogota-1',
  'sa-santiago-1',
  'sa-saopaulo-1',
  'sa-valparaiso-1',
  'sa-vinhedo-1',
  'uk-cardiff-1',
  'uk-gov-cardiff-1',
  'uk-gov-london-1',
  'uk-london-1',
  'us-ashburn-1',
  'us-chicago-1',
  'us-gov-ashburn-1',
  'us-gov-chicago-1',
  'us-gov-phoenix-1',
  'us-langley-1',
  'us-luke-1',
  'us-phoenix-1',
  'us-saltlake-2',
  'us-sanjose-1',
];

const REGION_SET = new Set(OCI_REGIONS);

export function isOciRegion(name: string): boolean {
  return REGION_SET.has(name);
}

/**
 * Regions whose OKE nodes carry the short region key, not the identifier, in `topology.kubernetes.io/region`.
 * The OCI `Instance.region` of the two oldest regions is the key (`iad`, `phx`; oci-common registers both
 * keys) and the OCI cloud controller manager copies it into the node label. Every other region's nodes carry
 * the identifier (`eu-frankfurt-1`).
 */
const SHORT_NODE_REGION: Readonly<Record<string, string>> = {
  'us-ashburn-1': 'iad',
  'us-phoenix-1': 'phx',
};

/**
 * The `topology.kubernetes.io/region` value of OKE nodes in an OCI region: the Istio locality region of the
 * cluster's workloads. Localities (`localityLbSetting` failover and distribute) must use this value.
 */
export function nodeRegionLabel(region: string): string {
  return SHORT_NODE_REGION[region] ?? region;
}

/** For a region whose nodes carry a short key, that key; `undefined` when the label is the identifier itself. */
export function shortNodeRegionLabel(region: string): string | undefined {
  return SHORT_NODE_REGION[region];
}
