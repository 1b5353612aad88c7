import type { Drill, WriterSpecInput as DrillWriterInput } from '@okemesh/drills';
import type { Topology } from '@okemesh/topology';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';

export interface DrillSourceOptions {
  readonly cluster?: string;
  readonly url?: string;
  readonly hold?: string;
  /** YAML file with the RPO writer (spec.writer) for the database scenarios. */
  readonly writer?: string;
  readonly unplanned?: boolean;
}

/** The `--writer` file as an object; the drill schema validates it (passwords may only be named there). */
export async function readWriter(io: Io, file: string | undefined): Promise<unknown> {
  if (!file) return undefined;
  const path = resolve(io.cwd, file);
  const text = await readFile(path, 'utf8').catch(() => {
    throw new UsageError(`cannot read writer file ${path}`);
  });
  return parse(text) as unknown;
}

/** A drill from a built-in scenario name or a drill YAML file, validated against the topology. */
export async function loadDrill(
  io: Io,
  source: string,
  topology: Topology,
  options: DrillSourceOptions,
): Promise<Drill> {
  const drills = await import('@okemesh/drills');
  try {
    if ((drills.scenarioNames as readonly string[]).includes(source)) {
      const writer = (await readWriter(io, options.writer)) as DrillWriterInput | undefined;
      return drills.scenarioDrill(source as (typeof drills.scenarioNames)[number], topology, {
        ...(options.cluster ? { cluster: options.cluster } : {}),
        ...(options.url ? { url: options.url } : {}),
        ...(options.hold ? { hold: options.hold } : {}),
        ...(writer ? { writer } : {}),
        ...(options.unplanned ? { unplanned: true } : {}),
      });
    }
    if (!/\.(ya?ml|json)$/.test(source)) {
      throw new UsageError(
        `"${source}" is neither a scenario (${drills.scenarioNames.join(', ')}) nor a drill file (.yaml)`,
      );
    }
    // A drill file names its own clusters and probe URLs; only the hold can be changed from the command line.
    const shaping = [options.cluster && '--cluster', options.url && '--url'].filter(Boolean);
    if (shaping.length > 0)
      throw new UsageError(
        `${shaping.join(' and ')} shape${shaping.length === 1 ? 's' : ''} a built-in scenario; ${source} names its own clusters and probe URLs: edit the file instead`,
      );
    const path = resolve(io.cwd, source);
    const text = await readFile(path, 'utf8').catch(() => {
      throw new UsageError(`cannot read drill file ${path}`);
    });
    const drill = drills.parseDrill(text, topology, source);
    if (options.hold === undefined) return drill;
    const { parseDuration } = await import('@okemesh/topology');
    if (parseDuration(options.hold) === undefined)
      throw new UsageError(`--hold ${options.hold} is not a duration (e.g. 90s, 2m)`);
    return { ...drill, spec: { ...drill.spec, hold: options.hold } };
  } catch (error) {
    if (drills.isDrillError(error)) throw new UsageError(error.message);
    throw error;
  }
}
