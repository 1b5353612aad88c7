import { DrillError } from '../errors.js';

/**
 * The region an OCID lives in: its fourth segment (`ocid1.<type>.<realm>.<region>.<id>`), a region
 * identifier (`us-chicago-1`) or a short key (`iad`), which `toRegionId` maps to an identifier.
 */
export function ocidRegion(ocid: string, toRegionId: (key: string) => string | undefined): string {
  const segment = ocid.split('.')[3] ?? '';
  if (segment === '')
    throw new DrillError('DRILL_OCI_FAILED', `${ocid} names no region: cannot pick the regional endpoint`);
  return /^[a-z]+-[a-z]+-\d+$/.test(segment) ? segment : (toRegionId(segment) ?? segment);
}
