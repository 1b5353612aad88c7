#!/usr/bin/env node
import * as nodeModule from 'node:module';
import { nodeVersionError } from './node-version.js';

const tooOld = nodeVersionError(process.version);
if (tooOld) {
  process.stderr.write(`${tooOld}\n`);
  process.exit(5); // CLI_NODE_VERSION: environment not ready (src/error-translator.ts)
}

// Cache compiled bytecode of okemesh and its dependencies across runs (Node's on-disk compile cache).
nodeModule.enableCompileCache?.();
const { run } = await import('../dist/index.js');

process.exitCode = await run(process.argv.slice(2));
