/** Why a document does not satisfy its CRD schema. */
export type SchemaViolationKind =
  'unknown-field' | 'type' | 'enum' | 'required' | 'one-of' | 'format' | 'range' | 'unknown-kind' | 'other';

export interface SchemaViolation {
  readonly kind: SchemaViolationKind;
  /** JSON pointer into the document (`/spec/trafficPolicy/outlierDetection/minEjectionPercent`). */
  readonly pointer: string;
  /** Dotted field path as people write it (`spec.trafficPolicy.outlierDetection.minEjectionPercent`). */
  readonly field: string;
  readonly message: string;
}

function unescapePointer(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** `/spec/servers/0/port` → `spec.servers[0].port`. */
export function pointerToField(pointer: string): string {
  let out = '';
  for (const raw of pointer.split('/').slice(1)) {
    const token = unescapePointer(raw);
    if (/^\d+$/.test(token)) out += `[${token}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(token)) out += out ? `.${token}` : token;
    else out += `[${JSON.stringify(token)}]`;
  }
  return out || '(document)';
}
