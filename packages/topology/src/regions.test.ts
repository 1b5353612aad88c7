import { describe, expect, it } from 'vitest';
import { isOciRegion, nodeRegionLabel, shortNodeRegionLabel } from './regions.js';

describe('nodeRegionLabel', () => {
  it('gives the short key OKE nodes carry in us-ashburn-1 and us-phoenix-1', () => {
    expect(nodeRegionLabel('us-ashburn-1')).toBe('iad');
    expect(nodeRegionLabel('us-phoenix-1')).toBe('phx');
    expect(shortNodeRegionLabel('us-ashburn-1')).toBe('iad');
  });

  it('gives the region identifier everywhere else', () => {
    expect(nodeRegionLabel('eu-frankfurt-1')).toBe('eu-frankfurt-1');
    expect(nodeRegionLabel('us-gov-ashburn-1')).toBe('us-gov-ashburn-1');
    expect(shortNodeRegionLabel('eu-frankfurt-1')).toBeUndefined();
    expect(isOciRegion('us-ashburn-1')).toBe(true);
  });
});
