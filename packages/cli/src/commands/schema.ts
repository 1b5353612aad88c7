import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CommandGroup } from '../program.js';

export const registerSchema: CommandGroup = (program, { io }) => {
  program
    .command('schema')
    .description('print the JSON Schema of mesh.yaml (for editor autocompletion)')
    .option('-o, --output <file>', 'write the schema to a file instead of stdout')
    .action(async (options: { output?: string }) => {
      const { topologyJsonSchema } = await import('@okemesh/topology');
      const text = `${JSON.stringify(topologyJsonSchema(), null, 2)}\n`;
      if (options.output) {
        await writeFile(resolve(io.cwd, options.output), text);
        io.stderr(`wrote ${options.output}\n`);
      } else io.stdout(text);
    });
};
