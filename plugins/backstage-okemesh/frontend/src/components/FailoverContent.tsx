import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { isOkemeshAvailable } from '@okemesh/backstage-plugin-okemesh-common';
import { okemeshApiRef } from '../api/okemesh-api.js';
import { FailoverCardView, FailoverView } from './FailoverView.js';

function useOkemeshEntity() {
  const { entity } = useEntity();
  return isOkemeshAvailable(entity) ? getCompoundEntityRef(entity) : undefined;
}

/** The entity "Failover" tab. */
export function FailoverContent() {
  return <FailoverView api={useApi(okemeshApiRef)} entity={useOkemeshEntity()} />;
}

/** The entity overview card. */
export function FailoverCard() {
  return <FailoverCardView api={useApi(okemeshApiRef)} entity={useOkemeshEntity()} />;
}
