import { defineConfig } from 'tsup';
import { libraryConfig } from '../../tsup.config.base.js';

// Command modules are separate entries so heavy SDKs load only with the command that needs them.
export default defineConfig(libraryConfig({ index: 'src/index.ts' }, { splitting: true }));
