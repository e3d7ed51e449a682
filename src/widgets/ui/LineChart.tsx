/**
 * A small SVG line chart with axes, units and a legend, drawn from plain series. Colours come
 * from CSS custom properties (--kit-series-N), so both themes stay readable.
 */
import { formatTick, linearScale, niceDomain } from './scale.ts';

export interface Series {
  name: string;
  points: readonly (readonly [x: number, y: number])[];
  /** Draw as a dashed threshold line (an alert level, a limit). */
  dashed?: boolean;
}

interface Props {
  title: string;
  series: readonly Series[];
  xUnit: string;
  yUnit: string;
  /** Fixed x extent (the whole run), so the chart does not rescale while playing. */
  xDomain?: readonly [number, number];
  width?: number;
  height?: number;
}

const M = { top: 10, right: 12, bottom: 34, left: 56 };

export function LineChart({ title, series, xUnit, yUnit, xDomain, width = 640, height = 220 }: Props) {
  const xs = series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = series.flatMap((s) => s.points.map((p) => p[1]));
  const xd: readonly [number, number] = xDomain ?? [Math.min(0, ...xs), Math.max(1, ...xs)];
  const yd = niceDomain(Math.min(0, ...ys), Math.max(0, ...ys), 4);
  const x = linearScale(xd, [M.left, width - M.right]);
  const y = linearScale(yd, [height - M.bottom, M.top]);
  const path = (pts: Series['points']) => pts.map((p, i) => `${i ? 'L' : 'M'}${x(p[0]).toFixed(1)},${y(p[1]).toFixed(1)}`).join('');
  return (
    <figure class="kit-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${title}: ${series.map((s) => s.name).join(', ')} over ${xUnit}`}>
        <g class="kit-axis">
          {y.ticks(4).map((t) => (
            <g>
              <line x1={M.left} x2={width - M.right} y1={y(t)} y2={y(t)} class="kit-grid" />
              <text x={M.left - 6} y={y(t)} dy="0.32em" text-anchor="end">
                {formatTick(t)}
              </text>
            </g>
          ))}
          {x.ticks(6).map((t) => (
            <text x={x(t)} y={height - M.bottom + 16} text-anchor="middle">
              {formatTick(t)}
            </text>
          ))}
          <text x={(M.left + width - M.right) / 2} y={height - 4} text-anchor="middle" class="kit-axis-title">
            {xUnit}
          </text>
          <text transform={`translate(12 ${(M.top + height - M.bottom) / 2}) rotate(-90)`} text-anchor="middle" class="kit-axis-title">
            {yUnit}
          </text>
        </g>
        {series.map((s, i) => (
          <path d={path(s.points)} class={`kit-line kit-series-${i % 6}`} stroke-dasharray={s.dashed ? '6 4' : undefined} />
        ))}
      </svg>
      <figcaption class="kit-legend">
        <span class="kit-chart-title">{title}</span>
        {series.map((s, i) => (
          <span class="kit-legend-item">
            <span class={`kit-swatch kit-series-${i % 6}`} data-dashed={s.dashed ? '' : undefined} aria-hidden="true" />
            {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
