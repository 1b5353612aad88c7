import { describe, expect, it } from 'vitest';
import { applyJsonPatch } from './json-patch.js';
import { applyMergePatch, parsePatchBody, patchTypeOf } from './merge-patch.js';
import { paginate } from './pagination.js';
import type { StoredObject } from './object.js';
import { parseResourcePath, verbOf } from './request-info.js';
import { strategicMerge } from './strategic-merge.js';

describe('RFC 6902 JSON patch', () => {
  const doc = { a: { b: [1, 2, 3] }, 'x/y': 1, 't~': 2 };
  it('adds, removes, replaces, moves, copies and tests without touching the input', () => {
    const out = applyJsonPatch(doc, [
      { op: 'add', path: '/a/b/-', value: 4 },
      { op: 'add', path: '/a/b/0', value: 0 },
      { op: 'remove', path: '/a/b/1' },
      { op: 'replace', path: '/x~1y', value: 'slash' },
      { op: 'copy', from: '/t~0', path: '/c' },
      { op: 'move', from: '/c', path: '/d' },
      { op: 'test', path: '/d', value: 2 },
    ]);
    expect(out).toEqual({ a: { b: [0, 2, 3, 4] }, 'x/y': 'slash', 't~': 2, d: 2 });
    expect(doc).toEqual({ a: { b: [1, 2, 3] }, 'x/y': 1, 't~': 2 });
  });
  it('fails on missing paths, bad indexes, failed tests and malformed operations', () => {
    expect(() => applyJsonPatch(doc, [{ op: 'replace', path: '/nope', value: 1 }])).toThrow(/does not exist/);
    expect(() => applyJsonPatch(doc, [{ op: 'add', path: '/a/b/9', value: 1 }])).toThrow(/out of range/);
    expect(() => applyJsonPatch(doc, [{ op: 'test', path: '/x~1y', value: 2 }])).toThrow(
      /test operation failed/,
    );
    expect(() => applyJsonPatch(doc, [{ op: 'frobnicate', path: '/a' }])).toThrow(/malformed/);
    expect(() => applyJsonPatch(doc, { op: 'add' })).toThrow(/JSON array/);
  });
});

describe('merge patch and patch types', () => {
  it('merges objects, deletes nulls and replaces arrays', () => {
    expect(applyMergePatch({ a: 1, b: { c: 2, d: 3 }, e: [1] }, { a: null, b: { c: 5 }, e: [2] })).toEqual({
      b: { c: 5, d: 3 },
      e: [2],
    });
  });
  it('maps content types, parses YAML for apply and rejects unknown types', () => {
    expect(patchTypeOf('application/merge-patch+json; charset=utf-8')).toBe('application/merge-patch+json');
    expect(parsePatchBody('application/apply-patch+yaml', 'spec:\n  replicas: 2\n')).toEqual({
      spec: { replicas: 2 },
    });
    expect(() => patchTypeOf('application/json')).toThrow(/unknown format/);
    expect(() => parsePatchBody('application/merge-patch+json', '{')).toThrow(/error decoding patch/);
  });
});

describe('pagination', () => {
  const objects = ['a', 'b', 'c', 'd', 'e'].map(
    (name) => ({ metadata: { name, namespace: 'ns' } }) as StoredObject,
  );
  it('walks every item exactly once', () => {
    const first = paginate(objects, 2, undefined);
    expect(first.items.map((o) => o.metadata.name)).toEqual(['a', 'b']);
    expect(first.remainingItemCount).toBe(3);
    const second = paginate(objects, 2, first.continueToken);
    const third = paginate(objects, 2, second.continueToken);
    expect([...second.items, ...third.items].map((o) => o.metadata.name)).toEqual(['c', 'd', 'e']);
    expect(third.continueToken).toBeUndefined();
    expect(() => paginate(objects, 2, 'not-a-token')).toThrow(/continue key is not valid/);
  });
});

describe('request paths', () => {
  it('decodes namespaced, cluster-scoped, group and subresource paths', () => {
    expect(parseResourcePath('/api/v1/namespaces/ns/secrets/s')).toEqual({
      group: '',
      version: 'v1',
      namespace: 'ns',
      resource: 'secrets',
      name: 's',
      subresource: undefined,
    });
    expect(parseResourcePath('/api/v1/namespaces/ns')).toMatchObject({
      namespace: undefined,
      resource: 'namespaces',
      name: 'ns',
    });
    expect(parseResourcePath('/api/v1/namespaces/ns/status')).toMatchObject({
      resource: 'namespaces',
      name: 'ns',
      subresource: 'status',
    });
    expect(parseResourcePath('/apis/apps/v1/namespaces/ns/deployments/d/scale')).toMatchObject({
      group: 'apps',
      resource: 'deployments',
      name: 'd',
      subresource: 'scale',
    });
    expect(parseResourcePath('/api/v1/pods')).toMatchObject({
      namespace: undefined,
      resource: 'pods',
      name: undefined,
    });
    expect(parseResourcePath('/apis')).toBeUndefined();
    expect(parseResourcePath('/api/v1/namespaces/ns/secrets/s/x/y')).toBeUndefined();
  });
  it('maps methods to verbs', () => {
    const one = parseResourcePath('/api/v1/namespaces/ns/pods/p');
    const all = parseResourcePath('/api/v1/namespaces/ns/pods');
    if (one === undefined || all === undefined) throw new Error('paths should parse');
    expect([verbOf('GET', one, false), verbOf('GET', all, false), verbOf('GET', all, true)]).toEqual([
      'get',
      'list',
      'watch',
    ]);
    expect([
      verbOf('DELETE', one, false),
      verbOf('DELETE', all, false),
      verbOf('POST', one, false),
      verbOf('PUT', all, false),
    ]).toEqual(['delete', 'deletecollection', undefined, undefined]);
  });
});

describe('strategic merge patch', () => {
  const pod = {
    spec: {
      containers: [
        {
          name: 'app',
          image: 'app:1',
          env: [
            { name: 'A', value: '1' },
            { name: 'B', value: '2' },
          ],
          ports: [{ containerPort: 8080 }],
        },
        { name: 'istio-proxy', image: 'proxy:1' },
      ],
      tolerations: [{ key: 'x' }],
    },
  };
  it('merges containers, env and ports by key and replaces unkeyed lists', () => {
    const out = strategicMerge(pod, {
      spec: {
        containers: [
          {
            name: 'app',
            image: 'app:2',
            env: [
              { name: 'B', value: '3' },
              { name: 'C', value: '4' },
            ],
            ports: [{ containerPort: 9090 }],
          },
        ],
        tolerations: [{ key: 'y' }],
      },
    });
    expect(out).toEqual({
      spec: {
        containers: [
          {
            name: 'app',
            image: 'app:2',
            env: [
              { name: 'A', value: '1' },
              { name: 'B', value: '3' },
              { name: 'C', value: '4' },
            ],
            ports: [{ containerPort: 8080 }, { containerPort: 9090 }],
          },
          { name: 'istio-proxy', image: 'proxy:1' },
        ],
        tolerations: [{ key: 'y' }],
      },
    });
  });
  it('honours $patch: delete and $patch: replace', () => {
    expect(
      strategicMerge(pod, { spec: { containers: [{ name: 'istio-proxy', $patch: 'delete' }] } }),
    ).toMatchObject({ spec: { containers: [{ name: 'app' }] } });
    expect(
      strategicMerge(pod, { spec: { containers: [{ $patch: 'replace' }, { name: 'only' }] } }),
    ).toMatchObject({ spec: { containers: [{ name: 'only' }] } });
    expect(
      strategicMerge(
        { metadata: { labels: { a: '1' } } },
        { metadata: { labels: { $patch: 'replace', b: '2' } } },
      ),
    ).toEqual({ metadata: { labels: { b: '2' } } });
  });
});
