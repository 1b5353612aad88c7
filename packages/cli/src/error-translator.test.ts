import { CertsError } from '@okemesh/certs';
import { DrillError } from '@okemesh/drills';
import { KubeError } from '@okemesh/kube';
import { MeshConfigError } from '@okemesh/mesh-config';
import { OciNetworkError } from '@okemesh/oci-network';
import { describe, expect, it } from 'vitest';
import { CommandFailed, UsageError } from './errors.js';
import { ERROR_CODES, plainText, translateError } from './error-translator.js';
import { ExitCode } from './exit-codes.js';

describe('translateError', () => {
  it('maps every code to one of the documented exit codes', () => {
    const documented = new Set<number>(Object.values(ExitCode));
    for (const [code, row] of Object.entries(ERROR_CODES)) expect(documented.has(row.exit), code).toBe(true);
  });

  it("uses the code's row for every library's error class", () => {
    const cases = [
      [new MeshConfigError('MESH_LINT_NO_INPUT', 'nothing'), ExitCode.Usage],
      [new CertsError('CERT_ROOT_MISSING', 'no root'), ExitCode.Usage],
      [new DrillError('DRILL_LOCKED', 'held'), ExitCode.Environment],
      [new KubeError('KUBE_CONFIG_NOT_FOUND', 'none'), ExitCode.Environment],
      [new OciNetworkError('OCI_ABORTED', 'stopped'), ExitCode.Aborted],
      [new UsageError('bad flag'), ExitCode.Usage],
    ] as const;
    for (const [error, exit] of cases) {
      const t = translateError(error);
      expect(t, error.code).toMatchObject({ code: error.code, exit, message: error.message });
    }
  });

  it('keeps the exit code a CommandFailed carries and the opc-request-id of an OCI failure', () => {
    expect(translateError(new CommandFailed('drill aborted', ExitCode.Aborted)).exit).toBe(3);
    const oci = new OciNetworkError('OCI_API_ERROR', 'CreateDrg failed', { api: { opcRequestId: 'REQ/1' } });
    expect(translateError(oci)).toMatchObject({ exit: 5, opcRequestId: 'REQ/1', fix: expect.any(String) });
  });

  it('turns system errors into plain sentences', () => {
    const eisdir = Object.assign(new Error('EISDIR: illegal operation on a directory, read'), {
      code: 'EISDIR',
      syscall: 'read',
      path: '/tmp/x',
    });
    expect(translateError(eisdir)).toMatchObject({
      code: 'CLI_IO',
      exit: 2,
      message: 'cannot use /tmp/x: is a directory, not a file',
    });
  });

  it('a stack overflow is input too deep; anything else is internal (exit 4, please report)', () => {
    expect(translateError(new RangeError('Maximum call stack size exceeded'))).toMatchObject({
      code: 'CLI_INPUT_TOO_DEEP',
      exit: 2,
    });
    const bug = translateError(new ReferenceError('x is not defined'));
    expect(bug).toMatchObject({ code: 'CLI_INTERNAL', exit: 4 });
    expect(bug.message).toBe('internal error (ReferenceError): x is not defined');
    expect(bug.fix).toMatch(/please report/);
    expect(translateError('a string').code).toBe('CLI_INTERNAL');
  });

  it('an error that only looks like a library error (unknown code) is internal', () => {
    const fake = Object.assign(new Error('x'), { name: 'DrillError', code: 'NOT_A_CODE' });
    expect(translateError(fake).code).toBe('CLI_INTERNAL');
  });
});

describe('plainText', () => {
  it('escapes control characters, keeps newlines and caps the length', () => {
    expect(plainText('a\u0007b\u001b[31mc\nd')).toBe('a\\x07b\\x1b[31mc\nd');
    const long = plainText('x'.repeat(5000), 100);
    expect(long).toBe(`${'x'.repeat(100)}… (4900 more characters)`);
  });
});
