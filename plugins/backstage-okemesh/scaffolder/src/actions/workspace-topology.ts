import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { formatIssue, isTopologyError, parseTopology, type Topology } from '@okemesh/topology';
import { readFile } from 'node:fs/promises';
import { OkemeshActionError } from '../errors.js';

/** Parses a topology text with located issues; an invalid topology is OKEMESH_TOPOLOGY_INVALID. */
export function checkedTopology(text: string, file: string): Topology {
  try {
    return parseTopology(text, { file }).topology;
  } catch (error) {
    if (!isTopologyError(error)) throw error;
    const issues = error.issues.map((i) => formatIssue(i).replace(/\n\s*/g, ' ')).join('; ');
    throw new OkemeshActionError('OKEMESH_TOPOLOGY_INVALID', `${file} is not a valid topology: ${issues}`, {
      cause: error,
    });
  }
}

/** Reads and checks a topology inside the task workspace (paths may not leave it). */
export async function readWorkspaceTopology(workspacePath: string, path: string): Promise<Topology> {
  const file = resolveSafeChildPath(workspacePath, path);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new OkemeshActionError('OKEMESH_TOPOLOGY_UNREADABLE', `cannot read ${path} in the workspace`, {
      cause: error,
    });
  }
  return checkedTopology(text, path);
}
