/** Process exit codes shared by every okemesh command (documented in the CLI README). */
export const ExitCode = {
  /** Success. */
  Ok: 0,
  /** The command ran and found problems: validation or lint findings, a breached SLO. */
  Findings: 1,
  /** Bad usage or unreadable input: unknown flag, missing argument, file not found. */
  Usage: 2,
  /** A drill aborted on an abort condition (rolled back). */
  Aborted: 3,
  /** Unexpected internal error: a bug in okemesh (please report it). */
  Internal: 4,
  /**
   * The environment is not ready: missing or unusable credentials (OCI config, kubeconfig, passphrase),
   * or an OCI / Kubernetes API that refused or failed the call.
   */
  Environment: 5,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
