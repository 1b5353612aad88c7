import { DrillError } from '../errors.js';

/**
 * The region of an Autonomous Database from its OCID (`ocid1.autonomousdatabase.<realm>.<region>.<id>`): newer
 * regions carry the region id (`us-chicago-1`), older ones a short code (`phx`) that `fromShortCode` maps.
 */
export function adbRegion(
  databaseId: string,
  fromShortCode: (code: string) => string,
  explicit: Readonly<Record<string, string>> = {},
): string {
  const given = explicit[databaseId];
  if (given) return given;
  const segment = databaseId.split('.')[3] ?? '';
  if (/^[a-z]+-[a-z]+-\d+$/.test(segment)) return segment;
  if (/^[a-z]{3}$/.test(segment)) {
    const id = fromShortCode(segment);
    if (/^[a-z]+-[a-z]+-\d+$/.test(id)) return id;
  }
  throw new DrillError(
    'DRILL_OCI_FAILED',
    `cannot tell the region of ${databaseId} from its OCID: pass its region (regions option)`,
  );
}
