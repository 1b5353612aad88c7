import type { ServerResponse } from 'node:http';
import type { ApiRequest } from './api-request.js';
import { served } from './api-request.js';
import { FakeKubeError } from './errors.js';
import type { StoredObject } from './object.js';
import { storageKey } from './resources.js';
import { matchesFields, matchesLabels, parseFieldSelector, parseSelector } from './selector.js';
import type { ObjectStore, StoreEvent } from './store.js';

const HISTORY = 2000;

interface Watcher {
  readonly key: string;
  readonly accept: (object: StoredObject) => boolean;
  readonly send: (event: StoreEvent) => void;
  readonly end: () => void;
}

/**
 * Streams `?watch=true` responses: newline-delimited `{type, object}` events, replayed from a bounded
 * history when the client passes a `resourceVersion`, or starting with synthetic ADDED events when it does not.
 */
export class WatchHub {
  private readonly history: StoreEvent[] = [];
  private readonly watchers = new Set<Watcher>();
  private readonly unsubscribe: () => void;

  constructor(private readonly store: ObjectStore) {
    this.unsubscribe = store.subscribe((event) => {
      this.history.push(event);
      if (this.history.length > HISTORY) this.history.shift();
      for (const w of this.watchers) {
        if (w.key === storageKey(event.resource) && w.accept(event.object)) w.send(event);
      }
    });
  }

  serve(request: ApiRequest, res: ServerResponse): void {
    const labels = parseSelector(request.query.get('labelSelector') ?? undefined);
    const fields = parseFieldSelector(request.query.get('fieldSelector') ?? undefined);
    const namespace = request.info.namespace;
    const accept = (o: StoredObject): boolean =>
      (namespace === undefined || o.metadata.namespace === namespace) &&
      matchesLabels(labels, o.metadata.labels) &&
      matchesFields(fields, o);
    const from = request.query.get('resourceVersion') ?? '';
    const since = from === '' || from === '0' ? undefined : Number(from);
    if (since !== undefined && !Number.isInteger(since)) {
      throw new FakeKubeError('FAKE_KUBE_BAD_REQUEST', `invalid resourceVersion: ${from}`);
    }
    if (since !== undefined && this.history[0] !== undefined && since < this.history[0].revision - 1) {
      throw new FakeKubeError(
        'FAKE_KUBE_EXPIRED',
        `too old resource version: ${from} (${this.history[0].revision - 1})`,
      );
    }
    res.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
    // Send the headers now: clients (client-node Watch) resolve on them, before any event exists.
    res.flushHeaders();
    const write = (type: string, object: StoredObject): void => {
      res.write(`${JSON.stringify({ type, object: served(request, object) })}\n`);
    };
    const key = storageKey(request.type);
    if (since === undefined) {
      for (const o of this.store.list(request.type, namespace)) if (accept(o)) write('ADDED', o);
    } else {
      for (const e of this.history)
        if (e.revision > since && storageKey(e.resource) === key && accept(e.object)) write(e.type, e.object);
    }
    const watcher: Watcher = { key, accept, send: (e) => write(e.type, e.object), end: () => res.end() };
    this.watchers.add(watcher);
    const timeout = Number(request.query.get('timeoutSeconds') ?? '0');
    const timer = timeout > 0 ? setTimeout(() => res.end(), timeout * 1000) : undefined;
    res.on('close', () => {
      if (timer !== undefined) clearTimeout(timer);
      this.watchers.delete(watcher);
    });
  }

  /** Ends every open watch stream (clients see the stream close and re-watch). */
  endStreams(): void {
    for (const w of this.watchers) w.end();
    this.watchers.clear();
  }

  close(): void {
    this.unsubscribe();
    this.endStreams();
  }
}
