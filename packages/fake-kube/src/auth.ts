import { FakeKubeError } from './errors.js';
import { MUTATING_METHODS } from './request-info.js';
import type { ResourceRequest } from './request-info.js';

/** Who a bearer token authenticates as. */
export interface Identity {
  /** `system:admin`, or `system:serviceaccount:<ns>:<name>` for issued tokens. */
  readonly user: string;
  /** Read-only identities get 403 Forbidden on every mutating verb. */
  readonly readOnly: boolean;
  /** For ServiceAccount tokens: the account they are bound to (the token dies with it). */
  readonly serviceAccount?: { readonly namespace: string; readonly name: string; readonly uid: string };
}

/** Bearer tokens a fake cluster accepts: its admin token, added tokens, and ServiceAccount tokens it issued. */
export class TokenRegistry {
  private readonly tokens = new Map<string, Identity>();

  /** `stillBound` tells whether a ServiceAccount (namespace, name, uid) still exists. */
  constructor(
    private readonly stillBound: (account: NonNullable<Identity['serviceAccount']>) => boolean = () => true,
  ) {}

  add(token: string, identity: Identity): void {
    this.tokens.set(token, identity);
  }

  remove(token: string): void {
    this.tokens.delete(token);
  }

  /** The identity of an `Authorization` header; 401 Unauthorized when missing or unknown. */
  authenticate(header: string | undefined): Identity {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
    const identity = match?.[1] === undefined ? undefined : this.tokens.get(match[1]);
    const revoked = identity?.serviceAccount !== undefined && !this.stillBound(identity.serviceAccount);
    if (identity === undefined || revoked) throw new FakeKubeError('FAKE_KUBE_UNAUTHORIZED', 'Unauthorized');
    return identity;
  }
}

const VERB_BY_METHOD: Readonly<Record<string, string>> = {
  POST: 'create',
  PUT: 'update',
  PATCH: 'patch',
  DELETE: 'delete',
};

/** 403 Forbidden for read-only identities attempting a write, worded like the RBAC authorizer. */
export function authorize(identity: Identity, method: string, request: ResourceRequest | undefined): void {
  if (!identity.readOnly || !MUTATING_METHODS.has(method)) return;
  const verb = VERB_BY_METHOD[method] ?? method.toLowerCase();
  const resource =
    request === undefined
      ? 'nonresource'
      : request.subresource === undefined
        ? request.resource
        : `${request.resource}/${request.subresource}`;
  const target = request?.name === undefined ? resource : `${resource} "${request.name}"`;
  const where =
    request?.namespace === undefined ? 'at the cluster scope' : `in the namespace "${request.namespace}"`;
  throw new FakeKubeError(
    'FAKE_KUBE_FORBIDDEN',
    `${target} is forbidden: User "${identity.user}" cannot ${verb} resource "${resource}" in API group "${request?.group ?? ''}" ${where}`,
    {
      ...(request?.name === undefined ? {} : { name: request.name }),
      ...(request === undefined || request.group === '' ? {} : { group: request.group }),
      kind: request?.resource ?? '',
    },
  );
}
