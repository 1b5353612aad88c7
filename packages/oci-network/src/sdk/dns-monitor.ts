import type * as healthchecks from 'oci-healthchecks';
import type { HttpMonitorSpec } from '../model/health-monitor.js';
import { isOwned } from '../model/ownership.js';
import { apiCall, listAll } from './api-call.js';
import { canonical, type DnsRun } from './dns-context.js';
import { createIdempotent } from './idempotent-create.js';

function comparable(m: Partial<HttpMonitorSpec> | healthchecks.models.HttpMonitor) {
  return canonical({
    targets: [...(m.targets ?? [])].sort(),
    protocol: m.protocol,
    port: m.port,
    path: m.path,
    method: m.method,
    headers: m.headers ?? {},
    intervalInSeconds: m.intervalInSeconds,
    timeoutInSeconds: m.timeoutInSeconds,
    isEnabled: m.isEnabled,
  });
}

function toSdk(spec: HttpMonitorSpec) {
  return {
    ...spec,
    targets: [...spec.targets],
    protocol: spec.protocol as healthchecks.models.HttpProbeProtocol,
    method: spec.method as healthchecks.models.HttpProbeMethod,
    headers: { ...spec.headers },
    freeformTags: { ...spec.freeformTags },
  };
}

async function findOwned(run: DnsRun): Promise<healthchecks.models.HttpMonitor | undefined> {
  const { monitors } = run.clients;
  const all = await listAll('ListHttpMonitors', (page) =>
    monitors.listHttpMonitors({ compartmentId: run.compartmentId, ...(page ? { page } : {}) }),
  );
  const summary = all.find((m) => isOwned(m.freeformTags, run.mesh, 'health-monitor'));
  if (!summary?.id) return undefined;
  const monitorId = summary.id;
  return (await apiCall('GetHttpMonitor', () => monitors.getHttpMonitor({ monitorId }))).httpMonitor;
}

/** The one HTTP monitor probing every region's ingress; returns its OCID (undefined in a plan that would create it). */
export async function ensureMonitor(run: DnsRun, spec: HttpMonitorSpec): Promise<string | undefined> {
  const { monitors } = run.clients;
  const current = await findOwned(run);
  if (current?.id) {
    const monitorId = current.id;
    if (comparable(current) === comparable(spec)) {
      run.record({
        resource: 'health-monitor',
        name: spec.displayName,
        id: monitorId,
        action: 'unchanged',
        reason: `probes ${spec.targets.join(', ')}`,
      });
      return monitorId;
    }
    run.record({
      resource: 'health-monitor',
      name: spec.displayName,
      id: monitorId,
      action: 'update',
      reason: 'targets or probe settings differ',
      details: [`targets ${spec.targets.join(', ')}`],
    });
    if (run.apply) {
      run.checkAbort();
      run.progress(`updating health monitor ${monitorId}`);
      await apiCall('UpdateHttpMonitor', () =>
        monitors.updateHttpMonitor({ monitorId, updateHttpMonitorDetails: toSdk(spec) }),
      );
    }
    return monitorId;
  }
  run.record({
    resource: 'health-monitor',
    name: spec.displayName,
    action: 'create',
    reason: `no okemesh monitor; will probe ${spec.targets.join(', ')}`,
  });
  if (!run.apply) return undefined;
  run.checkAbort();
  run.progress(`creating health monitor ${spec.displayName}`);
  const created = await createIdempotent(
    `health monitor ${spec.displayName}`,
    [run.mesh, 'health-monitor', run.compartmentId, comparable(spec)],
    async (token) => {
      const monitor = (
        await apiCall('CreateHttpMonitor', () =>
          monitors.createHttpMonitor({
            createHttpMonitorDetails: { compartmentId: run.compartmentId, ...toSdk(spec) },
            opcRetryToken: token,
          }),
        )
      ).httpMonitor;
      return { ...monitor, id: monitor.id ?? '' };
    },
    async (monitorId) => {
      await apiCall('GetHttpMonitor', () => monitors.getHttpMonitor({ monitorId }));
      return {};
    },
  );
  return created.id;
}

export async function removeMonitor(run: DnsRun): Promise<void> {
  const current = await findOwned(run);
  if (!current?.id) return;
  const monitorId = current.id;
  run.record({
    resource: 'health-monitor',
    name: current.displayName ?? monitorId,
    id: monitorId,
    action: 'delete',
    reason: 'owned by okemesh',
  });
  if (run.apply)
    await apiCall('DeleteHttpMonitor', () => run.clients.monitors.deleteHttpMonitor({ monitorId }));
}
