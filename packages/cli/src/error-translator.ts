import type { CertsErrorCode } from '@okemesh/certs';
import type { DrillErrorCode } from '@okemesh/drills';
import type { KubeErrorCode } from '@okemesh/kube';
import type { MeshConfigErrorCode } from '@okemesh/mesh-config';
import type { OciNetworkErrorCode } from '@okemesh/oci-network';
import type { TopologyErrorCode, TopologyIssue } from '@okemesh/topology';
import { ExitCode } from './exit-codes.js';

/** Codes the CLI itself raises, beside the libraries' own. */
export type CliErrorCode =
  'CLI_USAGE' | 'CLI_FAILED' | 'CLI_IO' | 'CLI_INPUT_TOO_DEEP' | 'CLI_NODE_VERSION' | 'CLI_INTERNAL';

/** Every error code a command can end with: the closed unions of every package the CLI drives. */
export type ErrorCode =
  | TopologyErrorCode
  | MeshConfigErrorCode
  | CertsErrorCode
  | OciNetworkErrorCode
  | DrillErrorCode
  | KubeErrorCode
  | CliErrorCode;

interface CodeRow {
  readonly exit: ExitCode;
  /** What the user can do about it, as an instruction. */
  readonly fix?: string;
}

const REPORT =
  'please report it at https://github.com/okemesh/okemesh/issues with the command and its --debug output';

/**
 * The one map from error code to exit code and fix. `satisfies Record<ErrorCode, …>` makes it exhaustive:
 * a code added to any package's union fails the CLI's typecheck until it has a row here.
 */
export const ERROR_CODES = {
  TOPOLOGY_YAML_SYNTAX: { exit: ExitCode.Findings, fix: 'correct the YAML at the position shown' },
  TOPOLOGY_INVALID: { exit: ExitCode.Findings },
  TOPOLOGY_READ_FAILED: { exit: ExitCode.Usage, fix: 'pass an existing topology file with -f' },

  MESH_RENDER_INPUT: {
    exit: ExitCode.Findings,
    fix: 'load the topology with parseTopology/loadTopologyFile',
  },
  MESH_RENDER_NSG_MISSING: {
    exit: ExitCode.Usage,
    fix: 'pass --east-west-nsg <cluster>=<nsg ocid> for every cluster',
  },
  MESH_LINK_UNSAFE_KUBECONFIG: { exit: ExitCode.Internal, fix: REPORT },
  MESH_LINK_ISTIO_MISSING: { exit: ExitCode.Findings, fix: 'install Istio first (RUNBOOK.md step 3)' },
  MESH_LINK_TOKEN_UNAVAILABLE: {
    exit: ExitCode.Findings,
    fix: 'apply the bundle first: it creates the istio-reader-service-account token Secret',
  },
  MESH_LINT_NO_INPUT: {
    exit: ExitCode.Usage,
    fix: 'pass YAML files or directories that hold *.yaml / *.yml',
  },
  MESH_LINT_INPUT_UNREADABLE: { exit: ExitCode.Usage },
  MESH_LINT_MESH_FILE_INVALID: {
    exit: ExitCode.Usage,
    fix: 'pass a MeshConfig / MeshNetworks YAML, or the istio ConfigMap that carries it',
  },
  MESH_LINT_KUSTOMIZE_FAILED: { exit: ExitCode.Usage, fix: 'correct the kustomization shown' },

  CERT_INVALID_OPTIONS: { exit: ExitCode.Usage },
  CERT_PARSE_FAILED: { exit: ExitCode.Usage, fix: 'pass PEM files produced by okemesh certs or openssl' },
  CERT_ROOT_EXISTS: {
    exit: ExitCode.Findings,
    fix: 'keep the existing root, or rotate it with okemesh certs rotate',
  },
  CERT_ROOT_MISSING: { exit: ExitCode.Usage, fix: 'create the root first: okemesh certs init' },
  CERT_CLUSTER_MISSING: {
    exit: ExitCode.Usage,
    fix: 'issue the intermediate first: okemesh certs issue --cluster <name>',
  },
  CERT_STORE_IO: { exit: ExitCode.Usage, fix: 'check the certificate store directory and its permissions' },
  CERT_PASSPHRASE_MISSING: {
    exit: ExitCode.Environment,
    fix: 'export the root key passphrase in the variable named by --passphrase-env (default OKEMESH_ROOT_KEY_PASSPHRASE)',
  },
  CERT_KEY_DECRYPT_FAILED: { exit: ExitCode.Usage, fix: 'check the root key passphrase' },
  CERT_BUNDLE_INVALID: { exit: ExitCode.Findings },
  CERT_ROOT_CHANGE_REFUSED: {
    exit: ExitCode.Findings,
    fix: 'change the root with okemesh certs rotate, which keeps both roots trusted during the change',
  },
  CERT_ROTATION_STATE: { exit: ExitCode.Findings, fix: 'continue or finish the rotation in progress' },

  OCI_AUTH_FAILED: {
    exit: ExitCode.Environment,
    fix: 'create an OCI config (oci setup config) or pass --config-file / --profile / --auth',
  },
  OCI_UNSUPPORTED_TOPOLOGY: { exit: ExitCode.Findings },
  OCI_UNSUPPORTED_CNI: {
    exit: ExitCode.Findings,
    fix: 'use the OCI VCN-native pod networking CNI for clusters that share a mesh',
  },
  OCI_INVALID_STEERING_POLICY: { exit: ExitCode.Findings },
  OCI_INVALID_HEALTH_CHECK: { exit: ExitCode.Findings },
  OCI_DISCOVERY_FAILED: {
    exit: ExitCode.Environment,
    fix: 'check the compartment and cluster OCIDs and that the profile may read them',
  },
  OCI_API_ERROR: {
    exit: ExitCode.Environment,
    fix: 'quote the opc-request-id to Oracle support if the cause is not clear',
  },
  OCI_TIMEOUT: { exit: ExitCode.Environment, fix: 'run the command again: applying is idempotent' },
  OCI_PEERING_FAILED: {
    exit: ExitCode.Environment,
    fix: 'check both DRGs and the peer region, then run again',
  },
  OCI_RULE_CONFLICT: { exit: ExitCode.Findings },
  OCI_NOT_OWNED: {
    exit: ExitCode.Findings,
    fix: 'okemesh changes only resources it created (freeform tag okemesh-mesh); change this one by hand',
  },
  OCI_ABORTED: { exit: ExitCode.Aborted, fix: 'run the command again to finish: applying is idempotent' },

  DRILL_SPEC_INVALID: { exit: ExitCode.Findings },
  DRILL_SPEC_REFERENCE: { exit: ExitCode.Findings, fix: 'name clusters and services the topology declares' },
  DRILL_PROBE_INVALID: { exit: ExitCode.Usage },
  DRILL_NO_TARGETS: { exit: ExitCode.Findings },
  DRILL_LOCKED: { exit: ExitCode.Environment },
  DRILL_FAULT_FAILED: { exit: ExitCode.Environment },
  DRILL_ROLLBACK_FAILED: {
    exit: ExitCode.Environment,
    fix: 'restore the cluster with okemesh drill recover <journal>',
  },
  DRILL_JOURNAL: { exit: ExitCode.Usage },
  DRILL_OCI_FAILED: {
    exit: ExitCode.Environment,
    fix: 'check the OCI profile (--profile) and its permissions',
  },
  DRILL_WRITER_FAILED: {
    exit: ExitCode.Environment,
    fix: 'check the writer connections in --writer and that the role may create a table',
  },
  DRILL_CREDENTIALS: {
    exit: ExitCode.Environment,
    fix: 'give the database password as passwordEnv (an environment variable) or passwordFile (mode 0600)',
  },

  KUBE_CONFIG_NOT_FOUND: {
    exit: ExitCode.Environment,
    fix: "pass --kubeconfig (or set KUBECONFIG) to a kubeconfig with every cluster's kubeContext (oci ce cluster create-kubeconfig writes one)",
  },
  KUBE_CONTEXT_NOT_FOUND: {
    exit: ExitCode.Environment,
    fix: "add the context (oci ce cluster create-kubeconfig --context-name …) or correct the cluster's kubeContext in mesh.yaml",
  },
  KUBE_CONFIG_UNSAFE: {
    exit: ExitCode.Environment,
    fix: 'remove insecure-skip-tls-verify and give the cluster its certificate-authority-data',
  },
  KUBE_API_FAILED: {
    exit: ExitCode.Environment,
    fix: 'check that the cluster is reachable and that the kubeconfig user has the RBAC the call needs',
  },

  CLI_USAGE: { exit: ExitCode.Usage },
  CLI_FAILED: { exit: ExitCode.Findings },
  CLI_IO: { exit: ExitCode.Usage, fix: 'check the path and its permissions' },
  CLI_INPUT_TOO_DEEP: {
    exit: ExitCode.Usage,
    fix: 'the input nests too deeply to be a topology or manifest; check that it is the file you meant',
  },
  // Raised by bin/node-version.js before anything loads (it cannot import this table); its exit is this row's.
  CLI_NODE_VERSION: { exit: ExitCode.Environment, fix: 'install Node.js 22.12 or newer' },
  CLI_INTERNAL: { exit: ExitCode.Internal, fix: REPORT },
} as const satisfies Record<ErrorCode, CodeRow>;

/** What a failed command prints: one line (or a JSON object) and an exit code. */
export interface TranslatedError {
  readonly code: ErrorCode;
  readonly exit: number;
  readonly message: string;
  readonly fix?: string;
  /** Located problems (a topology that does not validate). */
  readonly issues?: readonly TopologyIssue[];
  /** The OCI request id to quote to Oracle support. */
  readonly opcRequestId?: string;
}

/** Errors from the okemesh libraries, recognised by name (never instanceof: packages may be duplicated). */
const LIBRARY_ERRORS = new Set([
  'TopologyError',
  'MeshConfigError',
  'CertsError',
  'OciNetworkError',
  'DrillError',
  'KubeError',
  'UsageError',
  'CommandFailed',
]);

const MAX_MESSAGE = 2000;
/** C0 controls but tab and newline, DEL and C1 controls (ANSI escapes among them). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * Input echoed back is made safe for a terminal: control characters escaped, invalid text replaced and the
 * whole capped, so a binary file passed as a topology prints one short line, not its bytes.
 */
export function plainText(text: string, max = MAX_MESSAGE): string {
  const escaped = text.replace(/\uFFFD+/g, '\uFFFD').replace(CONTROL, (c) => {
    const hex = c.charCodeAt(0).toString(16).padStart(2, '0');
    return `\\x${hex}`;
  });
  return escaped.length > max
    ? `${escaped.slice(0, max)}… (${escaped.length - max} more characters)`
    : escaped;
}

const ERRNO: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory, not a file',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EEXIST: 'already exists',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  ENAMETOOLONG: 'the file name is too long',
  EMFILE: 'too many open files',
};

interface SystemError {
  readonly code: string;
  readonly syscall?: string;
  readonly path?: string;
  readonly dest?: string;
}

function isSystemError(error: unknown): error is SystemError {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code in ERRNO;
}

function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_CODES, code);
}

function systemSentence(error: SystemError): string {
  const verb = error.syscall
    ? { open: 'open', mkdir: 'create', rename: 'replace', scandir: 'read' }[error.syscall]
    : undefined;
  const where = error.path ? ` ${error.path}` : '';
  return `cannot ${verb ?? 'use'}${where}: ${ERRNO[error.code]}`;
}

/** Maps anything a command threw to its code, exit code, one-line message and fix. */
export function translateError(error: unknown): TranslatedError {
  const e = error as {
    name?: unknown;
    code?: unknown;
    message?: unknown;
    exitCode?: unknown;
    issues?: readonly TopologyIssue[];
    api?: { opcRequestId?: string };
    details?: readonly string[];
  } | null;
  if (e && typeof e.name === 'string' && LIBRARY_ERRORS.has(e.name) && isErrorCode(e.code)) {
    const row: CodeRow = ERROR_CODES[e.code];
    const details = e.details?.length ? `\n  ${e.details.join('\n  ')}` : '';
    return {
      code: e.code,
      // CommandFailed carries the exit code of its command's result (findings, an aborted drill).
      exit: typeof e.exitCode === 'number' ? e.exitCode : row.exit,
      message: plainText(`${String(e.message ?? '')}${details}`),
      ...(row.fix ? { fix: row.fix } : {}),
      ...(e.issues ? { issues: e.issues } : {}),
      ...(e.api?.opcRequestId ? { opcRequestId: e.api.opcRequestId } : {}),
    };
  }
  if (isSystemError(error)) {
    return {
      code: 'CLI_IO',
      exit: ERROR_CODES.CLI_IO.exit,
      message: plainText(systemSentence(error)),
      fix: ERROR_CODES.CLI_IO.fix,
    };
  }
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return {
      code: 'CLI_INPUT_TOO_DEEP',
      exit: ERROR_CODES.CLI_INPUT_TOO_DEEP.exit,
      message: 'the input is nested too deeply to process',
      fix: ERROR_CODES.CLI_INPUT_TOO_DEEP.fix,
    };
  }
  const name = error instanceof Error ? error.name : typeof error;
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: 'CLI_INTERNAL',
    exit: ERROR_CODES.CLI_INTERNAL.exit,
    message: plainText(`internal error (${name}): ${message.split('\n')[0] ?? ''}`, 300),
    fix: ERROR_CODES.CLI_INTERNAL.fix,
  };
}
