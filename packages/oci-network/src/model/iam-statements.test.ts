import { exampleTopology } from '@okemesh/topology';
import { describe, expect, it } from 'vitest';
import { groupSubject, iamStatements } from './iam-statements.js';

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
  'vcns',
  'internet-gateways',
  'nat-gateways',
  'service-gateways',
  'local-peering-gateways',
  'private-ips',
]);
const GRAMMAR =
  /^Allow (group [\w-]+|group '[^']+'\/'[^']+'|group '[^']+'|any-user) to (inspect|read|use|manage) ([a-z-]+) in (tenancy|compartment id ocid1\.compartment\.[\w.-]+)( where .+)?$/;

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

  it('grants VCN_ATTACH for CreateDrgAttachment, scoped to the attach permissions only', () => {
    expect(statements).toContainEqual(
      expect.stringMatching(
        /^Allow group okemesh-operators to manage vcns in compartment id \S+ where any \{request\.permission = 'VCN_ATTACH', request\.permission = 'VCN_DETACH'\}$/,
      ),
    );
  });

  it('grants the attach permission of every gateway type a replaced route table can point at', () => {
    for (const type of [
      'internet-gateways',
      'nat-gateways',
      'service-gateways',
      'local-peering-gateways',
      'private-ips',
    ])
      expect(
        statements.some((s) =>
          s.startsWith(`Allow group okemesh-operators to use ${type} in compartment id`),
        ),
        type,
      ).toBe(true);
  });

  it('quotes identity-domain groups and names that are not bare identifiers', () => {
    expect(groupSubject('okemesh-operators')).toBe('group okemesh-operators');
    expect(groupSubject('ops', 'PlatformDomain')).toBe("group 'PlatformDomain'/'ops'");
    expect(groupSubject('Default/mesh operators')).toBe("group 'Default'/'mesh operators'");
    expect(groupSubject('mesh operators')).toBe("group 'mesh operators'");
    const quoted = iamStatements(exampleTopology(), { group: 'ops', identityDomain: 'PlatformDomain' });
    for (const { statement } of quoted.filter((s) => s.statement.startsWith('Allow group')))
      expect(statement.startsWith("Allow group 'PlatformDomain'/'ops' to ")).toBe(true);
    for (const { statement } of quoted) expect(GRAMMAR.exec(statement), statement).not.toBeNull();
  });
});
