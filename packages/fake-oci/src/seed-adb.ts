import type { Store } from './store.js';

export interface SeedAdbPairInput {
  readonly compartmentId: string;
  readonly primaryRegion: string;
  readonly standbyRegion: string;
  readonly dbName?: string;
}

export interface SeededAdbPair {
  readonly primaryId: string;
  readonly standbyId: string;
}

/** An Autonomous Database with a cross-region Autonomous Data Guard standby (source CROSS_REGION_DISASTER_RECOVERY). */
export function seedAdbPair(store: Store, input: SeedAdbPairInput): SeededAdbPair {
  const primaryId = store.newId('autonomousdatabase', input.primaryRegion);
  const standbyId = store.newId('autonomousdatabase', input.standbyRegion);
  const common = {
    compartmentId: input.compartmentId,
    dbName: input.dbName ?? 'okemesh',
    isRemoteDataGuardEnabled: true,
    remoteDisasterRecoveryConfiguration: { disasterRecoveryType: 'ADG' },
    timeCreated: new Date().toISOString(),
  };
  store.insert('autonomousDatabase', input.primaryRegion, primaryId, {
    ...common,
    displayName: `${common.dbName}-primary`,
    role: 'PRIMARY',
    lifecycleState: 'AVAILABLE',
    peerDbIds: [standbyId],
  });
  store.insert('autonomousDatabase', input.standbyRegion, standbyId, {
    ...common,
    displayName: `${common.dbName}-standby`,
    role: 'STANDBY',
    lifecycleState: 'STANDBY',
    peerDbIds: [primaryId],
    standbyDb: { lagTimeInSeconds: 0, lifecycleState: 'AVAILABLE' },
  });
  return { primaryId, standbyId };
}
