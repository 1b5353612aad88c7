import { defineConfig } from 'tsup';
import { libraryConfig } from '../../../tsup.config.base.js';

// A scaffolder backend module: CommonJS like every Backstage backend package.
export default defineConfig(libraryConfig({ index: 'src/index.ts' }, { format: ['cjs'] }));
