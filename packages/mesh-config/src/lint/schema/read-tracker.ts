/**
 * Wraps a plain JSON value in proxies that record which property names a validator reads on every object.
 * An ajv validator compiled from a structural schema looks up every declared property (present or not) and
 * enumerates the keys of maps; a key it never looks at is a field the schema does not declare.
 */
export interface ReadLog {
  /** JSON pointer of each object the validator touched → property names read (`*` when it enumerated keys). */
  readonly reads: Map<string, Set<string>>;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function trackReads(root: unknown): { tracked: unknown; log: ReadLog } {
  const reads = new Map<string, Set<string>>();
  const proxies = new WeakMap<object, unknown>();

  const wrap = (value: unknown, pointer: string): unknown => {
    if (value === null || typeof value !== 'object') return value;
    const cached = proxies.get(value);
    if (cached !== undefined) return cached;
    let seen = reads.get(pointer);
    if (!seen) {
      seen = new Set<string>();
      reads.set(pointer, seen);
    }
    const names = seen;
    const proxy: unknown = new Proxy(value, {
      get(target, key, receiver) {
        const result: unknown = Reflect.get(target, key, receiver);
        if (typeof key !== 'string') return result;
        names.add(key);
        return Object.hasOwn(target, key) ? wrap(result, `${pointer}/${escapePointer(key)}`) : result;
      },
      has(target, key) {
        if (typeof key === 'string') names.add(key);
        return Reflect.has(target, key);
      },
      ownKeys(target) {
        names.add('*');
        return Reflect.ownKeys(target);
      },
    });
    proxies.set(value, proxy);
    return proxy;
  };

  return { tracked: wrap(root, ''), log: { reads } };
}
