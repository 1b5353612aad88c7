import type { CommandGroup } from '../program.js';
import { registerCerts } from './certs.js';
import { registerDiscover } from './discover.js';
import { registerDns } from './dns.js';
import { registerDoctor } from './doctor.js';
import { registerDrill } from './drill.js';
import { registerIam } from './iam.js';
import { registerInit } from './init.js';
import { registerLint } from './lint.js';
import { registerMesh } from './mesh.js';
import { registerNetwork } from './network.js';
import { registerProbe } from './probe.js';
import { registerRender } from './render.js';
import { registerSchema } from './schema.js';
import { registerValidate } from './validate.js';

/**
 * Every command group, in help order. A new group is one module under commands/ plus one line here;
 * heavy SDKs are imported inside the group's action handlers, never at module top level.
 */
export const commandGroups: readonly CommandGroup[] = [
  registerInit,
  registerValidate,
  registerSchema,
  registerRender,
  registerLint,
  registerMesh,
  registerProbe,
  registerDrill,
  registerDoctor,
  registerCerts,
  registerNetwork,
  registerDns,
  registerIam,
  registerDiscover,
];
