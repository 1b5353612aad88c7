import { invalidParameter } from '../api-error.js';
import {
  checkIfMatch,
  paginate,
  requireQuery,
  requireString,
  withEtag,
  type Call,
  type Route,
} from '../route.js';
import type { Json } from '../store.js';

const V = '20180501';
const GLOBAL = 'global';
const INTERVALS = new Set([10, 30, 60]);
const TIMEOUTS = new Set([10, 20, 30, 60]);

function monitorFields(call: Call, base: Json): Json {
  const merged = { ...base, ...call.body };
  const targets = merged.targets;
  if (!Array.isArray(targets) || targets.length === 0)
    throw invalidParameter('targets must name at least one host');
  if (!INTERVALS.has(Number(merged.intervalInSeconds)))
    throw invalidParameter('intervalInSeconds must be 10, 30 or 60');
  if (merged.protocol !== 'HTTP' && merged.protocol !== 'HTTPS')
    throw invalidParameter('protocol must be HTTP or HTTPS');
  const timeout = merged.timeoutInSeconds;
  if (
    timeout !== undefined &&
    (!TIMEOUTS.has(Number(timeout)) || Number(timeout) > Number(merged.intervalInSeconds))
  ) {
    throw invalidParameter('timeoutInSeconds must be 10, 20, 30 or 60 and at most the interval');
  }
  const headers = (merged.headers ?? {}) as Json;
  if (Object.keys(headers).some((h) => h.toLowerCase() === 'authorization'))
    throw invalidParameter('an Authorization header is not allowed');
  return {
    displayName: merged.displayName,
    targets,
    vantagePointNames: merged.vantagePointNames ?? ['goo-chs', 'aws-iad', 'azr-msn'],
    port: merged.port ?? null,
    timeoutInSeconds: merged.timeoutInSeconds ?? null,
    protocol: merged.protocol,
    method: merged.method ?? 'GET',
    path: merged.path ?? '/',
    headers,
    intervalInSeconds: merged.intervalInSeconds,
    isEnabled: merged.isEnabled ?? true,
    freeformTags: merged.freeformTags ?? {},
    definedTags: merged.definedTags ?? {},
  };
}

function createMonitor(call: Call) {
  const compartmentId = requireString(call.body, 'compartmentId');
  requireString(call.body, 'displayName');
  const id = call.store.newId('httpmonitor', GLOBAL);
  call.store.insert('httpMonitor', GLOBAL, id, {
    compartmentId,
    ...monitorFields(call, {}),
    homeRegion: call.region,
    resultsUrl: `https://healthchecks.${call.region}.oraclecloud.com/20180501/httpProbeResults/${id}`,
    timeCreated: new Date().toISOString(),
  });
  return withEtag(call, id, call.store.get(id, 'httpMonitor'));
}

export const healthCheckRoutes: readonly Route[] = [
  {
    version: V,
    method: 'POST',
    path: '/httpMonitors',
    operation: 'CreateHttpMonitor',
    handler: createMonitor,
  },
  {
    version: V,
    method: 'GET',
    path: '/httpMonitors',
    operation: 'ListHttpMonitors',
    handler: (call) => {
      const compartmentId = requireQuery(call, 'compartmentId');
      return paginate(
        call,
        call.store.list('httpMonitor', GLOBAL, (m) => m.compartmentId === compartmentId),
      );
    },
  },
  {
    version: V,
    method: 'GET',
    path: '/httpMonitors/{monitorId}',
    operation: 'GetHttpMonitor',
    handler: (call) =>
      withEtag(call, call.params.monitorId ?? '', call.store.get(call.params.monitorId ?? '', 'httpMonitor')),
  },
  {
    version: V,
    method: 'PUT',
    path: '/httpMonitors/{monitorId}',
    operation: 'UpdateHttpMonitor',
    handler: (call) => {
      const id = call.params.monitorId ?? '';
      const current = call.store.get(id, 'httpMonitor');
      checkIfMatch(call, id);
      call.store.update(id, monitorFields(call, current));
      return withEtag(call, id, call.store.get(id, 'httpMonitor'));
    },
  },
  {
    version: V,
    method: 'DELETE',
    path: '/httpMonitors/{monitorId}',
    operation: 'DeleteHttpMonitor',
    handler: (call) => {
      const id = call.params.monitorId ?? '';
      call.store.get(id, 'httpMonitor');
      checkIfMatch(call, id);
      call.store.retire(id, []);
      return { status: 204 };
    },
  },
];
