import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './duration.js';

describe('parseDuration', () => {
  it.each([
    ['100ms', 100],
    ['60s', 60_000],
    ['15m', 900_000],
    ['1h30m', 5_400_000],
    ['1.5s', 1_500],
  ])('%s is %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', '15', 'm', '15 m', '-1s', '1d', 'fifteen'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it('formats milliseconds back the way Istio writes durations', () => {
    expect([250, 1_500, 60_000, 900_000, 7_200_000].map(formatDuration)).toEqual([
      '250ms',
      '1.5s',
      '1m',
      '15m',
      '2h',
    ]);
  });
});
