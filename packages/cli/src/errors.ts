import { ExitCode } from './exit-codes.js';

/** A usage problem the user can fix: printed without a stack, exit code 2. */
export class UsageError extends Error {
  readonly code = 'CLI_USAGE' as const;
  readonly exitCode = ExitCode.Usage;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The command ran and its result is a failure (findings, invalid input): exit code 1 unless told otherwise. */
export class CommandFailed extends Error {
  readonly code = 'CLI_FAILED' as const;
  constructor(
    message: string,
    readonly exitCode: number = ExitCode.Findings,
  ) {
    super(message);
    this.name = 'CommandFailed';
  }
}
