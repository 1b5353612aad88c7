// Root postinstall: make better-sqlite3 (Backstage's SQLite driver, a native addon) load under the Node the
// repo runs its scripts with (the `node` devDependency, Node 24). No prebuilt binary is reachable here, so
// node-gyp compiles it; npm's default `nodedir` may point at another Node's headers (a mismatched ABI), so
// rebuild against the headers that ship inside the `node` package when the addon does not load.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

// A fresh process per check: a process that failed to load the addon cannot load the rebuilt one.
function loads() {
  try {
    execFileSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    return undefined;
  } catch (error) {
    const stderr = String(error.stderr ?? error.message);
    return stderr.split('\n').find((line) => line.startsWith('Error')) ?? stderr.split('\n')[0];
  }
}

const problem = loads();
if (problem === undefined || problem.includes("Cannot find module 'better-sqlite3'")) process.exit(0);

// Headers of exactly this Node: from the `node` package's platform package, else that package from the registry.
function nodeHeaders() {
  const name = `node-${process.platform}-${process.arch}`;
  const cache = join(root, 'node_modules', '.cache', 'okemesh-node-headers');
  const candidates = [join(root, 'node_modules', 'node', 'node_modules', name), join(cache, 'package')];
  const matches = (dir) => {
    const file = join(dir, 'include', 'node', 'node_version.h');
    if (!existsSync(file)) return false;
    const text = readFileSync(file, 'utf8');
    const part = (k) =>
      /#define NODE_\w+_VERSION (\d+)/.exec(text.slice(text.indexOf(`NODE_${k}_VERSION`)))?.[1];
    return `${part('MAJOR')}.${part('MINOR')}.${part('PATCH')}` === process.versions.node;
  };
  const found = candidates.find(matches);
  if (found !== undefined) return found;
  mkdirSync(cache, { recursive: true });
  const tarball = execFileSync(
    'npm',
    ['pack', `${name}@${process.versions.node}`, '--pack-destination', cache, '--silent'],
    { cwd: cache, encoding: 'utf8' },
  ).trim();
  execFileSync('tar', ['xzf', tarball, 'package/include'], { cwd: cache });
  rmSync(join(cache, tarball));
  return join(cache, 'package');
}
const headers = nodeHeaders();
console.log(`better-sqlite3 does not load under Node ${process.version} (${problem}); rebuilding it`);
execFileSync('npm', ['rebuild', 'better-sqlite3', '--foreground-scripts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, npm_config_nodedir: headers },
});
const after = loads();
if (after !== undefined) {
  console.error(`better-sqlite3 still does not load after the rebuild: ${after}`);
  process.exit(1);
}
