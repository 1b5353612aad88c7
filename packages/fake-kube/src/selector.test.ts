import { describe, expect, it } from 'vitest';
import { isFakeKubeError } from './errors.js';
import { matchesFields, matchesLabels, parseFieldSelector, parseSelector } from './selector.js';

const labels = { app: 'web', tier: 'front', 'okemesh.io/region': 'eu-frankfurt-1', gen: '3' };

describe('label selectors', () => {
  it.each([
    ['', true],
    ['app=web', true],
    ['app==web', true],
    ['app = web', true],
    ['app!=web', false],
    ['app!=db', true],
    ['missing!=x', true],
    ['tier in (front, back)', true],
    ['tier in (back)', false],
    ['tier notin (back)', true],
    ['missing notin (x)', true],
    ['okemesh.io/region', true],
    ['!okemesh.io/region', false],
    ['!missing', true],
    ['app=web,tier in (front),!missing', true],
    ['app=web,tier=back', false],
    ['gen>2', true],
    ['gen<3', false],
  ])('%s → %s', (text, expected) => {
    expect(matchesLabels(parseSelector(text), labels)).toBe(expected);
  });

  it('treats absent labels as empty', () => {
    expect(matchesLabels(parseSelector('app'), undefined)).toBe(false);
    expect(matchesLabels(parseSelector('!app'), undefined)).toBe(true);
  });

  it('rejects malformed selectors with a BadRequest FakeKubeError', () => {
    for (const bad of ['app in (web', 'gen>x', '=web']) {
      let caught: unknown;
      try {
        parseSelector(bad);
      } catch (error) {
        caught = error;
      }
      expect(isFakeKubeError(caught) && caught.code === 'FAKE_KUBE_BAD_REQUEST').toBe(true);
    }
  });
});

describe('field selectors', () => {
  const pod = {
    metadata: { name: 'p', namespace: 'shop' },
    spec: { nodeName: 'n1' },
    status: { phase: 'Running' },
  };
  it('matches dotted paths with =, == and !=', () => {
    expect(matchesFields(parseFieldSelector('metadata.name=p,metadata.namespace==shop'), pod)).toBe(true);
    expect(matchesFields(parseFieldSelector('spec.nodeName!=n1'), pod)).toBe(false);
    expect(matchesFields(parseFieldSelector('status.phase=Running'), pod)).toBe(true);
    expect(matchesFields(parseFieldSelector('spec.missing='), pod)).toBe(true);
  });
  it('rejects set operators', () => {
    expect(() => parseFieldSelector('metadata.name in (a)')).toThrow(/only =, == and !=/);
  });
});
