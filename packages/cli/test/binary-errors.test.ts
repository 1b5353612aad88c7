import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The real `okemesh` binary, run as a user would: a child process, its exit code, its two streams. */
const BIN = fileURLToPath(new URL('../bin/okemesh.js', import.meta.url));
const DIST = fileURLToPath(new URL('../dist/index.js', import.meta.url));

let home: string;
let work: string;

interface Ran {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function okemesh(args: readonly string[], options: { uid?: number; env?: NodeJS.ProcessEnv } = {}): Ran {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: work,
    encoding: 'utf8',
    timeout: 60_000,
    // No kubeconfig, no OCI config, no colours: a fresh user's machine.
    env: { PATH: process.env['PATH'], HOME: home, NO_COLOR: '1', ...options.env },
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** No stack trace: no `    at fn (file:line)` frames, no `Node.js v…` crash footer. */
function expectNoStack(text: string): void {
  expect(text).not.toMatch(/^\s+at .+[:(]/m);
  expect(text).not.toMatch(/Node\.js v\d+/);
}

/** The one error line: `error: … [CODE]`. */
function expectErrorLine(stderr: string, code: string): void {
  expectNoStack(stderr);
  expect(stderr.trimEnd().split('\n').at(-1)).toMatch(new RegExp(`^error: .+ \\[${code}\\]$`));
}

beforeAll(async () => {
  if (!existsSync(DIST))
    throw new Error(`${DIST} is missing: build the CLI first (npm run build, or npm test which builds)`);
  home = await mkdtemp(join(tmpdir(), 'okemesh-home-'));
  work = await mkdtemp(join(tmpdir(), 'okemesh-work-'));
  expect(okemesh(['init', '-o', 'example.yaml']).status).toBe(0);
});

afterAll(async () => {
  await rm(home, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
});

describe('the okemesh binary fails in one way', () => {
  it('drill run without a kubeconfig: exit 5, one KUBE_CONFIG_NOT_FOUND line, dry run too', () => {
    for (const extra of [[], ['--dry-run']]) {
      const ran = okemesh(['drill', 'run', 'ingress-failure', ...extra]);
      expect(ran.status).toBe(5);
      expectErrorLine(ran.stderr, 'KUBE_CONFIG_NOT_FOUND');
      expect(ran.stderr).toContain(join(home, '.kube', 'config'));
    }
  });

  it('drill run --json without a kubeconfig prints a JSON error object on stdout', () => {
    const ran = okemesh(['drill', 'run', 'ingress-failure', '--json']);
    expect(ran.status).toBe(5);
    expect(JSON.parse(ran.stdout)).toMatchObject({
      error: { code: 'KUBE_CONFIG_NOT_FOUND', exit: 5, fix: expect.stringContaining('--kubeconfig') },
    });
  });

  it('render -o onto an existing file or under a file: exit 2, nothing written', async () => {
    await writeFile(join(work, 'taken'), 'mine\n');
    for (const output of ['taken', 'taken/sub']) {
      const ran = okemesh(['render', '-o', output]);
      expect(ran.status).toBe(2);
      expectErrorLine(ran.stderr, 'CLI_USAGE');
      expect(ran.stderr).toContain('is a file, not a directory');
    }
    expect(await readFile(join(work, 'taken'), 'utf8')).toBe('mine\n');
    expect((await readdir(work)).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('render -o under a read-only parent: exit 2 naming the parent', async (ctx) => {
    const locked = join(work, 'locked');
    await mkdir(locked);
    await chmod(locked, 0o555);
    // root writes through mode bits, so as root the binary runs as nobody, like a real unprivileged user.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) await chmod(work, 0o755);
    const ran = okemesh(['render', '-f', join(work, 'example.yaml'), '-o', join(locked, 'out')], {
      ...(asRoot ? { uid: 65534 } : {}),
    });
    ctx.onTestFinished(() => chmod(locked, 0o755));
    expect(ran.status).toBe(2);
    expectErrorLine(ran.stderr, 'CLI_USAGE');
    expect(ran.stderr).toContain(`${locked} is not writable`);
    expect(await readdir(locked)).toEqual([]);
  });

  it('two clusters in one region: a located validation error in render and validate (exit 1)', async () => {
    const text = (await readFile(join(work, 'example.yaml'), 'utf8')).replace(
      'region: us-chicago-1',
      'region: us-sanjose-1',
    );
    await writeFile(join(work, 'one-region.yaml'), text);
    const line = text.split('\n').findLastIndex((l) => l.includes('region: us-sanjose-1')) + 1;
    for (const command of [['render', '-o', 'never-written'], ['validate']]) {
      const ran = okemesh([...command, '-f', 'one-region.yaml']);
      expect(ran.status, command.join(' ')).toBe(1);
      expectNoStack(ran.stderr);
      expect(ran.stderr).toMatch(
        new RegExp(`one-region\\.yaml:${line}:\\d+ error spec\\.clusters\\[1\\]\\.region`),
      );
      expect(ran.stderr).not.toContain('internal error');
    }
    expect(existsSync(join(work, 'never-written'))).toBe(false);
  });

  it('a missing OCI config is an environment error (exit 5), in text and JSON', () => {
    const text = okemesh(['network', 'plan']);
    expect(text.status).toBe(5);
    expectErrorLine(text.stderr, 'OCI_AUTH_FAILED');
    const json = okemesh(['network', 'plan', '--json']);
    expect(json.status).toBe(5);
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { code: 'OCI_AUTH_FAILED', exit: 5 } });
  });

  it('--debug adds the stack trace; without it there is none', () => {
    const ran = okemesh(['network', 'plan', '--debug']);
    expect(ran.status).toBe(5);
    expect(ran.stderr).toMatch(/^OciNetworkError: .*\n\s+at /m);
  });

  it('binary garbage as a topology: a capped, escaped report, no raw control bytes', async () => {
    const bytes = Buffer.alloc(300_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + (i >> 3)) % 256;
    await writeFile(join(work, 'garbage.yaml'), bytes);
    const ran = okemesh(['validate', '-f', 'garbage.yaml']);
    expect([1, 2]).toContain(ran.status);
    expectNoStack(ran.stderr);
    expect(ran.stderr.length).toBeLessThan(16_000);
    // eslint-disable-next-line no-control-regex
    expect(ran.stderr).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F]/);
  });

  it('a directory as a topology is a plain sentence, not EISDIR', () => {
    const ran = okemesh(['validate', '-f', '.']);
    expect(ran.status).toBe(2);
    expect(ran.stderr).toContain('is a directory, not a topology file');
    expect(ran.stderr).not.toContain('EISDIR');
  });

  it('a usage error under --json is a JSON error object too', () => {
    const ran = okemesh(['render', '--bogus', '--json']);
    expect(ran.status).toBe(2);
    expect(JSON.parse(ran.stdout)).toEqual({
      error: { code: 'CLI_USAGE', exit: 2, message: "unknown option '--bogus'" },
    });
  });
});
