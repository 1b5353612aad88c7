export { run, buildProgram } from './run.js';
export { ExitCode } from './exit-codes.js';
export type { Io } from './io.js';
export { processIo } from './io.js';
export type { CommandContext, CommandGroup } from './program.js';
export { UsageError, CommandFailed } from './errors.js';
export { writeBundle } from './commands/render.js';
