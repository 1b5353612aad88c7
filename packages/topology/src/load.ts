import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import { checkTopology } from './checks/index.js';
import type { Finding } from './checks/finding.js';
import { TopologyError, type TopologyIssue } from './errors.js';
import { formatPath } from './path.js';
import { schemaFindings } from './schema-issues.js';
import { topologySchema, type Topology } from './schema/topology.js';
import { SourceMap } from './source-map.js';

export interface LoadedTopology {
  readonly topology: Topology;
  /** Problems that do not stop the topology from being used. */
  readonly warnings: readonly TopologyIssue[];
  readonly file: string;
}

export interface ParseOptions {
  /** Name used in every issue's location. */
  readonly file?: string;
}

const MAX_ALIAS_COUNT = 100;

/**
 * Parses and checks a topology document. Collects every problem (YAML syntax, then schema, then
 * semantic checks) and throws one {@link TopologyError} that lists them all with file:line:column.
 */
export function parseTopology(text: string, options: ParseOptions = {}): LoadedTopology {
  const file = options.file ?? 'mesh.yaml';
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const map = new SourceMap(document, lines);

  if (document.errors.length > 0) {
    const issues = document.errors.map((err): TopologyIssue => {
      const pos = map.at(err.pos[0]);
      return {
        severity: 'error',
        rule: 'yaml',
        file,
        line: pos.line,
        column: pos.column,
        path: '',
        message: err.message.split('\n')[0] ?? err.message,
        hint: 'fix the YAML syntax (indentation, quoting, duplicate keys)',
      };
    });
    throw new TopologyError('TOPOLOGY_YAML_SYNTAX', issues);
  }

  let raw: unknown;
  try {
    raw = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (cause) {
    const issue: TopologyIssue = {
      severity: 'error',
      rule: 'yaml',
      file,
      line: 1,
      column: 1,
      path: '',
      message: cause instanceof Error ? cause.message : String(cause),
      hint: 'remove excessive YAML aliases',
    };
    throw new TopologyError('TOPOLOGY_YAML_SYNTAX', [issue], { cause });
  }

  const locate = (finding: Finding): TopologyIssue => {
    const pos = map.locate(finding.path);
    const base = {
      severity: finding.severity,
      rule: finding.rule,
      file,
      line: pos.line,
      column: pos.column,
      path: formatPath(finding.path),
      message: finding.message,
    };
    return finding.hint === undefined ? base : { ...base, hint: finding.hint };
  };

  const parsed = topologySchema.safeParse(raw ?? {}, { reportInput: true });
  if (!parsed.success) {
    const schemaIssues = schemaFindings(parsed.error.issues);
    // Unknown fields alone do not stop the semantic checks: report those problems in the same run.
    const onlyUnknown = parsed.error.issues.every((issue) => issue.code === 'unrecognized_keys');
    const stripped = onlyUnknown
      ? topologySchema.safeParse(withoutPaths(raw, schemaIssues), { reportInput: true })
      : undefined;
    const semantic = stripped?.success ? checkTopology(stripped.data) : [];
    throw new TopologyError('TOPOLOGY_INVALID', sortIssues([...schemaIssues, ...semantic].map(locate)));
  }

  const issues = sortIssues(checkTopology(parsed.data).map(locate));
  if (issues.some((issue) => issue.severity === 'error')) {
    throw new TopologyError('TOPOLOGY_INVALID', issues);
  }
  return { topology: parsed.data, warnings: issues, file };
}

/** Reads a topology file from disk; I/O failures become a located {@link TopologyError}. */
/** Plain sentences for the ways reading a topology file fails (never Node's `EISDIR: illegal operation`). */
const READ_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'file not found',
  EISDIR: 'is a directory, not a topology file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is a file, not a directory',
  ELOOP: 'too many symbolic links',
};

export async function loadTopologyFile(path: string): Promise<LoadedTopology> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code ?? '';
    const reason = READ_REASONS[code] ?? `cannot be read (${code || String(cause)})`;
    throw new TopologyError(
      'TOPOLOGY_READ_FAILED',
      [
        {
          severity: 'error',
          rule: 'read',
          file: path,
          line: 1,
          column: 1,
          path: '',
          message: reason,
          hint: 'pass the path of a mesh.yaml (okemesh init writes one)',
        },
      ],
      { cause },
    );
  }
  return parseTopology(text, { file: path });
}

/** A deep copy of `raw` without the fields at the findings' paths. */
function withoutPaths(raw: unknown, findings: readonly Finding[]): unknown {
  const copy: unknown = structuredClone(raw);
  for (const { path } of findings) {
    let node: unknown = copy;
    for (const key of path.slice(0, -1)) node = (node as Record<string | number, unknown> | undefined)?.[key];
    if (node && typeof node === 'object') Reflect.deleteProperty(node, path.at(-1)!);
  }
  return copy;
}

function sortIssues(issues: TopologyIssue[]): TopologyIssue[] {
  return issues.sort((a, b) => a.line - b.line || a.column - b.column || a.message.localeCompare(b.message));
}
