export { FakeOci } from './fake-oci.js';
export type { FakeOciOptions, LoggedRequest } from './fake-oci.js';
export type { FaultOptions } from './fault-plan.js';
export type { SeedClusterInput, SeededCluster } from './seed.js';
export { ApiError } from './api-error.js';
export { verifySignature } from './signature.js';
export { validateSteeringPolicy } from './steering-policy-rules.js';
export { Store } from './store.js';
