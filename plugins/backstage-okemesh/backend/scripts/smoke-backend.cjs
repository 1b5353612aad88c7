// @ts-check
/* global require, process, console */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS entry point */
// The whole Backstage backend of the smoke test: catalog + the okemesh plugin (its built dist), on the
// config files given with --config. Started and stopped by smoke.ts.
const { createBackend } = require('@backstage/backend-defaults');

const backend = createBackend();
backend.add(require('@backstage/plugin-catalog-backend'));
backend.add(require('../dist/index.cjs'));
backend.start().catch((error) => {
  console.error(error);
  process.exit(1);
});
