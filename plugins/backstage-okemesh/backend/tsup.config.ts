import { defineConfig } from 'tsup';
import { libraryConfig } from '../../../tsup.config.base.js';

// Backstage backends load plugins with require(): CommonJS output (.cjs; the ESM @okemesh libraries it
// uses are require()d through their `default` export condition on Node 22.12+).
export default defineConfig(libraryConfig({ index: 'src/index.ts' }, { format: ['cjs'] }));
