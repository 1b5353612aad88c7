import { describe, expect, it } from 'vitest';
import { localityLbSetting } from './locality.js';

describe('localityLbSetting', () => {
  it('active-passive: each region fails over to the earliest other region of the order', () => {
    expect(localityLbSetting({ mode: 'active-passive', regions: ['a', 'b', 'c'] }, ['a', 'b', 'c'])).toEqual({
      enabled: true,
      failover: [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'a' },
        { from: 'c', to: 'a' },
      ],
    });
  });

  it('active-passive ignores regions without clusters and never emits an empty failover list', () => {
    expect(localityLbSetting({ mode: 'active-passive', regions: ['a', 'x'] }, ['a', 'a'])).toEqual({
      enabled: true,
    });
  });

  it('active-active distributes from every locality by weight, only to regions with clusters', () => {
    expect(localityLbSetting({ mode: 'active-active', weights: { a: 70, b: 30 } }, ['a', 'b'])).toEqual({
      enabled: true,
      distribute: [{ from: '*', to: { 'a/*': 70, 'b/*': 30 } }],
    });
  });
});

describe('localityLbSetting names localities by the OKE node region label', () => {
  const regions = ['us-ashburn-1', 'us-phoenix-1', 'eu-frankfurt-1'];

  it('active-passive: iad/phx for us-ashburn-1/us-phoenix-1, the identifier for eu-frankfurt-1', () => {
    expect(
      localityLbSetting({ mode: 'active-passive', regions: ['eu-frankfurt-1', 'us-ashburn-1'] }, regions),
    ).toEqual({
      enabled: true,
      failover: [
        { from: 'eu-frankfurt-1', to: 'iad' },
        { from: 'iad', to: 'eu-frankfurt-1' },
      ],
    });
  });

  it('active-active: distribute targets use the label values', () => {
    expect(
      localityLbSetting(
        { mode: 'active-active', weights: { 'us-ashburn-1': 50, 'us-phoenix-1': 30, 'eu-frankfurt-1': 20 } },
        regions,
      ),
    ).toEqual({
      enabled: true,
      distribute: [{ from: '*', to: { 'iad/*': 50, 'phx/*': 30, 'eu-frankfurt-1/*': 20 } }],
    });
  });
});
