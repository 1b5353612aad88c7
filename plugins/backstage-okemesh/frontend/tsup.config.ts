import { defineConfig } from 'tsup';
import { libraryConfig } from '../../../tsup.config.base.js';

// Browser ESM with the lazy component chunk kept separate (the loaders import() it); the app bundles it.
export default defineConfig(
  libraryConfig(
    { index: 'src/index.tsx', legacy: 'src/legacy.ts' },
    { platform: 'browser', target: 'es2022', splitting: true, outExtension: () => ({ js: '.esm.js' }) },
  ),
);
