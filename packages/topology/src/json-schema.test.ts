import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exampleTopologyText } from './example.js';
import { topologyJsonSchema } from './json-schema.js';

describe('topologyJsonSchema', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validate = ajv.compile(topologyJsonSchema());

  it('accepts the built-in example, so editors do not flag valid files', () => {
    expect(validate(parse(exampleTopologyText())), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects unknown fields and bad enums, so editors flag them as the loader does', () => {
    const doc = parse(exampleTopologyText()) as { spec: { clusters: Record<string, unknown>[] } };
    doc.spec.clusters[0]!.cidrr = '10.0.0.0/16';
    expect(validate(doc)).toBe(false);
    const enumDoc = parse(exampleTopologyText()) as { spec: { clusters: Record<string, unknown>[] } };
    enumDoc.spec.clusters[1]!.cni = 'CALICO';
    expect(validate(enumDoc)).toBe(false);
  });

  it('documents fields for autocompletion', () => {
    const text = JSON.stringify(topologyJsonSchema());
    expect(text).toContain('OKE pod networking type');
    expect(text).toContain('"$schema":"https://json-schema.org/draft/2020-12/schema"');
  });
});
