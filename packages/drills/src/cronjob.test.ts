import { describe, expect, it } from 'vitest';
import { drillCronJob } from './cronjob.js';

describe('drillCronJob', () => {
  it('renders a Forbid-concurrency CronJob that runs the drill in-cluster', () => {
    const job = drillCronJob({
      drill: 'east-west-failure',
      schedule: '0 3 * * 1',
      image: 'ghcr.io/okemesh/cli:0.1.0',
      resultsClaim: 'drill-results',
    });
    expect(job).toMatchObject({
      kind: 'CronJob',
      metadata: { name: 'okemesh-drill-east-west-failure', namespace: 'okemesh-system' },
      spec: {
        schedule: '0 3 * * 1',
        concurrencyPolicy: 'Forbid',
        jobTemplate: { spec: { backoffLimit: 0 } },
      },
    });
    const text = JSON.stringify(job);
    expect(text).toContain(
      '"args":["drill","run","east-west-failure","-f","/etc/okemesh/mesh.yaml","--out","/var/lib/okemesh/drills"]',
    );
    expect(text).toContain('"claimName":"drill-results"');
  });

  it('mounts drill files from the ConfigMap and rejects bad schedules', () => {
    expect(
      JSON.stringify(drillCronJob({ drill: 'reviews.yaml', schedule: '*/30 * * * *', image: 'x' })),
    ).toContain('/etc/okemesh/reviews.yaml');
    expect(() => drillCronJob({ drill: 'x', schedule: 'weekly', image: 'x' })).toThrow(/5-field cron/);
  });
});
