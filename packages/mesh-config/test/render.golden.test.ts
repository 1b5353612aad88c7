import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { render } from '../src/index.js';
import { CASES } from './fixtures.js';

const goldenRoot = fileURLToPath(new URL('./golden/', import.meta.url));

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

describe.each(Object.entries(CASES))('golden bundle: %s', (name, topology) => {
  const bundle = render(topology());

  it.each(bundle.files.map((file) => [file.path, file.content] as const))(
    '%s matches its golden file',
    async (path, content) => {
      await expect(content).toMatchFileSnapshot(join(goldenRoot, name, path));
    },
  );

  it('has no golden file that the renderer no longer writes', () => {
    expect(listFiles(join(goldenRoot, name))).toEqual(bundle.files.map((f) => f.path).sort());
  });

  it('renders byte-identical output on every run', () => {
    expect(render(topology())).toEqual(bundle);
  });
});
