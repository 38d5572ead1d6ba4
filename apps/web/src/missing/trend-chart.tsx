/**
 * A small line chart of one figure over the quarters, drawn as SVG: the committee wants the
 * direction of travel, so the axis starts at zero and every point is labelled. A quarter without
 * the figure (a rate of nothing: no interviews were required) is a gap marked "no data", never a
 * zero that reads as a collapse. The quarter under way is drawn hollow, dashed and "so far".
 */
export interface TrendPoint {
  label: string;
  value: number | null;
  /** A period still under way (the current quarter so far): a hollow point on a dashed segment. */
  partial?: boolean;
}

const width = 560;
const height = 180;
const pad = { top: 20, right: 36, bottom: 34, left: 36 };

export function TrendChart({ title, points, unit = '' }: { title: string; points: TrendPoint[]; unit?: string }) {
  const max = Math.max(1, ...points.map((point) => point.value ?? 0));
  const step = points.length > 1 ? (width - pad.left - pad.right) / (points.length - 1) : 0;
  const x = (index: number) => pad.left + index * step;
  const y = (value: number) => pad.top + (height - pad.top - pad.bottom) * (1 - value / max);
  // A new segment starts after every gap. A partial period is left off the solid line and joined
  // to it by a dashed one, so a quarter half over does not read as a sharp drop.
  const path = points
    .map((point, index) => {
      if (point.value === null || point.partial) return '';
      const previous = points[index - 1];
      const move = index === 0 || previous?.value === null;
      return `${move ? 'M' : 'L'}${x(index)},${y(point.value)}`;
    })
    .filter(Boolean)
    .join(' ');
  const partialPath = points
    .map((point, index) => {
      const previous = points[index - 1];
      if (!point.partial || point.value === null || !previous || previous.value === null) return '';
      return `M${x(index - 1)},${y(previous.value)} L${x(index)},${y(point.value)}`;
    })
    .filter(Boolean)
    .join(' ');
  const describe = (point: TrendPoint) =>
    point.value === null ? 'no data' : `${point.value}${unit}${point.partial ? ' so far' : ''}`;
  return (
    <figure className="trend-chart">
      <figcaption>{title}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`${title}: ${points.map((p) => `${p.label} ${describe(p)}`).join(', ')}`}
      >
        <line x1={pad.left} x2={width - pad.right} y1={y(0)} y2={y(0)} className="trend-chart__axis" />
        <path d={path} className="trend-chart__line" fill="none" />
        {partialPath && <path d={partialPath} className="trend-chart__line trend-chart__line--partial" fill="none" />}
        {points.map((point, index) => (
          <g key={point.label}>
            {point.value !== null && (
              <circle
                cx={x(index)}
                cy={y(point.value)}
                r={4}
                className={point.partial ? 'trend-chart__point trend-chart__point--partial' : 'trend-chart__point'}
              />
            )}
            <text x={x(index)} y={y(point.value ?? 0) - 8} textAnchor="middle" className="trend-chart__value">
              {describe(point)}
            </text>
            <text x={x(index)} y={height - 12} textAnchor="middle" className="trend-chart__label">
              {point.label.replace(/^20/, '')}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
