export { ociApiKey } from './oci-api-key.js';
export type { OciApiKey } from './oci-api-key.js';
export { runBinary, runBinaryOk, openssl, opensslOk, promtool } from './binaries.js';
export type { RunOptions, RunResult, TestBinary } from './binaries.js';
export { tempDir } from './temp-dir.js';
