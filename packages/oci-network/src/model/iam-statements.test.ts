import { exampleTopology } from '@okemesh/topology';
import { describe, expect, it } from 'vitest';
import { iamStatements } from './iam-statements.js';

const REAL_TYPES = new Set([
  'drgs',
  'remote-peering-connections',
  'route-tables',
  'security-lists',
  'network-security-groups',
  'virtual-network-family',
  'cluster-family',
  'health-check-family',
  'dns-steering-policies',
  'dns-steering-policy-attachments',
  'dns-zones',
]);
const GRAMMAR =
  /^Allow (group [\w-]+|any-user) to (inspect|read|use|manage) ([a-z-]+) in (tenancy|compartment id ocid1\.compartment\.[\w.-]+)( where .+)?$/;

describe('iamStatements', () => {
  const statements = iamStatements(exampleTopology()).map((s) => s.statement);

  it('every statement follows the policy grammar and names a real resource type', () => {
    for (const s of statements) {
      const match = GRAMMAR.exec(s);
      expect(match, s).not.toBeNull();
      expect(REAL_TYPES.has(match?.[3] ?? ''), s).toBe(true);
    }
  });

  it('addresses cluster principals by type and id, never as a service', () => {
    const cluster = statements.filter((s) => s.includes("request.principal.type = 'cluster'"));
    expect(cluster).toHaveLength(2);
    expect(cluster[0]).toMatch(
      /^Allow any-user to manage network-security-groups in compartment id .* where all \{request\.principal\.type = 'cluster', request\.principal\.id = 'ocid1\.cluster\./,
    );
    expect(statements.some((s) => /allow service/i.test(s))).toBe(false);
  });

  it('has no duplicates and no cross-tenancy peering verbs for a same-tenancy setup', () => {
    expect(new Set(statements).size).toBe(statements.length);
    expect(statements.join('\n')).not.toMatch(/remote-peering-(from|to)|Endorse|Admit/);
  });
});
