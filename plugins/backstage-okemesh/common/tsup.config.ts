import { defineConfig } from 'tsup';
import { libraryConfig } from '../../../tsup.config.base.js';

// Isomorphic: the frontend bundles it as ESM, the backend plugins require() it.
export default defineConfig(
  libraryConfig({ index: 'src/index.ts' }, { format: ['esm', 'cjs'], platform: 'neutral' }),
);
