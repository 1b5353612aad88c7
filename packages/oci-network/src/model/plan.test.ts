import { describe, expect, it } from 'vitest';
import { formatPlan, hasChanges, summarizePlan, type Plan } from './plan.js';

const plan: Plan = {
  mesh: 'm',
  changes: [
    { region: 'r1', resource: 'drg', name: 'd', action: 'create', reason: 'missing' },
    {
      region: 'r1',
      resource: 'route-table',
      name: 'rt',
      action: 'update',
      reason: '1 to add',
      details: ['+ 10.1.0.0/16 via drg'],
    },
    { region: 'r2', resource: 'drg', name: 'd2', action: 'adopt', reason: 'attached' },
  ],
  notes: ['opens 15443'],
};

describe('plan', () => {
  it('formats per region with details and a summary line', () => {
    expect(formatPlan(plan)).toBe(
      [
        'r1:',
        '  + create    drg d — missing',
        '  ~ update    route-table rt — 1 to add',
        '        + 10.1.0.0/16 via drg',
        'r2:',
        '  = adopt     drg d2 — attached',
        'note: opens 15443',
        'Plan: 1 to create, 1 to update, 0 to connect, 0 to delete, 1 adopted, 0 unchanged.',
        '',
      ].join('\n'),
    );
  });

  it('adopted and unchanged resources are not changes', () => {
    expect(hasChanges(plan)).toBe(true);
    expect(hasChanges({ ...plan, changes: plan.changes.filter((c) => c.action === 'adopt') })).toBe(false);
    expect(summarizePlan(plan)).toMatchObject({ create: 1, update: 1, adopt: 1 });
  });
});
