import type { DrillRun } from '@okemesh/backstage-plugin-okemesh-common';

const W = 480;
const H = 160;

/** RTO (bars) and RPO (dots) of the finished drills against the SLO lines, oldest first. */
export function RecoveryChart({ runs }: { runs: readonly DrillRun[] }) {
  const finished = [...runs]
    .filter((r) => r.rtoSeconds !== undefined || r.rpoSeconds !== undefined)
    .reverse();
  if (finished.length === 0) return null;
  const slo = finished[0]?.sloRtoSeconds;
  const rpoSlo = finished[0]?.sloRpoSeconds;
  const max =
    Math.max(1, slo ?? 0, rpoSlo ?? 0, ...finished.flatMap((r) => [r.rtoSeconds ?? 0, r.rpoSeconds ?? 0])) *
    1.1;
  const y = (v: number) => H - 20 - (v / max) * (H - 40);
  const step = (W - 40) / finished.length;
  return (
    <svg
      role="img"
      aria-label="RTO and RPO versus SLO"
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      style={{ maxWidth: W, fontSize: 10 }}
    >
      {finished.map((r, i) => (
        <g key={r.id} data-run={r.id}>
          {r.rtoSeconds !== undefined && (
            <rect
              x={30 + i * step + step * 0.2}
              y={y(r.rtoSeconds)}
              width={step * 0.6}
              height={H - 20 - y(r.rtoSeconds)}
              fill={slo !== undefined && r.rtoSeconds > slo ? '#c62828' : '#2e7d32'}
            >
              <title>{`${r.scenario}: RTO ${r.rtoSeconds} s`}</title>
            </rect>
          )}
          {r.rpoSeconds !== undefined && (
            <circle cx={30 + i * step + step / 2} cy={y(r.rpoSeconds)} r={4} fill="#1565c0" />
          )}
        </g>
      ))}
      {slo !== undefined && (
        <g data-slo="rto">
          <line x1={30} x2={W - 10} y1={y(slo)} y2={y(slo)} stroke="#c62828" strokeDasharray="4 3" />
          <text x={32} y={y(slo) - 3}>
            RTO SLO {slo} s
          </text>
        </g>
      )}
      {rpoSlo !== undefined && (
        <g data-slo="rpo">
          <line x1={30} x2={W - 10} y1={y(rpoSlo)} y2={y(rpoSlo)} stroke="#1565c0" strokeDasharray="2 3" />
          <text x={W - 12} y={y(rpoSlo) - 3} textAnchor="end">
            RPO SLO {rpoSlo} s
          </text>
        </g>
      )}
      <line x1={30} x2={W - 10} y1={H - 20} y2={H - 20} stroke="#555" />
    </svg>
  );
}

/** Every drill of the entity, newest first, with the chart above. */
export function DrillHistory({ runs }: { runs: readonly DrillRun[] }) {
  if (runs.length === 0) return <p>No drills yet. Run one to measure RTO against the SLO.</p>;
  return (
    <section aria-label="Drill history">
      <RecoveryChart runs={runs} />
      <table aria-label="Drills" style={{ borderCollapse: 'collapse', width: '100%' }}>
        <thead>
          <tr>
            <th align="left">Started</th>
            <th align="left">Scenario</th>
            <th align="left">Status</th>
            <th align="left">RTO</th>
            <th align="left">RPO</th>
            <th align="left">By</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id}>
              <td>{r.startedAt}</td>
              <td>{r.scenario}</td>
              <td title={r.message}>{r.status}</td>
              <td>{r.rtoSeconds === undefined ? '—' : `${r.rtoSeconds} s`}</td>
              <td>{r.rpoSeconds === undefined ? '—' : `${r.rpoSeconds} s`}</td>
              <td>{r.initiatedBy}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
