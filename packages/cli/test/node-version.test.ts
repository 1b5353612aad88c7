import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript next to the bin, without declarations
import { nodeVersionError } from '../bin/node-version.js';
import { ERROR_CODES } from '../src/error-translator.js';

const check = nodeVersionError as (version: string) => string | undefined;

describe('the Node.js version check in bin/okemesh.js', () => {
  it('refuses Node before 22.12 with one line naming the version and the fix', () => {
    for (const version of ['v20.20.2', 'v22.11.0', 'v18.0.0'])
      expect(check(version)).toMatch(
        new RegExp(
          `^error: okemesh needs Node.js >= 22.12; this is ${version.replace(/\./g, '\\.')} \\(fix: .+\\) \\[CLI_NODE_VERSION\\]$`,
        ),
      );
  });

  it('accepts 22.12 and newer', () => {
    for (const version of ['v22.12.0', 'v22.20.1', 'v24.21.0', 'v25.0.0'])
      expect(check(version)).toBeUndefined();
  });

  it('exits with the code the error table gives CLI_NODE_VERSION (environment, 5)', () => {
    expect(ERROR_CODES.CLI_NODE_VERSION.exit).toBe(5);
    const bin = fileURLToPath(new URL('../bin/okemesh.js', import.meta.url));
    // the bin's own exit: run it with a process.version that is too old
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'data:text/javascript,Object.defineProperty(process,"version",{value:"v20.20.2"})',
        bin,
        '--help',
      ],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(ERROR_CODES.CLI_NODE_VERSION.exit);
    expect(r.stderr).toContain('[CLI_NODE_VERSION]');
  });
});
