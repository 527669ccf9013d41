import { scaleLinear, scaleLog } from 'd3-scale';
import { formatNumber } from '~/notebook/format.ts';
import { AxisBottom } from './axes.tsx';
import { LineLegend } from './LineLegend.tsx';
import { OmittedNote } from './OmittedNote.tsx';
import { useIncrementalPath } from './useIncrementalPath.ts';

/*
 * LossCurve: the loss of several training runs against the iteration, on a logarithmic loss axis. Props:
 * - series: per run its losses (Float64Array, losses[i] at iteration i), how many are known (`count`), a label,
 *   a CSS colour and an optional dash pattern. Paths grow incrementally: a new `losses` array starts a new path.
 * - limit: the last iteration on the horizontal axis.
 * - top: the top of the loss axis (a power of ten); losses above it or below `bottom` are drawn at the edge. Losses
 *   that are not finite (∞ after a divergence, NaN) break the line, and a note under the chart says so.
 * - description: the text alternative, with the numbers.
 */
export interface LossSeries {
  key: string;
  label: string;
  losses: Float64Array;
  count: number;
  color: string;
  dash?: string;
}

interface Props {
  series: LossSeries[];
  limit: number;
  top: number;
  description: string;
}

/** The bottom of the loss axis: losses below it are drawn on it. */
export const LOSS_AXIS_BOTTOM = 1e-10;

const WIDTH = 360;
/** The width of one legend entry; entries that do not fit across the plot wrap to a second row. */
const LEGEND_ENTRY = 95;
const HEIGHT = 300;
const MARGIN = { top: 28, right: 14, bottom: 40, left: 62 };

/** A log-scale chart of loss against iteration for several runs, drawn as SVG from d3 scales. */
export function LossCurve({ series, limit, top, description }: Props) {
  const x = scaleLinear().domain([0, limit]).range([MARGIN.left, WIDTH - MARGIN.right]);
  // At least 10, at most 1e300: a top of ∞ or NaN (a first loss that overflowed) must not stretch the axis to ∞.
  const high = top > 10 ? Math.min(top, 1e300) : 10;
  const y = scaleLog().domain([LOSS_AXIS_BOTTOM, high]).range([HEIGHT - MARGIN.bottom, MARGIN.top]).clamp(true);
  let omitted = 0;
  for (const s of series) for (let i = 0; i < s.count; i++) if (!Number.isFinite(s.losses[i])) omitted++;
  const decades = Math.round(Math.log10(y.domain()[1] / LOSS_AXIS_BOTTOM));
  const every = decades > 12 ? 4 : decades > 6 ? 2 : 1;
  const ticks: number[] = [];
  for (let k = Math.log10(LOSS_AXIS_BOTTOM); k <= Math.log10(y.domain()[1]) + 1e-9; k += every) ticks.push(10 ** k);
  return (
    <>
    <svg class="chart loss-curve" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={description}>
      <AxisBottom scale={x} at={HEIGHT - MARGIN.bottom} label="iteration" ticks={5} />
      <g class="axis" aria-hidden="true">
        <line x1={MARGIN.left} x2={MARGIN.left} y1={MARGIN.top} y2={HEIGHT - MARGIN.bottom} />
        {ticks.map((tick, i) => (
          <g key={i} transform={`translate(${MARGIN.left},${y(tick)})`}>
            <line x2={-5} />
            <text x={-8} dy="0.32em" text-anchor="end">{formatNumber(tick)}</text>
          </g>
        ))}
        <text class="axis-label" x={MARGIN.left} y={14}>loss E (log scale)</text>
      </g>
      {series.map((s) => (
        <Curve key={s.key} series={s} x={x} y={y} />
      ))}
      <LineLegend
        class="loss-curve-legend"
        entries={series.map((s) => ({ label: s.label, color: s.color, width: 2.5, dash: s.dash }))}
        x={MARGIN.left + 8}
        y={MARGIN.top + 8}
        step={[LEGEND_ENTRY, 0]}
        perRow={Math.floor((WIDTH - MARGIN.left - MARGIN.right) / LEGEND_ENTRY)}
        swatch={16}
      />
    </svg>
    <OmittedNote count={omitted} />
    </>
  );
}

function Curve({ series, x, y }: { series: LossSeries; x: (v: number) => number; y: (v: number) => number }) {
  const d = useIncrementalPath(series.losses, series.count, (i) =>
    Number.isFinite(series.losses[i]) ? [x(i), y(Math.max(series.losses[i], LOSS_AXIS_BOTTOM))] : null,
  );
  return <path d={d} fill="none" stroke={series.color} stroke-width={2} stroke-dasharray={series.dash} stroke-linejoin="round" />;
}
