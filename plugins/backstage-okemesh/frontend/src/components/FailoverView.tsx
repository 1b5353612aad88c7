import type { DrillListResponse, DrillRun, TopologyResponse } from '@okemesh/backstage-plugin-okemesh-common';
import { useCallback, useEffect, useState } from 'react';
import { OkemeshApiError, type EntityName, type OkemeshApi } from '../api/okemesh-api.js';
import { DrillHistory } from './DrillHistory.js';
import { LintStatus } from './LintStatus.js';
import { RunDrill } from './RunDrill.js';
import { SloTable } from './SloTable.js';
import { TopologyDiagram } from './TopologyDiagram.js';

type State =
  | { kind: 'loading' }
  | { kind: 'denied'; message: string }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; topology: TopologyResponse; drills: DrillListResponse; runs: readonly DrillRun[] };

/** Loads everything the tab shows; a 401/403 is the permission-denied state, anything else an error. */
export function useFailoverData(api: OkemeshApi, entity: EntityName | undefined) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const load = useCallback(async () => {
    if (!entity) return;
    try {
      const [topology, drills, history] = await Promise.all([
        api.topology(entity),
        api.drills(entity),
        api.history(entity),
      ]);
      setState({ kind: 'ready', topology, drills, runs: history.runs });
    } catch (e) {
      if (e instanceof OkemeshApiError && e.kind === 'denied')
        setState({ kind: 'denied', message: e.message });
      else setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  }, [api, entity]);
  useEffect(() => {
    void load();
  }, [load]);
  return { state, reload: load };
}

export const MissingAnnotation = () => (
  <section role="note" aria-label="Missing annotation">
    <h3>No okemesh topology</h3>
    <p>
      Add the <code>okemesh.io/topology</code> annotation (for example <code>./mesh.yaml</code>) to this
      entity&apos;s catalog-info.yaml to see its failover topology and drills.
    </p>
  </section>
);

/** The Failover tab, given its API and entity (the Backstage wrappers supply both). */
export function FailoverView({
  api,
  entity,
  pollMs,
}: {
  api: OkemeshApi;
  entity?: EntityName | undefined;
  pollMs?: number;
}) {
  const { state, reload } = useFailoverData(api, entity);
  if (!entity) return <MissingAnnotation />;
  if (state.kind === 'loading')
    return (
      <p role="progressbar" aria-label="Loading failover data">
        Loading failover data…
      </p>
    );
  if (state.kind === 'denied')
    return (
      <section role="alert" aria-label="Permission denied">
        <h3>Permission denied</h3>
        <p>You need okemesh.topology.read to see this entity&apos;s failover topology. ({state.message})</p>
      </section>
    );
  if (state.kind === 'error')
    return (
      <section role="alert" aria-label="Error">
        <h3>Could not load the failover topology</h3>
        <p>{state.message}</p>
      </section>
    );
  const { topology, drills, runs } = state;
  return (
    <div style={{ display: 'grid', gap: 16 }}>
      <section aria-label="Topology">
        <h3>
          Mesh {topology.meshId} ({topology.rendered.files} files, {topology.rendered.objects} objects)
        </h3>
        <TopologyDiagram topology={topology} />
      </section>
      <section aria-label="Service level objectives">
        <h3>SLOs</h3>
        <SloTable slos={topology.slos} last={runs.find((r) => r.status !== 'running')} />
      </section>
      <LintStatus lint={topology.lint} />
      <section aria-label="Drills">
        <h3>Drills</h3>
        <RunDrill
          api={api}
          entity={entity}
          drills={drills.drills}
          onFinished={() => void reload()}
          {...(pollMs === undefined ? {} : { pollMs })}
        />
        <DrillHistory runs={runs} />
      </section>
    </div>
  );
}

/** The overview card: lint status, last drill against the RTO SLO. */
export function FailoverCardView({ api, entity }: { api: OkemeshApi; entity?: EntityName | undefined }) {
  const { state } = useFailoverData(api, entity);
  if (!entity) return <MissingAnnotation />;
  if (state.kind === 'loading')
    return (
      <p role="progressbar" aria-label="Loading failover data">
        Loading…
      </p>
    );
  if (state.kind === 'denied') return <p role="alert">Permission denied (okemesh.topology.read)</p>;
  if (state.kind === 'error') return <p role="alert">{state.message}</p>;
  const last = state.runs[0];
  return (
    <section aria-label="Failover summary">
      <p>
        {state.topology.regions.length} regions · {state.topology.services.length} services · lint{' '}
        {state.topology.lint.status}
      </p>
      <p>
        {last
          ? `Last drill ${last.scenario}: ${last.status}${last.rtoSeconds === undefined ? '' : `, RTO ${last.rtoSeconds} s`}${
              last.sloRtoSeconds === undefined ? '' : ` (SLO ${last.sloRtoSeconds} s)`
            }`
          : 'No drills yet'}
      </p>
    </section>
  );
}
