import type { CommandGroup } from '../program.js';
import { registerCerts } from './certs.js';
import { registerDrill } from './drill.js';
import { registerInit } from './init.js';
import { registerMesh } from './mesh.js';
import { registerProbe } from './probe.js';
import { registerRender } from './render.js';
import { registerSchema } from './schema.js';
import { registerValidate } from './validate.js';

/**
 * Every command group, in help order. A new group is one module under commands/ plus one line here;
 * heavy SDKs are imported inside the group's action handlers, never at module top level.
 */
export const commandGroups: readonly CommandGroup[] = [registerInit, registerValidate, registerSchema, registerRender, registerMesh, registerProbe, registerDrill, registerCerts];
