import type {
  AuditorService,
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  HttpAuthService,
  PermissionsService,
  UrlReaderService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult, type BasicPermission } from '@backstage/plugin-permission-common';
import {
  okemeshDrillRunPermission,
  okemeshTopologyReadPermission,
  type DrillHistoryResponse,
  type DrillListResponse,
} from '@okemesh/backstage-plugin-okemesh-common';
import express, { type Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { drillDefinitions, type DrillService } from '../drills/drill-service.js';
import type { DrillStore } from '../drills/drill-store.js';
import { OkemeshBackendError } from '../errors.js';
import { readTopologyText } from '../topology/topology-source.js';
import { parseEntityTopology, topologyView } from '../topology/topology-view.js';

export interface RouterOptions {
  readonly httpAuth: HttpAuthService;
  readonly userInfo: UserInfoService;
  readonly permissions: PermissionsService;
  readonly auditor: AuditorService;
  readonly catalog: CatalogService;
  readonly urlReader: UrlReaderService;
  readonly store: DrillStore;
  readonly drills: DrillService;
}

const runBody = z.object({ scenario: z.string().min(1) });

const refOf = (req: Request): string =>
  stringifyEntityRef({
    kind: String(req.params['kind']),
    namespace: String(req.params['namespace']),
    name: String(req.params['name']),
  });

/** Owner refs of an entity: its ownedBy relations, else spec.owner resolved like the catalog does. */
function ownersOf(entity: Entity): string[] {
  const relations = (entity.relations ?? []).filter((r) => r.type === 'ownedBy').map((r) => r.targetRef);
  const owner = entity.spec?.['owner'];
  if (relations.length > 0 || typeof owner !== 'string') return relations;
  return [
    stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    ),
  ];
}

/**
 * The okemesh API. Every route but /health needs credentials (the plugin's httpRouter policy); each then
 * checks its permission, and running a drill also checks that a user caller owns the entity.
 */
export async function createRouter(options: RouterOptions): Promise<express.Router> {
  const { httpAuth, userInfo, permissions, auditor, catalog, urlReader, store, drills } = options;
  const router = Router();
  router.use(express.json({ limit: '16kb' }));

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  async function authorize(
    req: Request,
    permission: BasicPermission,
  ): Promise<BackstageCredentials<BackstageUserPrincipal | BackstageServicePrincipal>> {
    const credentials = await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const [decision] = await permissions.authorize([{ permission }], { credentials });
    if (decision?.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`${permission.name} is not allowed`);
    }
    return credentials;
  }

  /** The entity, looked up in the catalog with the caller's own credentials. */
  async function entityOf(
    req: Request,
    credentials: BackstageCredentials,
  ): Promise<{ ref: string; entity: Entity }> {
    const ref = refOf(req);
    const entity = await catalog.getEntityByRef(ref, { credentials });
    if (entity === undefined) {
      throw new OkemeshBackendError('OKEMESH_ENTITY_NOT_FOUND', `no entity ${ref} visible to the caller`);
    }
    return { ref, entity };
  }

  const entityPath = '/entities/:kind/:namespace/:name';

  router.get(`${entityPath}/topology`, async (req, res) => {
    const credentials = await authorize(req, okemeshTopologyReadPermission);
    const { ref, entity } = await entityOf(req, credentials);
    const { source, text } = await readTopologyText(urlReader, entity, ref);
    res.json(topologyView(ref, source, text));
  });

  router.get(`${entityPath}/drills`, async (req, res) => {
    const credentials = await authorize(req, okemeshTopologyReadPermission);
    const { ref, entity } = await entityOf(req, credentials);
    const { source, text } = await readTopologyText(urlReader, entity, ref);
    const body: DrillListResponse = { drills: drillDefinitions(parseEntityTopology(text, source)) };
    res.json(body);
  });

  router.get(`${entityPath}/drills/history`, async (req, res) => {
    const credentials = await authorize(req, okemeshTopologyReadPermission);
    const { ref } = await entityOf(req, credentials);
    const body: DrillHistoryResponse = { runs: await store.history(ref) };
    res.json(body);
  });

  router.post(`${entityPath}/drills`, async (req, res) => {
    const event = await auditor.createEvent({
      eventId: 'drill-run',
      severityLevel: 'high',
      request: req,
      meta: { entityRef: refOf(req), scenario: String(req.body?.scenario ?? '') },
    });
    try {
      const credentials = await authorize(req, okemeshDrillRunPermission);
      const { ref, entity } = await entityOf(req, credentials);
      let initiatedBy: string;
      const { principal } = credentials;
      if (principal.type === 'user') {
        const { userEntityRef, ownershipEntityRefs } = await userInfo.getUserInfo(credentials);
        const owners = ownersOf(entity);
        if (!owners.some((o) => ownershipEntityRefs.includes(o))) {
          throw new OkemeshBackendError(
            'OKEMESH_NOT_OWNER',
            `${userEntityRef} does not own ${ref} (owners: ${owners.join(', ') || 'none'})`,
          );
        }
        initiatedBy = userEntityRef;
      } else {
        initiatedBy = `service:${principal.subject}`;
      }
      const parsed = runBody.safeParse(req.body);
      if (!parsed.success) {
        throw new OkemeshBackendError('OKEMESH_UNKNOWN_SCENARIO', 'the body must be {"scenario": "<name>"}');
      }
      const { source, text } = await readTopologyText(urlReader, entity, ref);
      const run = await drills.start(
        ref,
        parseEntityTopology(text, source),
        parsed.data.scenario,
        initiatedBy,
      );
      await event.success({ meta: { runId: run.id } });
      res.status(202).json(run);
    } catch (error) {
      await event.fail({ error: error instanceof Error ? error : new Error(String(error)) });
      throw error;
    }
  });

  router.get(`${entityPath}/drills/:id`, async (req, res) => {
    const credentials = await authorize(req, okemeshTopologyReadPermission);
    const { ref } = await entityOf(req, credentials);
    res.json(await store.get(ref, String(req.params['id'])));
  });

  router.get(`${entityPath}/drills/:id/report`, async (req, res) => {
    const credentials = await authorize(req, okemeshTopologyReadPermission);
    const { ref } = await entityOf(req, credentials);
    const id = String(req.params['id']);
    const report = await store.report(ref, id);
    res.type('text/markdown').attachment(`drill-${id}.md`).send(report);
  });

  router.get(`${entityPath}/drills/:id/journal`, async (req, res) => {
    const credentials = await authorize(req, okemeshTopologyReadPermission);
    const { ref } = await entityOf(req, credentials);
    const id = String(req.params['id']);
    const journal = await store.journal(ref, id);
    res
      .type('application/x-ndjson')
      .attachment(`drill-${id}.jsonl`)
      .send(journal.map((entry) => JSON.stringify(entry)).join('\n') + '\n');
  });

  return router;
}
