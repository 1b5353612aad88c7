import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { lint, type LintOptions } from '../../src/lint/lint.js';
import { loadLintInput } from '../../src/lint/loader.js';
import { okmRules } from '../../src/lint/okemesh/codes.js';
import { parseManifests } from '../../src/parse.js';
import type { Finding } from '../../src/lint/finding.js';
import { cacertsSecret, makeTestCa, type TestCa } from './okm-certs.js';

const dir = fileURLToPath(new URL('./okm/', import.meta.url));

/** A declared two-cluster mesh: the single-file fixtures are linted as part of a multicluster mesh. */
const options: LintOptions = {
  mesh: {
    meshId: 'mesh1',
    trustDomain: 'oke.local',
    clusters: [
      { name: 'primary-cluster', network: 'network1' },
      { name: 'secondary-cluster', network: 'network2' },
    ],
  },
};

async function lintFixture(name: string): Promise<Finding[]> {
  const input = await loadLintInput([name], { cwd: dir });
  expect(input.problems).toEqual([]);
  return lint(input.documents, options);
}

const fixtures = readdirSync(dir).filter((f) => /^OKM\d{4}\.(bad|good)/.test(f));
const codesWithFixtures = [...new Set(fixtures.map((f) => f.slice(0, 7)))].sort();

describe('OKM rules: every rule has a failing and a passing fixture', () => {
  it('covers every OKM code (cacerts codes use generated certificates below)', () => {
    const generated = ['OKM0030', 'OKM0031', 'OKM0032'];
    expect([...codesWithFixtures, ...generated].sort()).toEqual(Object.keys(okmRules).sort());
  });

  it.each(codesWithFixtures)('%s: the bad fixture triggers it, the good one lints clean', async (code) => {
    const bad = fixtures.find((f) => f.startsWith(`${code}.bad`)) as string;
    const good = fixtures.find((f) => f.startsWith(`${code}.good`)) as string;
    expect(statSync(dir + bad)).toBeTruthy();
    const badFindings = await lintFixture(bad);
    expect(badFindings.map((f) => f.code)).toContain(code);
    expect(badFindings.find((f) => f.code === code)?.level).toBe(
      okmRules[code as keyof typeof okmRules].level,
    );
    const goodFindings = await lintFixture(good);
    expect(goodFindings.map((f) => `${f.code} ${f.resource} ${f.message}`)).toEqual([]);
  });
});

describe('OKM0030-0032: cacerts built like the runbook vs like Istio tools/certs', () => {
  let ca: TestCa;
  beforeAll(() => {
    ca = makeTestCa();
  });
  const lintSecret = (yaml: string) => lint(parseManifests(yaml, 'cacerts.yaml').documents);

  it('flags the runbook secret: ignored key names, missing keys, root key in the cluster', () => {
    const findings = lintSecret(
      cacertsSecret({
        'root-cert.pem': ca.root,
        'primary-cert.pem': ca.bareIntermediate,
        'primary-key.pem': ca.intermediateKey,
        'root-key.pem': ca.rootKey,
      }),
    );
    const codes = findings.map((f) => f.code);
    expect(codes.filter((c) => c === 'OKM0030')).toHaveLength(3);
    expect(codes).toContain('OKM0031');
    expect(findings.find((f) => f.code === 'OKM0031')?.line).toBe(9);
  });

  it('flags an intermediate signed without CA extensions (openssl x509 -req, no -extfile)', () => {
    const findings = lintSecret(
      cacertsSecret({
        'ca-cert.pem': ca.bareIntermediate,
        'ca-key.pem': ca.intermediateKey,
        'root-cert.pem': ca.root,
        'cert-chain.pem': ca.bareIntermediate + ca.root,
      }),
    );
    expect(findings.filter((f) => f.code === 'OKM0032').map((f) => f.message)).toEqual([
      expect.stringContaining('no basicConstraints CA:true'),
      expect.stringContaining('lacks keyUsage keyCertSign'),
    ]);
  });

  it('flags a chain that is not intermediate + root, or an intermediate of another root', () => {
    const other = makeTestCa();
    const findings = lintSecret(
      cacertsSecret({
        'ca-cert.pem': ca.intermediate,
        'ca-key.pem': ca.intermediateKey,
        'root-cert.pem': other.root,
        'cert-chain.pem': ca.intermediate,
      }),
    );
    expect(
      findings
        .filter((f) => f.code === 'OKM0032')
        .map((f) => f.message)
        .sort(),
    ).toEqual([
      'ca-cert.pem is not signed by root-cert.pem',
      'cert-chain.pem is not ca-cert.pem followed by root-cert.pem',
    ]);
  });

  it('flags a ca-key.pem that is not the key of ca-cert.pem (the checker shared with certs verify)', () => {
    const other = makeTestCa();
    const findings = lintSecret(
      cacertsSecret({
        'ca-cert.pem': ca.intermediate,
        'ca-key.pem': other.intermediateKey,
        'root-cert.pem': ca.root,
        'cert-chain.pem': ca.intermediate + ca.root,
      }),
    );
    expect(findings.filter((f) => f.code === 'OKM0032').map((f) => f.message)).toEqual([
      expect.stringContaining('ca-key.pem is not the private key of ca-cert.pem'),
    ]);
  });

  it('accepts the Istio plug-in CA layout', () => {
    const findings = lintSecret(
      cacertsSecret({
        'ca-cert.pem': ca.intermediate,
        'ca-key.pem': ca.intermediateKey,
        'root-cert.pem': ca.root,
        'cert-chain.pem': ca.intermediate + ca.root,
      }),
    );
    expect(findings).toEqual([]);
  });
});
