/**
 * One Load lab chart: a series for every fix on shared axes, with a hover read-out of each
 * fix's value at the time under the pointer. Geometry from `viz/loadChart` (pure).
 */
import { useMemo, useState } from 'react';
import { bucketAt, chartLayout } from '../../viz/loadChart';

export interface ChartSeries {
  readonly fix: string;
  readonly label: string;
  readonly color: string;
  readonly values: readonly number[];
}

const WIDTH = 560;
const HEIGHT = 180;

/** Returns a chart of `series` (all with bucket width `bucket` ms) titled `title`. */
export function LoadChart({
  id,
  title,
  unit,
  bucket,
  series,
}: {
  id: string;
  title: string;
  unit: string;
  bucket: number;
  series: readonly ChartSeries[];
}) {
  const layout = useMemo(() => chartLayout(series, bucket, WIDTH, HEIGHT), [series, bucket]);
  const [hover, setHover] = useState<number | null>(null);
  const { margin } = layout;
  return (
    <figure className="load-chart" data-testid={`chart-${id}`}>
      <figcaption className="load-chart-title">
        {title} <span className="muted">({unit})</span>
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`${title} over time, one line per fix`}
        onMouseMove={(event) => {
          const box = event.currentTarget.getBoundingClientRect();
          setHover(bucketAt(layout, ((event.clientX - box.left) / box.width) * WIDTH));
        }}
        onMouseLeave={() => setHover(null)}
      >
        {layout.yTicks.map((t) => (
          <g key={`y${t.y}`}>
            <line
              className="load-grid"
              x1={margin.left}
              x2={WIDTH - margin.right}
              y1={t.y}
              y2={t.y}
            />
            <text className="load-tick" x={margin.left - 6} y={t.y + 4} textAnchor="end">
              {t.label}
            </text>
          </g>
        ))}
        {layout.xTicks.map((t) => (
          <text key={`x${t.x}`} className="load-tick" x={t.x} y={HEIGHT - 6} textAnchor="middle">
            {t.label}
          </text>
        ))}
        {layout.lines.map((l, i) => (
          <path
            key={l.fix}
            className="load-line"
            data-fix={l.fix}
            d={l.d}
            stroke={series[i]?.color}
          />
        ))}
        {hover !== null && (
          <line
            className="load-hover"
            x1={layout.xOf(hover)}
            x2={layout.xOf(hover)}
            y1={margin.top}
            y2={HEIGHT - margin.bottom}
          />
        )}
      </svg>
      <p className="load-readout" aria-live="polite" data-testid={`readout-${id}`}>
        {hover === null
          ? 'Point at the chart to read each fix’s value.'
          : `at ${((hover * bucket) / 1000).toFixed(1)}–${(((hover + 1) * bucket) / 1000).toFixed(1)} s: ` +
            series
              .map((s) => `${s.label} ${(s.values[hover] ?? 0).toLocaleString('en')}`)
              .join(' · ')}
      </p>
    </figure>
  );
}
