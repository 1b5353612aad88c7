#!/usr/bin/env node
import { enableCompileCache } from 'node:module';

// Cache compiled bytecode of okemesh and its dependencies across runs (Node's on-disk compile cache):
// start-up is mostly compiling zod, yaml and commander.
enableCompileCache?.();
const { run } = await import('../dist/index.js');

process.exitCode = await run(process.argv.slice(2));
