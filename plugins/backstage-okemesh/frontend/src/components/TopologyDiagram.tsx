import type { TopologyResponse } from '@okemesh/backstage-plugin-okemesh-common';

const REGION_W = 300;
const GAP = 120;
const CLUSTER_H = 56;

/**
 * The mesh as SVG: one box per region with its clusters (network in the label), an east-west link between
 * clusters on different networks, and per service which regions are active and which are passive.
 */
export function TopologyDiagram({ topology }: { topology: TopologyResponse }) {
  const regions = topology.regions;
  const rows = Math.max(1, ...regions.map((r) => r.clusters.length));
  const serviceTop = 60 + rows * (CLUSTER_H + 16) + 24;
  const height = serviceTop + topology.services.length * 22 + 16;
  const width = regions.length * REGION_W + (regions.length - 1) * GAP + 20;
  const clusterPos = new Map<string, { x: number; y: number }>();
  regions.forEach((r, i) =>
    r.clusters.forEach((c, j) =>
      clusterPos.set(c.name, { x: 10 + i * (REGION_W + GAP) + 20, y: 50 + j * (CLUSTER_H + 16) }),
    ),
  );
  const regionX = (name: string) => 10 + regions.findIndex((r) => r.name === name) * (REGION_W + GAP);
  return (
    <svg
      role="img"
      aria-label={`Topology of mesh ${topology.meshId}`}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width, fontFamily: 'sans-serif', fontSize: 12 }}
    >
      {regions.map((r, i) => (
        <g key={r.name} data-region={r.name}>
          <rect
            x={10 + i * (REGION_W + GAP)}
            y={10}
            width={REGION_W}
            height={serviceTop - 20}
            rx={8}
            fill="#f4f7fb"
            stroke="#8aa4c8"
          />
          <text x={20 + i * (REGION_W + GAP)} y={32} fontWeight="bold">
            {r.name}
          </text>
        </g>
      ))}
      {topology.eastWest.map((link) => {
        const a = clusterPos.get(link.from);
        const b = clusterPos.get(link.to);
        if (!a || !b) return null;
        return (
          <g key={`${link.from}-${link.to}`} data-link={`${link.from}-${link.to}`}>
            <line
              x1={a.x + REGION_W - 40}
              y1={a.y + CLUSTER_H / 2}
              x2={b.x}
              y2={b.y + CLUSTER_H / 2}
              stroke="#d9822b"
              strokeWidth={3}
              strokeDasharray="6 4"
            />
            <text
              x={(a.x + REGION_W - 40 + b.x) / 2}
              y={(a.y + b.y) / 2 + CLUSTER_H / 2 - 6}
              textAnchor="middle"
            >
              east-west
            </text>
          </g>
        );
      })}
      {regions.flatMap((r) =>
        r.clusters.map((c) => {
          const p = clusterPos.get(c.name);
          if (p === undefined) return null;
          return (
            <g key={c.name} data-cluster={c.name}>
              <rect
                x={p.x}
                y={p.y}
                width={REGION_W - 40}
                height={CLUSTER_H}
                rx={6}
                fill={c.role === 'primary' ? '#e3f2e1' : '#fff'}
                stroke="#4a7c3f"
              />
              <text x={p.x + 10} y={p.y + 22} fontWeight="bold">
                {c.name}
              </text>
              <text x={p.x + 10} y={p.y + 42}>
                {c.role} · {c.network}
              </text>
            </g>
          );
        }),
      )}
      {topology.services.map((s, k) => (
        <g key={s.name} data-service={s.name}>
          <text x={10} y={serviceTop + k * 22} fontWeight="bold">
            {s.name}
          </text>
          {regions.map((r) => {
            const active = s.activeRegions.includes(r.name);
            return (
              <text
                key={r.name}
                x={regionX(r.name) + REGION_W / 2}
                y={serviceTop + k * 22}
                textAnchor="middle"
                fill={active ? '#2e7d32' : '#888'}
              >
                {active ? 'active' : 'passive'}
              </text>
            );
          })}
        </g>
      ))}
    </svg>
  );
}
