import type { DrillDefinition, DrillRun } from '@okemesh/backstage-plugin-okemesh-common';
import { useEffect, useState } from 'react';
import { OkemeshApiError, type EntityName, type OkemeshApi } from '../api/okemesh-api.js';

/** "Run drill": pick a scenario, confirm, then follow the run's phases until it finishes. */
export function RunDrill(props: {
  api: OkemeshApi;
  entity: EntityName;
  drills: readonly DrillDefinition[];
  onFinished: (run: DrillRun) => void;
  pollMs?: number;
}) {
  const { api, entity, drills, onFinished, pollMs = 1000 } = props;
  const [scenario, setScenario] = useState(drills[0]?.scenario);
  const [confirming, setConfirming] = useState(false);
  const [run, setRun] = useState<DrillRun>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (run?.status !== 'running') return undefined;
    const timer = setTimeout(() => {
      api.run(entity, run.id).then(
        (next) => {
          setRun(next);
          if (next.status !== 'running') onFinished(next);
        },
        (e: Error) => setError(e.message),
      );
    }, pollMs);
    return () => clearTimeout(timer);
  }, [api, entity, run, pollMs, onFinished]);

  if (drills.length === 0 || scenario === undefined) return <p>This topology has no drill scenarios.</p>;
  const start = async () => {
    setConfirming(false);
    setError(undefined);
    try {
      setRun(await api.runDrill(entity, scenario));
    } catch (e) {
      setError(
        e instanceof OkemeshApiError && e.kind === 'denied'
          ? 'You may not run drills on this entity (okemesh.drill.run, and you must own it).'
          : e instanceof Error
            ? e.message
            : String(e),
      );
    }
  };
  return (
    <section aria-label="Run drill">
      <label>
        Scenario{' '}
        <select
          value={scenario}
          onChange={(e) => setScenario(e.target.value as typeof scenario)}
          disabled={run?.status === 'running'}
        >
          {drills.map((d) => (
            <option key={d.scenario} value={d.scenario} title={d.description}>
              {d.scenario}
            </option>
          ))}
        </select>
      </label>{' '}
      {!confirming && (
        <button type="button" onClick={() => setConfirming(true)} disabled={run?.status === 'running'}>
          Run drill
        </button>
      )}
      {confirming && (
        <span role="alertdialog" aria-label="Confirm drill">
          {' '}
          This injects a real fault ({scenario}) into the mesh. Continue?{' '}
          <button type="button" onClick={start}>
            Start {scenario}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </span>
      )}
      {run && (
        <p role="status">
          Drill {run.scenario}: {run.status} — {run.phase}
          {run.message ? ` (${run.message})` : ''}
        </p>
      )}
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
