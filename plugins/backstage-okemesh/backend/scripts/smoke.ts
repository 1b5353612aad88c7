// Smoke test: a real Backstage backend (@backstage/backend-defaults, catalog + okemesh) on 127.0.0.1, once
// with SQLite in memory and once with PostgreSQL (Debian's, started here). It registers a catalog entity with
// the okemesh.io/topology annotation, calls the okemesh routes with a static external-access token, and
// stops the backend cleanly. Needs `npx nx run @okemesh/backstage-plugin-okemesh-backend:build` first.
// Run: npm run smoke -w @okemesh/backstage-plugin-okemesh-backend
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { postgresBin, startPostgres, type PostgresServer } from '../test/postgres-server.ts';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const meshYaml = readFileSync(
  join(dirname(require.resolve('@okemesh/topology/package.json')), 'examples', 'mesh.yaml'),
);

function fail(message: string): never {
  throw new Error(`smoke: ${message}`);
}

/** Serves the entity's repository: catalog-info.yaml next to mesh.yaml. */
async function serveRepository(): Promise<{ server: Server; base: string }> {
  const entity = stringify({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'shop', annotations: { 'okemesh.io/topology': './mesh.yaml' } },
    spec: { type: 'service', lifecycle: 'production', owner: 'group:default/team-a' },
  });
  const server = createServer((req, res) => {
    if (req.url === '/repo/catalog-info.yaml') res.end(entity);
    else if (req.url === '/repo/mesh.yaml') res.end(meshYaml);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/repo/` };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, child: ChildProcess): Promise<T> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      fail(`the backend exited (${child.exitCode ?? child.signalCode}) while waiting for ${what}`);
    }
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return fail(`timed out waiting for ${what}`);
}

async function smoke(label: string, database: Record<string, unknown>, repo: string): Promise<void> {
  const started = Date.now();
  const token = randomBytes(24).toString('base64url');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dir = await mkdtemp(join(tmpdir(), 'okemesh-smoke-'));
  const config = join(dir, 'app-config.yaml');
  await writeFile(
    config,
    stringify({
      app: { baseUrl: 'http://127.0.0.1:3000' },
      backend: {
        baseUrl: base,
        listen: { host: '127.0.0.1', port },
        database,
        auth: { externalAccess: [{ type: 'static', options: { token, subject: 'okemesh-smoke' } }] },
        reading: { allow: [{ host: new URL(repo).host }] },
      },
      catalog: {
        rules: [{ allow: ['Component', 'Location'] }],
        locations: [{ type: 'url', target: `${repo}catalog-info.yaml` }],
      },
    }),
    { mode: 0o600 },
  );
  const child = spawn(process.execPath, [join(here, 'smoke-backend.cjs'), '--config', config], {
    cwd: join(here, '..'), // the backend looks for a package.json upwards from its cwd
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LOG_LEVEL: 'warn' },
  });
  let log = '';
  child.stdout?.on('data', (chunk) => (log += String(chunk)));
  child.stderr?.on('data', (chunk) => (log += String(chunk)));
  const auth = { Authorization: `Bearer ${token}` };
  const get = (path: string, headers: Record<string, string> = auth) => fetch(`${base}${path}`, { headers });
  try {
    await until(
      'readiness',
      async () => ((await get('/.backstage/health/v1/readiness')).ok ? true : undefined),
      child,
    );
    const ready = Date.now() - started;
    const entityPath = '/api/okemesh/entities/component/default/shop';
    await until(
      'the catalog entity',
      async () => ((await get('/api/catalog/entities/by-name/component/default/shop')).ok ? true : undefined),
      child,
    );

    const health = await get('/api/okemesh/health', {});
    if (health.status !== 200) fail(`/health without a token answered ${health.status}`);
    const anonymous = await get(`${entityPath}/topology`, {});
    if (anonymous.status !== 401) fail(`topology without a token answered ${anonymous.status}, not 401`);
    const topology = await get(`${entityPath}/topology`);
    const view = (await topology.json()) as { name?: string; lint?: { status: string }; source?: string };
    if (topology.status !== 200 || view.name !== 'bookinfo')
      fail(`topology answered ${topology.status}: ${JSON.stringify(view)}`);
    const drills = (await (await get(`${entityPath}/drills`)).json()) as { drills: { scenario: string }[] };
    if (!drills.drills.some((d) => d.scenario === 'ingress-failure'))
      fail('drill list has no ingress-failure');
    const post = await fetch(`${base}${entityPath}/drills`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ scenario: 'ingress-failure' }),
    });
    const run = (await post.json()) as { id: string; initiatedBy: string };
    if (post.status !== 202) fail(`POST drills answered ${post.status}: ${JSON.stringify(run)}`);
    // No runner module is installed: the run is recorded and ends in `error`, saying so.
    const finished = await until(
      'the drill to finish',
      async () => {
        const r = (await (await get(`${entityPath}/drills/${run.id}`)).json()) as {
          status: string;
          message?: string;
        };
        return r.status === 'running' ? undefined : r;
      },
      child,
    );
    if (finished.status !== 'error' || !finished.message?.includes('no drill runner'))
      fail(`drill ended ${JSON.stringify(finished)}`);
    const history = (await (await get(`${entityPath}/drills/history`)).json()) as { runs: { id: string }[] };
    if (history.runs[0]?.id !== run.id) fail('the run is not in the drill history');
    const journal = await (await get(`${entityPath}/drills/${run.id}/journal`)).text();
    if (!journal.includes('"phase":"started"')) fail('the journal has no start');
    console.log(
      `smoke ${label}: backend ready in ${ready} ms; entity ${view.source}, lint ${view.lint?.status}, drill ${run.id} by ${run.initiatedBy} -> ${finished.status}`,
    );
  } catch (error) {
    console.error(log.split(token).join('<token>'));
    child.kill('SIGKILL');
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
  // Clean stop: SIGTERM runs the backend's shutdown hooks and it exits 0.
  const gone = child.exitCode !== null || child.signalCode !== null;
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? String(code))),
  );
  if (!gone) child.kill('SIGTERM');
  const status = gone ? (child.signalCode ?? String(child.exitCode)) : await exited;
  if (status !== '0') {
    console.error(log.split(token).join('<token>'));
    fail(`${label}: the backend did not stop cleanly after SIGTERM (exit ${status})`);
  }
  console.log(`smoke ${label}: stopped cleanly`);
}

if (!existsSync(join(here, '..', 'dist', 'index.cjs'))) {
  fail('build the plugin first: npx nx run @okemesh/backstage-plugin-okemesh-backend:build');
}
const { server, base: repo } = await serveRepository();
let pg: PostgresServer | undefined;
try {
  await smoke('sqlite', { client: 'better-sqlite3', connection: ':memory:' }, repo);
  const bin = postgresBin();
  if (bin === undefined) {
    if (process.env['CI']) fail('CI must provide PostgreSQL (apt-get install postgresql)');
    console.warn(
      'smoke postgres skipped: no PostgreSQL under /usr/lib/postgresql (apt-get install postgresql)',
    );
  } else {
    pg = await startPostgres(bin);
    await smoke(
      'postgres',
      { client: 'pg', connection: { host: '127.0.0.1', port: pg.port, user: 'postgres' } },
      repo,
    );
  }
} finally {
  await pg?.stop();
  server.close();
}
