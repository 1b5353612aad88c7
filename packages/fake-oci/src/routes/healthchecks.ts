import { invalidParameter } from '../api-error.js';
import { requireString, withEtag, type Call, type Route } from '../route.js';
import type { Json } from '../store.js';
import { anyRegion, routeBuilders } from './route-builders.js';

const api = routeBuilders('20180501');
const readMonitor = anyRegion('httpMonitor');
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
  api.post('/httpMonitors', 'CreateHttpMonitor', createMonitor),
  api.list('/httpMonitors', 'ListHttpMonitors', {
    kind: 'httpMonitor',
    scope: 'global',
    filters: ['compartmentId'],
  }),
  api.getOne('/httpMonitors/{monitorId}', 'GetHttpMonitor', readMonitor),
  api.updateOne('/httpMonitors/{monitorId}', 'UpdateHttpMonitor', readMonitor, monitorFields),
  api.deleteOne('/httpMonitors/{monitorId}', 'DeleteHttpMonitor', {
    read: readMonitor,
    ifMatch: true,
    states: [],
  }),
];
