import { describe, expect, it } from 'vitest';
import { unsafeKubeconfigReasons } from './kubeconfig-safety.js';

function config(cluster: Record<string, unknown>, user: Record<string, unknown>) {
  return {
    clusters: [{ name: 'c', cluster: { server: 'https://10.0.0.1:6443', ...cluster } }],
    users: [{ name: 'u', user }],
    contexts: [{ name: 'ctx', context: { cluster: 'c', user: 'u' } }],
  };
}

describe('unsafeKubeconfigReasons', () => {
  it('accepts embedded CA data with a bearer token or an oidc provider', () => {
    expect(
      unsafeKubeconfigReasons(config({ 'certificate-authority-data': 'Q0E=' }, { token: 't' }), 'ctx'),
    ).toEqual([]);
    expect(unsafeKubeconfigReasons(config({}, { 'auth-provider': { name: 'oidc' } }), 'ctx')).toEqual([]);
  });

  it.each([
    [{ 'insecure-skip-tls-verify': true }, { token: 't' }, /insecure-skip-tls-verify/],
    [{}, { exec: { command: 'oci', args: ['ce', 'cluster', 'generate-token'] } }, /exec plugin/],
    [{}, { tokenFile: '/var/run/token' }, /tokenFile/],
    [{}, { 'client-key': '/home/me/key.pem', 'client-certificate-data': 'Q0U=' }, /client key/],
    [{}, { 'client-certificate': '/home/me/cert.pem' }, /client certificate/],
    [{}, { 'auth-provider': { name: 'gcp' } }, /auth-provider "gcp"/],
  ])('refuses %j / %j', (cluster, user, reason) => {
    expect(unsafeKubeconfigReasons(config(cluster, user), 'ctx').join('; ')).toMatch(reason);
  });

  it('reports a missing context or cluster entry', () => {
    expect(unsafeKubeconfigReasons(config({}, {}), 'nope')).toEqual(['context "nope" does not exist']);
    expect(unsafeKubeconfigReasons({ contexts: [{ name: 'x', context: { cluster: 'gone' } }] }, 'x')).toEqual(
      ['context "x" names no cluster entry'],
    );
    expect(unsafeKubeconfigReasons(null, 'x')).toEqual(['context "x" does not exist']);
  });
});

describe('unsafeKubeconfigReasons for the connecting kubeconfig', () => {
  const exec = { exec: { command: 'oci', args: ['ce', 'cluster', 'generate-token'] } };
  it('accepts the OCI exec plugin for connecting, refuses it in a remote secret', () => {
    expect(
      unsafeKubeconfigReasons(config({ 'certificate-authority-data': 'Q0E=' }, exec), 'ctx', 'connect'),
    ).toEqual([]);
    expect(unsafeKubeconfigReasons(config({ 'certificate-authority-data': 'Q0E=' }, exec), 'ctx')).toEqual([
      'user authenticates with an exec plugin',
    ]);
  });

  it('still refuses insecure-skip-tls-verify for connecting', () => {
    expect(
      unsafeKubeconfigReasons(config({ 'insecure-skip-tls-verify': true }, exec), 'ctx', 'connect'),
    ).toEqual(['cluster sets insecure-skip-tls-verify']);
  });
});
