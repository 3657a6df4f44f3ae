/** Horizontal bars, one per row (0–100 %), in plain SVG with a text alternative. */
export function ScoreChart({ title, rows }: { title: string; rows: Array<{ label: string; percentage: number }> }) {
  const rowHeight = 28;
  const labelWidth = 220;
  const barWidth = 360;
  const height = rows.length * rowHeight + 8;
  return (
    <figure className="chart">
      <svg role="img" aria-labelledby="chart-title chart-desc" width={labelWidth + barWidth + 60} height={height} viewBox={`0 0 ${labelWidth + barWidth + 60} ${height}`}>
        <title id="chart-title">{title}</title>
        <desc id="chart-desc">{rows.map((row) => `${row.label}: ${Math.round(row.percentage)}%`).join('; ')}</desc>
        {rows.map((row, index) => {
          const y = index * rowHeight + 4;
          const width = (Math.max(0, Math.min(100, row.percentage)) / 100) * barWidth;
          return (
            <g key={row.label + index}>
              <text x={labelWidth - 8} y={y + 16} textAnchor="end" fill="#1a1d24" fontSize="13">
                {row.label.length > 30 ? `${row.label.slice(0, 29)}…` : row.label}
              </text>
              <rect x={labelWidth} y={y} width={barWidth} height={20} fill="#f4f5f8" stroke="#c9ced8" />
              <rect x={labelWidth} y={y} width={width} height={20} fill="#1d4ed8" />
              <text x={labelWidth + barWidth + 6} y={y + 16} fill="#1a1d24" fontSize="13">
                {Math.round(row.percentage)}%
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
