import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ENTITY, startOkemesh, type HarnessOptions } from './backend-harness.js';
import { postgresBin, startPostgres, type PostgresServer } from './postgres-server.js';

// The backends under test keep their database in a real PostgreSQL (Debian's, started here). In CI
// .ci/run installs it, so a missing server there fails loudly instead of skipping.
const bin = postgresBin();
if (!bin)
  console.warn(
    'okemesh backend route tests skipped: no PostgreSQL under /usr/lib/postgresql (apt-get install postgresql)',
  );
if (!bin && process.env['CI']) throw new Error('CI must provide PostgreSQL (apt-get install postgresql)');

/** Buffers any body as text (supertest leaves e.g. application/x-ndjson unread). */
const asText = (
  res: { on(event: string, fn: (chunk?: Buffer) => void): void },
  done: (e: null, body: string) => void,
) => {
  let body = '';
  res.on('data', (chunk) => (body += String(chunk)));
  res.on('end', () => done(null, body));
};

type Okemesh = Awaited<ReturnType<typeof startOkemesh>>;
let pg: PostgresServer;
const started: Okemesh[] = [];
const start = async (options: HarnessOptions = {}) => {
  const o = await startOkemesh(pg, options);
  started.push(o);
  return o;
};
beforeAll(async () => {
  if (bin) pg = await startPostgres(bin);
});
afterEach(async () => {
  for (const o of started.splice(0)) await o.stop();
});
afterAll(async () => {
  await pg?.stop();
});

/** Every protected route; `:id` is filled in with a finished run where one is needed. */
const routes = [
  ['get', `${ENTITY}/topology`],
  ['get', `${ENTITY}/drills`],
  ['get', `${ENTITY}/drills/history`],
  ['post', `${ENTITY}/drills`],
  ['get', `${ENTITY}/drills/:id`],
  ['get', `${ENTITY}/drills/:id/report`],
  ['get', `${ENTITY}/drills/:id/journal`],
] as const;

const call = (o: Okemesh, method: 'get' | 'post', path: string, id: string, auth?: string) => {
  const req = o.http()[method](path.replace(':id', id));
  if (auth !== undefined) req.set('Authorization', auth);
  return method === 'post' ? req.send({ scenario: 'ingress-failure' }) : req;
};

describe.skipIf(!bin)('okemesh backend routes: 401 / 403 / 2xx for every route', () => {
  it('/health is the only route open without credentials', async () => {
    const o = await start();
    const res = await o.http().get('/api/okemesh/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it.each(routes)('%s %s without credentials is 401', async (method, path) => {
    const o = await start();
    const res = await call(o, method, path, 'any');
    expect(res.status).toBe(401);
  });

  it.each(routes)('%s %s with the permission denied is 403', async (method, path) => {
    const o = await start({ permission: AuthorizeResult.DENY });
    const res = await call(o, method, path, 'any', o.user);
    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('NotAllowedError');
  });

  it('every route answers an allowed owner (POST 202, the rest 200)', async () => {
    const o = await start();
    const post = await call(o, 'post', `${ENTITY}/drills`, '', o.user);
    expect(post.status).toBe(202);
    o.runner.release();
    await o.finished(post.body.id);
    for (const [method, path] of routes) {
      if (method === 'post') continue;
      const res = await call(o, method, path, post.body.id, o.user);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
    }
  });
});

describe.skipIf(!bin)('okemesh backend behaviour', () => {
  it('summarises the topology read from the annotation relative to the source location', async () => {
    const o = await start();
    const res = await o.http().get(`${ENTITY}/topology`).set('Authorization', o.user);
    expect(o.reads).toEqual(['https://git.example.com/shop/blob/main/mesh.yaml']);
    expect(res.body).toMatchObject({
      entityRef: 'component:default/shop',
      name: 'bookinfo',
      meshId: 'bookinfo-mesh',
      networks: ['network1', 'network2'],
      eastWest: [{ from: 'primary-cluster', to: 'secondary-cluster' }],
      regions: [
        {
          name: 'us-sanjose-1',
          clusters: [{ name: 'primary-cluster', role: 'primary', network: 'network1' }],
        },
        {
          name: 'us-chicago-1',
          clusters: [{ name: 'secondary-cluster', role: 'secondary', network: 'network2' }],
        },
      ],
    });
    expect(res.body.services).toContainEqual({
      name: 'productpage',
      namespace: 'bookinfo',
      mode: 'active-passive',
      activeRegions: ['us-sanjose-1'],
      passiveRegions: ['us-chicago-1'],
    });
    expect(res.body.slos).toContainEqual({ name: 'rto', target: '15m', seconds: 900 });
    expect(res.body.lint.status).toBe('pass');
    expect(res.body.rendered.objects).toBeGreaterThan(10);
  });

  it('answers 404 with the code for an entity without the annotation, or one the caller cannot see', async () => {
    const o = await start();
    const none = await o
      .http()
      .get('/api/okemesh/entities/component/default/plain/topology')
      .set('Authorization', o.user);
    expect(none.status).toBe(404);
    expect(none.body.error.message).toContain('OKEMESH_NO_ANNOTATION');
    const missing = await o
      .http()
      .get('/api/okemesh/entities/component/default/nope/drills')
      .set('Authorization', o.user);
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain('OKEMESH_ENTITY_NOT_FOUND');
  });

  it('lists the scenarios the topology can run', async () => {
    const o = await start();
    const res = await o.http().get(`${ENTITY}/drills`).set('Authorization', o.user);
    expect(res.body.drills.map((d: { scenario: string }) => d.scenario)).toContain('ingress-failure');
  });

  it('runs a drill under the lock: a second start is 409 until it finishes, then history, report and journal', async () => {
    const o = await start();
    const first = await o
      .http()
      .post(`${ENTITY}/drills`)
      .set('Authorization', o.user)
      .send({ scenario: 'ingress-failure' });
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({
      status: 'running',
      initiatedBy: 'user:default/mock',
      sloRtoSeconds: 900,
    });
    const second = await o
      .http()
      .post(`${ENTITY}/drills`)
      .set('Authorization', o.user)
      .send({ scenario: 'full-region' });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toContain('OKEMESH_DRILL_LOCKED');
    expect(second.body.error.message).toContain(first.body.id);

    o.runner.release();
    const done = await o.finished(first.body.id);
    expect(done).toMatchObject({ status: 'passed', rtoSeconds: 42, phase: 'passed' });
    expect(o.runner.inputs[0]?.drill.metadata.name).toBeTruthy();

    const history = await o.http().get(`${ENTITY}/drills/history`).set('Authorization', o.user);
    expect(history.body.runs.map((r: { id: string }) => r.id)).toEqual([first.body.id]);
    const report = await o
      .http()
      .get(`${ENTITY}/drills/${first.body.id}/report`)
      .set('Authorization', o.user);
    expect(report.headers['content-type']).toContain('text/markdown');
    expect(report.headers['content-disposition']).toContain(`drill-${first.body.id}.md`);
    expect(report.text).toContain('RTO 42 s');
    const journal = await o
      .http()
      .get(`${ENTITY}/drills/${first.body.id}/journal`)
      .set('Authorization', o.user)
      .buffer(true)
      .parse(asText);
    expect(journal.headers['content-disposition']).toContain(`drill-${first.body.id}.jsonl`);
    expect(
      String(journal.body)
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).phase),
    ).toEqual(['started', 'fault injected', 'recovered', 'passed']);
    const again = await o
      .http()
      .post(`${ENTITY}/drills`)
      .set('Authorization', o.user)
      .send({ scenario: 'full-region' });
    expect(again.status).toBe(202);
  });

  it('refuses a drill to a user who does not own the entity (403 OKEMESH_NOT_OWNER) and an unknown scenario (400)', async () => {
    const o = await start({ ownership: ['user:default/mock', 'group:default/team-b'] });
    const res = await o
      .http()
      .post(`${ENTITY}/drills`)
      .set('Authorization', o.user)
      .send({ scenario: 'ingress-failure' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('OKEMESH_NOT_OWNER');
    const owner = await start();
    const bad = await owner
      .http()
      .post(`${ENTITY}/drills`)
      .set('Authorization', owner.user)
      .send({ scenario: 'meteor' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('OKEMESH_UNKNOWN_SCENARIO');
  });

  it('lets a service principal run a drill without the ownership check, recorded as the service', async () => {
    const o = await start({ ownership: [] });
    const res = await o
      .http()
      .post(`${ENTITY}/drills`)
      .set(
        'Authorization',
        mockCredentials.service.header({
          onBehalfOf: mockCredentials.service('plugin:scaffolder'),
          targetPluginId: 'okemesh',
        }),
      )
      .send({ scenario: 'ingress-failure' });
    expect(res.status).toBe(202);
    expect(res.body.initiatedBy).toBe('service:plugin:scaffolder');
  });

  it('never returns the configured kube or OCI credentials', async () => {
    const secret = 'SECRET-KUBECONFIG-CONTENT';
    const key = '-----BEGIN PRIVATE KEY-----SECRETKEY';
    const o = await start({
      config: {
        okemesh: { clusters: [{ name: 'primary-cluster', kubeconfig: secret }], oci: { privateKey: key } },
      },
    });
    const post = await o
      .http()
      .post(`${ENTITY}/drills`)
      .set('Authorization', o.user)
      .send({ scenario: 'ingress-failure' });
    o.runner.release();
    await o.finished(post.body.id);
    for (const path of [
      'topology',
      'drills',
      'drills/history',
      `drills/${post.body.id}`,
      `drills/${post.body.id}/report`,
      `drills/${post.body.id}/journal`,
    ]) {
      const res = await o
        .http()
        .get(`${ENTITY}/${path}`)
        .set('Authorization', o.user)
        .buffer(true)
        .parse(asText);
      expect(res.status).toBe(200);
      expect(String(res.body)).not.toContain(secret);
      expect(String(res.body)).not.toContain('SECRETKEY');
    }
  });
});

describe.skipIf(!bin)('okemesh backend wiring', () => {
  it('registers both permissions with the permissions registry', async () => {
    const registry = mockServices.permissionsRegistry.mock();
    await start({ extra: [registry.factory] });
    expect(registry.addPermissions).toHaveBeenCalledWith([
      expect.objectContaining({ name: 'okemesh.topology.read' }),
      expect.objectContaining({ name: 'okemesh.drill.run' }),
    ]);
  });

  it('emits a high-severity drill-run audit event that succeeds with the run id, or fails', async () => {
    const success = vi.fn();
    const fail = vi.fn();
    const auditor = mockServices.auditor.mock({ createEvent: vi.fn(async () => ({ success, fail })) });
    const o = await start({ extra: [auditor.factory] });
    const ok = await o
      .http()
      .post(`${ENTITY}/drills`)
      .set('Authorization', o.user)
      .send({ scenario: 'ingress-failure' });
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'drill-run',
        severityLevel: 'high',
        meta: { entityRef: 'component:default/shop', scenario: 'ingress-failure' },
      }),
    );
    expect(success).toHaveBeenCalledWith({ meta: { runId: ok.body.id } });
    const locked = await o
      .http()
      .post(`${ENTITY}/drills`)
      .set('Authorization', o.user)
      .send({ scenario: 'ingress-failure' });
    expect(locked.status).toBe(409);
    expect(fail).toHaveBeenCalledTimes(1);
    expect(String(fail.mock.calls[0]?.[0].error.message)).toContain('OKEMESH_DRILL_LOCKED');
  });

  it('schedules the drills task, which starts the configured drills at startup under the mock scheduler', async () => {
    const o = await start({
      config: {
        okemesh: {
          schedule: { frequency: { hours: 6 }, timeout: { minutes: 30 } },
          scheduledDrills: [{ entityRef: 'component:default/shop', scenario: 'east-west-failure' }],
        },
      },
    });
    let runs: { scenario: string; initiatedBy: string }[] = [];
    while (runs.length === 0) {
      runs = (await o.http().get(`${ENTITY}/drills/history`).set('Authorization', o.user)).body.runs;
    }
    expect(runs).toEqual([
      expect.objectContaining({ scenario: 'east-west-failure', initiatedBy: 'scheduler' }),
    ]);
  });
});
