import { isPermission } from '@backstage/plugin-permission-common';
import { describe, expect, it } from 'vitest';
import {
  okemeshDrillRunPermission,
  okemeshPermissions,
  okemeshTopologyReadPermission,
} from './permissions.js';

describe('okemesh permissions', () => {
  it('names read and run the way the issue and the policy docs do', () => {
    expect(okemeshPermissions.map((p) => [p.name, p.attributes.action, p.type])).toEqual([
      ['okemesh.topology.read', 'read', 'basic'],
      ['okemesh.drill.run', 'create', 'basic'],
    ]);
  });

  it('are real permission objects', () => {
    expect(isPermission(okemeshTopologyReadPermission, okemeshTopologyReadPermission)).toBe(true);
    expect(isPermission(okemeshDrillRunPermission, okemeshTopologyReadPermission)).toBe(false);
  });
});
