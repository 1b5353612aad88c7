// Lint benchmark: resources/second on a generated 20,000-resource multicluster directory, and wall time for
// the whole istioctl conformance corpus. Baseline (same run): reading the same files and parsing them with the
// `yaml` package (parseAllDocuments + toJS), i.e. what any YAML-reading tool pays before it checks anything.
// Goal (issue 14 item 2): okemesh lint end to end (read, parse with positions for file:line, lint) >= 10k resources/s.
// Run: npm run build -w @okemesh/mesh-config && node bench/lint.ts   (Node 24, type stripping; imports dist)
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint, loadLintInput, parseManifests } from '@okemesh/mesh-config';
import { parseAllDocuments } from 'yaml';

const CLUSTERS = 4;
const SERVICES_PER_CLUSTER = 1250; // × (Service, DestinationRule, VirtualService, AuthorizationPolicy) × 4 clusters = 20,000

function serviceDocs(i: number): string {
  const ns = `ns-${i % 20}`;
  const name = `svc-${i}`;
  const host = `${name}.${ns}.svc.cluster.local`;
  return `apiVersion: v1
kind: Service
metadata: { name: ${name}, namespace: ${ns} }
spec:
  selector: { app: ${name} }
  ports: [{ name: http, port: 8080 }, { name: grpc-admin, port: 9090 }]
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: { name: ${name}, namespace: ${ns} }
spec:
  host: ${host}
  trafficPolicy:
    connectionPool: { tcp: { connectTimeout: 2s, maxConnections: 1024 } }
    loadBalancer:
      simple: LEAST_REQUEST
      localityLbSetting: { enabled: true, failover: [{ from: us-ashburn-1, to: us-phoenix-1 }] }
    outlierDetection: { consecutive5xxErrors: 5, interval: 10s, baseEjectionTime: 30s, maxEjectionPercent: 100 }
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: ${name}, namespace: ${ns} }
spec:
  hosts: [${host}]
  http:
    - name: http
      match: [{ port: 8080 }]
      retries: { attempts: 2, perTryTimeout: 1s, retryOn: "connect-failure,refused-stream,5xx" }
      route: [{ destination: { host: ${host}, port: { number: 8080 } } }]
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: { name: ${name}, namespace: ${ns} }
spec:
  selector: { matchLabels: { app: ${name} } }
  rules: [{ from: [{ source: { principals: ["cluster.local/ns/${ns}/sa/*"] } }] }]
`;
}

function generate(root: string): number {
  let resources = 0;
  for (let c = 0; c < CLUSTERS; c += 1) {
    for (let i = 0; i < SERVICES_PER_CLUSTER; i += 1) {
      const file = join(root, 'clusters', `c${c}`, `ns-${i % 20}`, `svc-${i}.yaml`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, serviceDocs(i));
      resources += 4;
    }
  }
  return resources;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function time<T>(runs: number, fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const samples: number[] = [];
  let value: T | undefined;
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    value = await fn();
    samples.push(performance.now() - start);
  }
  return { ms: median(samples), value: value as T };
}

/** The baseline: read every file and parse it with `yaml`, nothing else. */
async function rawYamlParse(root: string): Promise<number> {
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
  let values = 0;
  for (const file of files)
    for (const doc of parseAllDocuments(await readFile(file, 'utf8'))) if (doc.toJS() !== null) values += 1;
  return values;
}

const rate = (resources: number, ms: number): string =>
  Math.round(resources / (ms / 1000))
    .toLocaleString('en-US')
    .padStart(9);

async function multicluster(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'okemesh-lint-bench-'));
  try {
    const resources = generate(root);
    const raw = await time(3, () => rawYamlParse(root));
    if (raw.value !== resources) throw new Error(`baseline parsed ${raw.value} of ${resources} resources`);
    const parse = await time(3, () => loadLintInput([root]));
    const input = parse.value;
    // The application workloads are not in the manifests: declare them, as `okemesh lint --topology` does.
    const services = Array.from({ length: SERVICES_PER_CLUSTER }, (_, i) => ({
      name: `svc-${i}`,
      namespace: `ns-${i % 20}`,
      ports: [{ name: 'http', number: 8080 }],
    }));
    const check = await time(3, () => lint(input.documents, { mesh: { services } }));
    const total = parse.ms + check.ms;
    // Worst case for lazy positions: every document has a finding, so every file is parsed again for lines.
    const located = await time(1, () =>
      input.documents.reduce((n, d) => n + d.locate(['metadata', 'name']).line, 0),
    );
    console.log(
      `multicluster directory: ${CLUSTERS} clusters, ${resources} resources, ${input.files} files (median of 3)`,
    );
    console.log(
      `  read + yaml parse (baseline)  ${raw.ms.toFixed(0).padStart(7)} ms  ${rate(resources, raw.ms)} resources/s  1.00x`,
    );
    console.log(
      `  loadLintInput (read + parse)  ${parse.ms.toFixed(0).padStart(7)} ms  ${rate(resources, parse.ms)} resources/s  ${(raw.ms / parse.ms).toFixed(2)}x baseline speed`,
    );
    console.log(
      `  lint() (all analyzers+rules)  ${check.ms.toFixed(0).padStart(7)} ms  ${rate(resources, check.ms)} resources/s`,
    );
    console.log(
      `  okemesh lint end to end       ${total.toFixed(0).padStart(7)} ms  ${rate(resources, total)} resources/s  ${(raw.ms / total).toFixed(2)}x baseline speed  (${check.value.length} findings; goal >= 10,000 resources/s)`,
    );
    console.log(
      `  + line of every resource      ${located.ms.toFixed(0).padStart(7)} ms  (worst case: a finding in every file re-parses it with yaml for positions)`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function conformance(): Promise<void> {
  const dir = fileURLToPath(new URL('../../../../shared/conformance/istio-analyzers/', import.meta.url));
  const cases = (
    JSON.parse(readFileSync(`${dir}cases.json`, 'utf8')) as { cases: { inputFiles: string[] }[] }
  ).cases;
  const texts = cases.map((c) => c.inputFiles.map((f) => [f, readFileSync(dir + f, 'utf8')] as const));
  const parseAll = () => texts.map((files) => files.flatMap(([f, t]) => parseManifests(t, f).documents));
  const parse = await time(5, parseAll);
  const docs = parse.value;
  const check = await time(5, () => docs.map((d) => lint(d)).length);
  console.log(
    `conformance corpus: ${cases.length} cases, ${docs.reduce((n, d) => n + d.length, 0)} documents (median of 5)`,
  );
  console.log(`  parse YAML (baseline)         ${parse.ms.toFixed(1).padStart(7)} ms  1.00x`);
  console.log(
    `  lint() every case             ${check.ms.toFixed(1).padStart(7)} ms  ${(check.ms / parse.ms).toFixed(2)}x baseline`,
  );
  console.log(`  wall time, whole corpus       ${(parse.ms + check.ms).toFixed(1).padStart(7)} ms`);
}

await multicluster();
await conformance();
