import { formatDay } from '../scoring/format';
import type { Point } from '../scoring/trends';

// Small charts in plain SVG, drawn with the theme's colours (so dark mode follows): no library, no
// remote code. Each has a text alternative: the figures it shows, for screen readers and for copying.

const W = 360;
const H = 120;
const PAD = { left: 34, right: 8, top: 10, bottom: 20 };

export type Series = { label: string; points: Point[]; className: string };

/** Lines over time, on one scale from `min` to `max` (e.g. 0–100 for a score or a percentage). */
export function LineChart({
  title,
  series,
  min,
  max,
  unit = '',
}: {
  title: string;
  series: Series[];
  min: number;
  max: number;
  unit?: string;
}) {
  const all = series.flatMap((s) => s.points);
  if (all.filter((p) => p[1] !== null).length === 0) return null;
  const t0 = Math.min(...all.map((p) => p[0]));
  const t1 = Math.max(...all.map((p) => p[0]));
  const form = t1 - t0 < 300 * 86_400_000 ? 'day' : 'month';
  const shortDate = { format: (t: number) => formatDay(t, form) };
  const dots = Math.max(...series.map((s) => s.points.length)) <= 12;
  const x = (t: number) => PAD.left + ((t - t0) / Math.max(1, t1 - t0)) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - (v - min) / Math.max(1e-9, max - min)) * (H - PAD.top - PAD.bottom);
  const path = (points: Point[]) => {
    let d = '';
    let pen = false;
    for (const [t, v] of points) {
      if (v === null) {
        pen = false;
        continue;
      }
      d += `${pen ? 'L' : 'M'}${x(t).toFixed(1)},${y(v).toFixed(1)}`;
      pen = true;
    }
    return d;
  };
  const latest = (s: Series) => s.points.filter((p) => p[1] !== null).at(-1)?.[1];
  const description = series
    .map(
      (s) =>
        `${s.label}: ${s.points.flatMap(([t, v]) => (v === null ? [] : [`${shortDate.format(t)} ${v}${unit}`])).join(', ')}`,
    )
    .join('. ');
  return (
    <figure class="chart">
      <figcaption>
        {title}
        {series.map((s) => (
          <span key={s.label} class={`legend ${s.className}`}>
            {s.label}
            {latest(s) !== undefined && ` · now ${latest(s)}${unit}`}
          </span>
        ))}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${title}. ${description}`}>
        {[min, (min + max) / 2, max].map((v) => (
          <g key={v}>
            <line class="grid" x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
            <text class="axis" x={PAD.left - 4} y={y(v) + 4} text-anchor="end">
              {Math.round(v * 10) / 10}
            </text>
          </g>
        ))}
        <text class="axis" x={PAD.left} y={H - 4}>
          {shortDate.format(t0)}
        </text>
        <text class="axis" x={W - PAD.right} y={H - 4} text-anchor="end">
          {shortDate.format(t1)}
        </text>
        {series.map((s) => (
          <g key={s.label} class={s.className}>
            <path class="line" d={path(s.points)} />
            {dots &&
              s.points.map(
                ([t, v]) => v !== null && <circle key={t} class="dot" cx={x(t)} cy={y(v)} r={2.2} />,
              )}
          </g>
        ))}
      </svg>
    </figure>
  );
}

export type Bar = { label: string; value: number; note?: string; href?: string };

/** Horizontal bars, largest first, each with its figure written out. */
export function BarChart({
  title,
  bars,
  format,
}: {
  title: string;
  bars: Bar[];
  format: (v: number) => string;
}) {
  if (bars.length === 0) return null;
  const top = Math.max(...bars.map((b) => b.value), 1);
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <ul class="bars">
        {bars.map((b) => (
          <li key={b.label}>
            <span class="bar-label clip" title={b.label}>
              {b.href ? <a href={b.href}>{b.label}</a> : b.label}
            </span>
            <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
              <rect x="0" y="1" height="8" width={Math.max(0.5, (100 * b.value) / top)} />
            </svg>
            <span class="bar-value">
              {format(b.value)}
              {b.note && <span class="muted small"> {b.note}</span>}
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
