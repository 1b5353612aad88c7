import { DrillError } from './errors.js';

export interface CronJobOptions {
  /** Built-in scenario name, or a drill file name inside the drill ConfigMap. */
  readonly drill: string;
  /** Standard 5-field cron schedule. */
  readonly schedule: string;
  readonly image: string;
  readonly namespace?: string;
  readonly serviceAccount?: string;
  /** ConfigMap holding mesh.yaml (and drill files), mounted at /etc/okemesh. */
  readonly configMap?: string;
  /** PersistentVolumeClaim the journal and reports are written to (/var/lib/okemesh). */
  readonly resultsClaim?: string;
}

const CRON = /^(\S+\s+){4}\S+$/;

/**
 * A CronJob that runs `okemesh drill run` in-cluster on a schedule: concurrencyPolicy Forbid (the Lease lock
 * guards against overlap across clusters too), no retries (a drill is not retried blindly), results on a PVC.
 */
export function drillCronJob(options: CronJobOptions): Record<string, unknown> {
  if (!CRON.test(options.schedule.trim())) {
    throw new DrillError(
      'DRILL_SPEC_INVALID',
      `schedule "${options.schedule}" is not a 5-field cron expression`,
    );
  }
  const name = `okemesh-drill-${options.drill.replace(/\.ya?ml$/, '').replace(/[^a-z0-9-]/g, '-')}`
    .slice(0, 52)
    .replace(/-+$/, '');
  const configMap = options.configMap ?? 'okemesh-topology';
  const drillArg = /\.ya?ml$/.test(options.drill) ? `/etc/okemesh/${options.drill}` : options.drill;
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: {
      name,
      namespace: options.namespace ?? 'okemesh-system',
      labels: { 'app.kubernetes.io/name': 'okemesh-drill', 'app.kubernetes.io/managed-by': 'okemesh' },
    },
    spec: {
      schedule: options.schedule.trim(),
      concurrencyPolicy: 'Forbid',
      successfulJobsHistoryLimit: 5,
      failedJobsHistoryLimit: 5,
      jobTemplate: {
        spec: {
          backoffLimit: 0,
          template: {
            metadata: { labels: { 'app.kubernetes.io/name': 'okemesh-drill' } },
            spec: {
              serviceAccountName: options.serviceAccount ?? 'okemesh-drill',
              restartPolicy: 'Never',
              securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
              containers: [
                {
                  name: 'drill',
                  image: options.image,
                  args: [
                    'drill',
                    'run',
                    drillArg,
                    '-f',
                    '/etc/okemesh/mesh.yaml',
                    '--out',
                    '/var/lib/okemesh/drills',
                  ],
                  securityContext: {
                    allowPrivilegeEscalation: false,
                    readOnlyRootFilesystem: true,
                    capabilities: { drop: ['ALL'] },
                  },
                  volumeMounts: [
                    { name: 'config', mountPath: '/etc/okemesh', readOnly: true },
                    { name: 'results', mountPath: '/var/lib/okemesh' },
                  ],
                },
              ],
              volumes: [
                { name: 'config', configMap: { name: configMap } },
                options.resultsClaim
                  ? { name: 'results', persistentVolumeClaim: { claimName: options.resultsClaim } }
                  : { name: 'results', emptyDir: {} },
              ],
            },
          },
        },
      },
    },
  };
}
