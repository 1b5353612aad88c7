import { defineConfig } from 'tsup';
import { libraryConfig } from '../../tsup.config.base.js';

export default defineConfig(
  libraryConfig({
    index: 'src/index.ts',
    duration: 'src/duration.ts',
    regions: 'src/regions.ts',
    'source-cidrs': 'src/source-cidrs.ts',
  }),
);
