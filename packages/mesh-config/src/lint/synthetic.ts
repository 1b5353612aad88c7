import type { SourcePosition } from '../parse.js';
import type { LintResource } from './resource.js';

const nowhere = (): SourcePosition => ({ line: 1, column: 1 });

/**
 * A core/v1 object the input implies but does not contain. `origin` starts with "(" so that findings about
 * it are never reported (lint() filters them).
 */
export function syntheticResource(
  origin: `(${string})`,
  kind: string,
  name: string,
  namespace: string,
  labels: Record<string, string>,
  spec: Record<string, unknown>,
): LintResource {
  return {
    apiVersion: 'v1',
    group: '',
    kind,
    name,
    declaredNamespace: namespace,
    namespace,
    labels,
    annotations: {},
    object: { apiVersion: 'v1', kind, metadata: { name, namespace, labels }, spec },
    spec,
    file: origin,
    cluster: undefined,
    locate: nowhere,
  };
}
