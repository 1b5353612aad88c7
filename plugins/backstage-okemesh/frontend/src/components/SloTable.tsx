import type { DrillRun, SloRow } from '@okemesh/backstage-plugin-okemesh-common';

const labels: Record<SloRow['name'], string> = {
  availability: 'Availability (%)',
  rto: 'RTO',
  rpo: 'RPO',
  dnsFailover: 'DNS failover',
  crossClusterP99: 'Cross-cluster p99',
  meshSync: 'Mesh config sync',
};

/** The SLOs of mesh.yaml, with the last measured RTO/RPO next to their targets. */
export function SloTable({ slos, last }: { slos: readonly SloRow[]; last?: DrillRun | undefined }) {
  const measured = (name: SloRow['name']) =>
    name === 'rto' ? last?.rtoSeconds : name === 'rpo' ? last?.rpoSeconds : undefined;
  return (
    <table aria-label="SLOs" style={{ borderCollapse: 'collapse', width: '100%' }}>
      <thead>
        <tr>
          <th align="left">SLO</th>
          <th align="left">Target</th>
          <th align="left">Last drill</th>
        </tr>
      </thead>
      <tbody>
        {slos.map((s) => {
          const m = measured(s.name);
          const ok = m === undefined || s.seconds === undefined ? undefined : m <= s.seconds;
          return (
            <tr key={s.name}>
              <td>{labels[s.name]}</td>
              <td>{s.target}</td>
              <td style={{ color: ok === false ? '#c62828' : undefined }}>
                {m === undefined ? '—' : `${m} s${ok === false ? ' (missed)' : ''}`}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
