import { asArray, asJson, asString, type Json } from '../resource.js';
import type { FieldPath } from '../context.js';

export interface RouteDestination {
  readonly rule: 'tcp' | 'tls' | 'http' | 'http.mirror' | 'http.mirrors';
  readonly destination: Json;
  readonly host: string;
  readonly subset: string;
  /** Path of the destination's `host` field. */
  readonly path: FieldPath;
}

function destination(rule: RouteDestination['rule'], value: unknown, path: FieldPath): RouteDestination {
  const d = asJson(value);
  return {
    rule,
    destination: d,
    host: asString(d['host']),
    subset: asString(d['subset']),
    path: [...path, 'host'],
  };
}

/** Route destinations in istioctl's order: tcp, tls, then http. */
export function routeDestinations(spec: Json): RouteDestination[] {
  const out: RouteDestination[] = [];
  for (const rule of ['tcp', 'tls', 'http'] as const) {
    asArray(spec[rule]).forEach((r, i) => {
      asArray(asJson(r)['route']).forEach((rd, j) => {
        out.push(destination(rule, asJson(rd)['destination'], ['spec', rule, i, 'route', j, 'destination']));
      });
    });
  }
  return out;
}

/** `http[].mirror` and `http[].mirrors[].destination`. */
export function mirrorDestinations(spec: Json): RouteDestination[] {
  const out: RouteDestination[] = [];
  asArray(spec['http']).forEach((r, i) => {
    const http = asJson(r);
    if (http['mirror'] !== undefined && http['mirror'] !== null)
      out.push(destination('http.mirror', http['mirror'], ['spec', 'http', i, 'mirror']));
    asArray(http['mirrors']).forEach((m, j) => {
      out.push(
        destination('http.mirrors', asJson(m)['destination'], [
          'spec',
          'http',
          i,
          'mirrors',
          j,
          'destination',
        ]),
      );
    });
  });
  return out;
}

export function stringList(value: unknown): string[] {
  return asArray(value).map(asString);
}
