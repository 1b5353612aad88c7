import { defineProject } from 'vitest/config';
import { backstageProject } from '../../../tools/backstage/vitest-project.js';

export default defineProject(
  backstageProject('backstage-okemesh-frontend', {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    setupFiles: ['../../../tools/backstage/vitest-jest-shim.ts', './test/setup.ts'],
    // material-ui-popup-state (via catalog-react) imports @mui directories that Node's ESM loader refuses.
    server: { deps: { inline: [/material-ui-popup-state/] } },
  }),
);
