import { describe, expect, it } from 'vitest';
import { helmTemplatePosition } from './helm-template.js';

describe('helmTemplatePosition', () => {
  it.each([
    ['a value', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n', 4, 9],
    ['a control line', 'apiVersion: v1\n{{- if .Values.enabled }}\nkind: Service\n{{- end }}\n', 2, 1],
    ['an item', 'spec:\n  hosts:\n    - {{ .Values.host | quote }}\n', 3, 7],
    ['an include', 'metadata:\n  labels:\n    {{- include "chart.labels" . | nindent 4 }}\n', 3, 5],
  ])('finds template syntax in %s', (_what, text, line, column) => {
    expect(helmTemplatePosition(text)).toEqual({ line, column });
  });

  it.each([
    ['quoted strings', 'annotations:\n  summary: "{{ $labels.instance }} is down"\n  b: \'{{ x }}\'\n'],
    ['block scalars', 'annotations:\n  description: |\n    {{ $labels.instance }} is down\n  x: 1\n'],
    ['folded block items', 'args:\n  - >-\n    {{ not a template }}\n'],
    ['text after a plain word', 'message: see {{ docs }}\n'],
    ['no braces at all', 'kind: Service\n'],
  ])('leaves %s alone', (_what, text) => {
    expect(helmTemplatePosition(text)).toBeUndefined();
  });
});
