import type { Topology } from '../schema/topology.js';
import { checkCidrs } from './cidrs.js';
import { checkEdge } from './edge.js';
import type { Finding } from './finding.js';
import { checkIdentity } from './identity.js';
import { checkServices } from './services.js';

const CHECKS = [checkIdentity, checkCidrs, checkServices, checkEdge] as const;

/** Every semantic check over a schema-valid topology, in a stable order. */
export function checkTopology(topology: Topology): Finding[] {
  return CHECKS.flatMap((check) => check(topology));
}
