import { access, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
// yaml is bundled into the CLI (tsup.config.ts), where a dynamic import of it would see only a default export.
import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import { CommandFailed, UsageError } from '../errors.js';
import { paint, printJson } from '../io.js';
import { jsonOption, type CommandGroup } from '../program.js';

interface InitOptions {
  readonly output: string;
  readonly force?: boolean;
  readonly name?: string;
  readonly meshId?: string;
  readonly trustDomain?: string;
  readonly istioVersion?: string;
  readonly cluster?: string[];
  readonly json?: boolean;
}

interface ClusterFlag {
  readonly name: string;
  readonly region: string;
}

function parseClusterFlag(value: string): ClusterFlag {
  const match = /^([a-z0-9-]+)@([a-z0-9-]+)$/.exec(value);
  if (!match)
    throw new UsageError(`--cluster "${value}" must look like <name>@<region>, e.g. east@us-ashburn-1`);
  return { name: match[1]!, region: match[2]! };
}

/** Rewrites the example's clusters (and the regions services fail over to) from --cluster flags. */
async function applyClusters(document: Document, flags: readonly ClusterFlag[]): Promise<void> {
  const clusters = document.getIn(['spec', 'clusters']);
  if (!isSeq(clusters)) return;
  const template = clusters.items[1];
  const items = flags.map((flag, i) => {
    const node = document.createNode((template as { toJSON(): unknown }).toJSON());
    const set = (path: (string | number)[], value: unknown) =>
      (node as { setIn: Document['setIn'] }).setIn(path, value);
    set(['name'], flag.name);
    set(['region'], flag.region);
    set(['role'], i === 0 ? 'primary' : 'secondary');
    set(['network'], `network${i + 1}`);
    set(['kubeContext'], `${flag.name}-context`);
    (node as { delete(key: string): void }).delete('ocid');
    set(['vcn', 'cidr'], `10.${i}.0.0/16`);
    set(['pods', 'subnets', 0, 'cidr'], `10.${i}.10.0/24`);
    set(['services', 'cidr'], `10.${96 + i}.0.0/16`);
    return node;
  });
  document.setIn(['spec', 'clusters'], document.createNode(items));
  const regions = [...new Set(flags.map((f) => f.region))];
  const services = document.getIn(['spec', 'services']);
  if (!isSeq(services)) return;
  for (const service of services.items) {
    if (!isMap(service)) continue;
    const mode = service.getIn(['failover', 'mode']);
    if (mode === 'active-passive') service.setIn(['failover', 'regions'], document.createNode(regions));
    else {
      const share = Math.floor(100 / regions.length);
      const weights = Object.fromEntries(
        regions.map((r, i) => [r, i === 0 ? 100 - share * (regions.length - 1) : share]),
      );
      service.setIn(['failover', 'weights'], document.createNode(weights, { flow: true }));
    }
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

export const registerInit: CommandGroup = (program, { io }) => {
  program
    .command('init')
    .description('write a commented mesh.yaml (and mesh.schema.json) from the built-in example or from flags')
    .option('-o, --output <file>', 'where to write the topology', 'mesh.yaml')
    .option('--force', 'overwrite an existing topology file and mesh.schema.json')
    .option('--name <name>', 'metadata.name of the topology')
    .option('--mesh-id <id>', 'Istio mesh ID')
    .option('--trust-domain <domain>', 'SPIFFE trust domain')
    .option('--istio-version <version>', 'Istio release, e.g. 1.30.3')
    .option(
      '--cluster <name@region>',
      'a cluster (repeat for each; address ranges are allocated without overlaps)',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .addOption(jsonOption())
    .action(async (options: InitOptions) => {
      const { exampleTopologyText, parseTopology, topologyJsonSchema } = await import('@okemesh/topology');
      const target = resolve(io.cwd, options.output);
      const document = parseDocument(exampleTopologyText());
      if (options.name) document.setIn(['metadata', 'name'], options.name);
      if (options.meshId) document.setIn(['spec', 'mesh', 'id'], options.meshId);
      if (options.trustDomain) document.setIn(['spec', 'mesh', 'trustDomain'], options.trustDomain);
      if (options.istioVersion) {
        document.setIn(['spec', 'mesh', 'istio', 'version'], options.istioVersion);
        document.setIn(['spec', 'mesh', 'istio', 'revision'], options.istioVersion.replaceAll('.', '-'));
      }
      if (options.cluster) {
        const flags = options.cluster.map(parseClusterFlag);
        if (flags.length < 2) throw new UsageError('a failover mesh needs at least two --cluster flags');
        await applyClusters(document, flags);
      }
      const text = document.toString({ lineWidth: 0 });
      // Never write a file okemesh itself would reject.
      try {
        parseTopology(text, { file: options.output });
      } catch (error) {
        throw new CommandFailed(`the flags produce an invalid topology:\n${(error as Error).message}`);
      }
      if (!options.force && (await exists(target))) {
        throw new UsageError(`${options.output} already exists; pass --force to overwrite it`);
      }
      await writeFile(target, text);
      // mesh.schema.json sits beside the topology for editor completion; an existing one that differs (the
      // user's, or another release's) is replaced only with --force, like the topology itself.
      const schemaPath = join(dirname(target), 'mesh.schema.json');
      const schema = `${JSON.stringify(topologyJsonSchema(), null, 2)}\n`;
      const current = await readFile(schemaPath, 'utf8').catch(() => undefined);
      const keptSchema = current !== undefined && current !== schema && !options.force;
      if (!keptSchema && current !== schema) await writeFile(schemaPath, schema);
      const schemaShown = relative(io.cwd, schemaPath) || schemaPath;
      if (options.json) {
        printJson(io, {
          topology: target,
          schema: schemaPath,
          schemaWritten: !keptSchema,
          next: `okemesh validate -f ${options.output}`,
        });
        return;
      }
      if (keptSchema)
        io.stderr(
          `${paint(io, 'yellow', 'warning:')} kept the existing ${schemaShown}, which differs from this release's schema (pass --force to replace it)\n`,
        );
      io.stdout(
        `wrote ${options.output}${keptSchema ? '' : ` and ${schemaShown}`}; next: okemesh validate -f ${options.output}\n`,
      );
    });
};
