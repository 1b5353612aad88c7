import { describe, expect, it } from 'vitest';
import { formatProgress } from './progress.js';
import { outcomeExitCode } from './exit-code.js';

describe('progress and exit codes', () => {
  it('formats phase, elapsed time and the last second of each probe', () => {
    const line = formatProgress({
      phase: 'hold',
      elapsedMs: 12_345,
      probes: [
        { name: 'journey', recentSuccess: 0.5, ok: 10, failed: 10 },
        { name: 'dns', recentSuccess: 1, ok: 5, failed: 0 },
      ],
    });
    expect(line).toBe('hold           12.3s  journey 50% ok  dns 100% ok');
  });

  it('maps outcomes to the documented exit codes', () => {
    expect([
      outcomeExitCode('pass'),
      outcomeExitCode('fail'),
      outcomeExitCode('aborted'),
      outcomeExitCode('error'),
      outcomeExitCode('error', true),
    ]).toEqual([0, 1, 3, 5, 4]);
  });
});
