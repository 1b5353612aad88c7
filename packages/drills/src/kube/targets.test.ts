import { describe, expect, it } from 'vitest';
import { isDrillError } from '../errors.js';
import { pickTargets, radiusCount } from './targets.js';

describe('blast radius', () => {
  it('resolves ALL, COUNT and PERCENT to at least one and at most all targets', () => {
    expect(radiusCount('all', 7)).toBe(7);
    expect(radiusCount({ count: 3 }, 7)).toBe(3);
    expect(radiusCount({ count: 30 }, 7)).toBe(7);
    expect(radiusCount({ percent: 50 }, 7)).toBe(4);
    expect(radiusCount({ percent: 1 }, 7)).toBe(1);
    expect(radiusCount({ percent: 100 }, 0)).toBe(0);
  });

  it('picks distinct random targets and refuses an empty selection', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const picked = pickTargets(items, { count: 3 }, 'pods');
    expect(new Set(picked).size).toBe(3);
    expect(picked.every((p) => items.includes(p))).toBe(true);
    const first = pickTargets(items, { percent: 40 }, 'pods', random);
    seed = 7;
    expect(pickTargets(items, { percent: 40 }, 'pods', random)).toEqual(first);
    const error: unknown = (() => {
      try {
        return pickTargets([], 'all', 'pods app=x');
      } catch (e) {
        return e;
      }
    })();
    expect(isDrillError(error) && error.message).toBe(
      'pods app=x resolved no target: nothing would be failed',
    );
  });
});
