import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { CertsError } from './errors.js';
import { CERT_MODE, writeStoreFile } from './store.js';

/**
 * Where a root rotation stands. `trust`: the incoming root exists and bundles trust both roots, old
 * intermediates still sign. `cutover`: new intermediates signed by the incoming root, both roots trusted.
 */
export type RotationPhase = 'none' | 'trust' | 'cutover';

export interface RotationState {
  readonly phase: RotationPhase;
  readonly startedAt?: string;
}

export const ROTATION_FILE = 'rotation.json';

export async function readRotation(dir: string): Promise<RotationState> {
  let text: string;
  try {
    text = await readFile(join(dir, ROTATION_FILE), 'utf8');
  } catch {
    return { phase: 'none' };
  }
  const state = JSON.parse(text) as { phase?: unknown; startedAt?: unknown };
  if (state.phase !== 'trust' && state.phase !== 'cutover') {
    throw new CertsError('CERT_ROTATION_STATE', `${join(dir, ROTATION_FILE)} has an unknown phase`);
  }
  return { phase: state.phase, ...(typeof state.startedAt === 'string' && { startedAt: state.startedAt }) };
}

export async function writeRotation(dir: string, state: RotationState): Promise<void> {
  if (state.phase === 'none') {
    await rm(join(dir, ROTATION_FILE), { force: true });
    return;
  }
  await writeStoreFile(join(dir, ROTATION_FILE), `${JSON.stringify(state, null, 2)}\n`, CERT_MODE);
}
