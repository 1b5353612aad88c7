import type * as core from 'oci-core';
import { isOwned, ownershipTags } from '../model/ownership.js';
import { apiCall, listAll, waitUntil } from './api-call.js';
import { createIdempotent } from './idempotent-create.js';
import type { RegionRun } from './run-context.js';

const LIVE_DRG = new Set(['PROVISIONING', 'AVAILABLE']);
const LIVE_ATTACHMENT = new Set(['ATTACHING', 'ATTACHED']);

export async function vcnAttachments(run: RegionRun): Promise<core.models.DrgAttachment[]> {
  const all = await listAll('ListDrgAttachments', (page) =>
    run.clients.network.listDrgAttachments({
      compartmentId: run.compartmentId,
      vcnId: run.vcnId,
      attachmentType: 'VCN' as core.requests.ListDrgAttachmentsRequest.AttachmentType,
      ...(page ? { page } : {}),
    }),
  );
  return all.filter((a) => LIVE_ATTACHMENT.has(a.lifecycleState));
}

async function waitDrg(run: RegionRun, drgId: string): Promise<void> {
  run.progress(`waiting for DRG ${drgId} to be AVAILABLE`);
  await waitUntil(
    `DRG ${drgId}`,
    async () => (await apiCall('GetDrg', () => run.clients.network.getDrg({ drgId }))).drg.lifecycleState,
    (state) => state === 'AVAILABLE',
    run.wait('drg'),
  );
}

/**
 * The DRG: the one the VCN is already attached to (adopted, never modified, if okemesh does not own it), else the
 * DRG okemesh tagged for this mesh in the compartment, else a new one.
 */
export async function ensureDrg(run: RegionRun): Promise<void> {
  const { network } = run.clients;
  const name = run.desired.drgName;
  const attached = (await vcnAttachments(run))[0];
  if (attached) {
    const { drg } = await apiCall('GetDrg', () => network.getDrg({ drgId: attached.drgId }));
    run.drgId = drg.id;
    run.attachmentId = attached.id;
    const owned = isOwned(drg.freeformTags, run.mesh, 'drg');
    run.record({
      resource: 'drg',
      name: drg.displayName ?? name,
      id: drg.id,
      action: owned ? 'unchanged' : 'adopt',
      reason: owned
        ? 'exists, owned by okemesh'
        : 'the VCN is already attached to this DRG; used, never modified',
    });
    if (run.apply && drg.lifecycleState !== 'AVAILABLE') await waitDrg(run, drg.id);
    return;
  }
  const drgs = await listAll('ListDrgs', (page) =>
    network.listDrgs({ compartmentId: run.compartmentId, ...(page ? { page } : {}) }),
  );
  const mine = drgs.find((d) => isOwned(d.freeformTags, run.mesh, 'drg') && LIVE_DRG.has(d.lifecycleState));
  if (mine) {
    run.drgId = mine.id;
    run.record({
      resource: 'drg',
      name,
      id: mine.id,
      action: 'unchanged',
      reason: `exists (${mine.lifecycleState}), tagged for mesh ${run.mesh}`,
    });
    if (run.apply && mine.lifecycleState !== 'AVAILABLE') await waitDrg(run, mine.id);
    return;
  }
  run.record({
    resource: 'drg',
    name,
    action: 'create',
    reason: 'no DRG attached to the VCN and none tagged for this mesh',
  });
  if (!run.apply) return;
  run.checkAbort();
  run.progress(`creating DRG ${name}`);
  const drg = await createIdempotent(
    `DRG ${name}`,
    [run.mesh, run.region, 'drg', run.compartmentId],
    async (token) =>
      (
        await apiCall('CreateDrg', () =>
          network.createDrg({
            createDrgDetails: {
              compartmentId: run.compartmentId,
              displayName: name,
              freeformTags: ownershipTags(run.mesh, 'drg'),
            },
            opcRetryToken: token,
          }),
        )
      ).drg,
    async (id) => (await apiCall('GetDrg', () => network.getDrg({ drgId: id }))).drg,
  );
  run.drgId = drg.id;
  await waitDrg(run, drg.id);
}

/** Attaches the VCN to the DRG (unless the VCN already is) and waits for ATTACHED. */
export async function ensureAttachment(run: RegionRun): Promise<void> {
  const { network } = run.clients;
  const name = run.desired.attachmentName;
  if (run.attachmentId) {
    const attachmentId = run.attachmentId;
    const { drgAttachment } = await apiCall('GetDrgAttachment', () =>
      network.getDrgAttachment({ drgAttachmentId: attachmentId }),
    );
    const owned = isOwned(drgAttachment.freeformTags, run.mesh, 'drg-attachment');
    run.record({
      resource: 'drg-attachment',
      name: drgAttachment.displayName ?? name,
      id: attachmentId,
      action: owned ? 'unchanged' : 'adopt',
      reason: `VCN attached (${drgAttachment.lifecycleState})`,
    });
    if (run.apply && drgAttachment.lifecycleState !== 'ATTACHED') await waitAttachment(run, attachmentId);
    return;
  }
  run.record({
    resource: 'drg-attachment',
    name,
    action: 'create',
    reason: 'the VCN is not attached to the DRG',
  });
  if (!run.apply || !run.drgId) return;
  run.checkAbort();
  const drgId = run.drgId;
  run.progress(`attaching VCN ${run.vcnId} to DRG ${drgId}`);
  const attachment = await createIdempotent(
    `DRG attachment ${name}`,
    [run.mesh, run.region, 'drg-attachment', drgId, run.vcnId],
    async (token) =>
      (
        await apiCall('CreateDrgAttachment', () =>
          network.createDrgAttachment({
            createDrgAttachmentDetails: {
              drgId,
              displayName: name,
              networkDetails: {
                type: 'VCN',
                id: run.vcnId,
              } as core.models.VcnDrgAttachmentNetworkCreateDetails,
              freeformTags: ownershipTags(run.mesh, 'drg-attachment'),
            },
            opcRetryToken: token,
          }),
        )
      ).drgAttachment,
    async (id) =>
      (await apiCall('GetDrgAttachment', () => network.getDrgAttachment({ drgAttachmentId: id })))
        .drgAttachment,
  );
  run.attachmentId = attachment.id;
  await waitAttachment(run, attachment.id);
}

async function waitAttachment(run: RegionRun, drgAttachmentId: string): Promise<void> {
  run.progress(`waiting for attachment ${drgAttachmentId} to be ATTACHED`);
  await waitUntil(
    `DRG attachment ${drgAttachmentId}`,
    async () =>
      (await apiCall('GetDrgAttachment', () => run.clients.network.getDrgAttachment({ drgAttachmentId })))
        .drgAttachment.lifecycleState,
    (state) => state === 'ATTACHED',
    run.wait('attachment'),
  );
}
