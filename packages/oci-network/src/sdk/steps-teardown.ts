import { isOwned } from '../model/ownership.js';
import { apiCall, listAll, waitGone } from './api-call.js';
import { vcnAttachments } from './steps-drg.js';
import type { RegionRun } from './run-context.js';

/** Destroy, per region, in reverse creation order: RPCs, then the VCN attachment, then the DRG — owned ones only. */
export async function removePeeringAndDrg(run: RegionRun): Promise<void> {
  const { network } = run.clients;
  const attachment = run.vcnId ? (await vcnAttachments(run))[0] : undefined;
  const drgs = await listAll('ListDrgs', (page) =>
    network.listDrgs({ compartmentId: run.compartmentId, ...(page ? { page } : {}) }),
  );
  const drg = drgs.find(
    (d) =>
      (attachment ? d.id === attachment.drgId : isOwned(d.freeformTags, run.mesh, 'drg')) &&
      d.lifecycleState === 'AVAILABLE',
  );
  if (!drg) return;
  const rpcs = await listAll('ListRemotePeeringConnections', (page) =>
    network.listRemotePeeringConnections({
      compartmentId: run.compartmentId,
      drgId: drg.id,
      ...(page ? { page } : {}),
    }),
  );
  for (const rpc of rpcs.filter(
    (r) => isOwned(r.freeformTags, run.mesh, 'rpc') && r.lifecycleState === 'AVAILABLE',
  )) {
    run.record({
      resource: 'remote-peering-connection',
      name: rpc.displayName ?? rpc.id,
      id: rpc.id,
      action: 'delete',
      reason: 'owned by okemesh',
    });
    if (!run.apply) continue;
    run.checkAbort();
    run.progress(`deleting remote peering connection ${rpc.id}`);
    await apiCall('DeleteRemotePeeringConnection', () =>
      network.deleteRemotePeeringConnection({ remotePeeringConnectionId: rpc.id }),
    );
    await waitGone(
      `RPC ${rpc.id}`,
      async () =>
        (
          await apiCall('GetRemotePeeringConnection', () =>
            network.getRemotePeeringConnection({ remotePeeringConnectionId: rpc.id }),
          )
        ).remotePeeringConnection,
      ['TERMINATED'],
      run.wait('rpc'),
    );
  }
  const ownAttachment =
    attachment && isOwned(attachment.freeformTags, run.mesh, 'drg-attachment') ? attachment : undefined;
  if (ownAttachment) {
    run.record({
      resource: 'drg-attachment',
      name: ownAttachment.displayName ?? ownAttachment.id,
      id: ownAttachment.id,
      action: 'delete',
      reason: 'owned by okemesh',
    });
    if (run.apply) {
      run.checkAbort();
      run.progress(`detaching VCN from DRG ${drg.id}`);
      await apiCall('DeleteDrgAttachment', () =>
        network.deleteDrgAttachment({ drgAttachmentId: ownAttachment.id }),
      );
      await waitGone(
        `DRG attachment ${ownAttachment.id}`,
        async () =>
          (
            await apiCall('GetDrgAttachment', () =>
              network.getDrgAttachment({ drgAttachmentId: ownAttachment.id }),
            )
          ).drgAttachment,
        ['DETACHED'],
        run.wait('attachment'),
      );
    }
  }
  if (!isOwned(drg.freeformTags, run.mesh, 'drg') || (attachment && !ownAttachment)) return;
  run.record({
    resource: 'drg',
    name: drg.displayName ?? drg.id,
    id: drg.id,
    action: 'delete',
    reason: 'owned by okemesh',
  });
  if (!run.apply) return;
  run.checkAbort();
  run.progress(`deleting DRG ${drg.id}`);
  await apiCall('DeleteDrg', () => network.deleteDrg({ drgId: drg.id }));
  await waitGone(
    `DRG ${drg.id}`,
    async () => (await apiCall('GetDrg', () => network.getDrg({ drgId: drg.id }))).drg,
    ['TERMINATED'],
    run.wait('drg'),
  );
}
