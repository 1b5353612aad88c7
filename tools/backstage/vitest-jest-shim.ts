// Backstage's test utilities (backend-test-utils, scaffolder-node-test-utils, test-utils) call `jest.fn()`
// and register `afterAll` cleanups at runtime; under vitest (globals: true) `jest` is `vi`.
import { vi } from 'vitest';

(globalThis as { jest?: unknown }).jest = vi;
