import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { AxisBottom } from './axes.tsx';
import { LineLegend } from './LineLegend.tsx';
import { OmittedNote } from './OmittedNote.tsx';
import { powerLabel } from './SignedLogChart.tsx';
import { useChartWidth } from './useChartWidth.ts';

/** One model's test MSE at a few updates: values[i] after updates[i] updates. */
export interface MseSeries {
  key: string;
  label: string;
  updates: readonly number[];
  values: readonly number[];
  color: string;
  dash?: string;
  /**
   * The `data-quantity` of the series' group, which carries its values at full precision, space-separated, in
   * `data-values`, and its updates in `data-updates`.
   */
  quantity: string;
}

interface Props {
  series: readonly MseSeries[];
  /** The last update on the horizontal axis. */
  limit: number;
  /** A level to compare with, drawn as a dotted line with its label (null: none yet). */
  baseline: { value: number; label: string } | null;
  /** The text alternative: what the chart shows, with its numbers. */
  description: string;
}

/** The width drawn before the chart is measured (and on the server). */
const DEFAULT_WIDTH = 640;
const HEIGHT = 260;
const MARGIN = { top: 30, right: 16, bottom: 44, left: 56 };
/** The width of one legend entry (the legend sits in the plot's top right, above the curves' first fall). */
const LEGEND_ENTRY = 105;
/** The loss axis spans at least 10⁻³ … 1, and never goes below 10⁻⁸ (smaller values are drawn on its bottom edge). */
const AXIS = { low: 1e-3, high: 1, floor: 1e-8 };

/**
 * Test MSE against the update for several models, on a logarithmic axis of whole decades, with a baseline. Unlike
 * LossCurve (a value at every iteration), each series holds values at a few updates (every 50, say).
 */
export function TestMseChart({ series, limit, baseline, description }: Props) {
  const { ref, width: measured } = useChartWidth<HTMLDivElement>(DEFAULT_WIDTH, 280);
  const WIDTH = Math.min(measured, 900);
  const shown = series.flatMap((s) => s.values).concat(baseline ? [baseline.value] : []).filter((v) => Number.isFinite(v) && v > 0);
  const low = Math.max(AXIS.floor, Math.min(AXIS.low, 10 ** Math.floor(Math.log10(Math.min(...shown, AXIS.low)))));
  // At most 10³⁰⁸: the next decade up is ∞. Values that are not finite are left out and counted for the note.
  const high = Math.min(1e308, Math.max(AXIS.high, 10 ** Math.ceil(Math.log10(Math.max(...shown, AXIS.high)))));
  const omitted = series.reduce((count, s) => count + s.values.filter((v) => !Number.isFinite(v)).length, 0) + (baseline && !Number.isFinite(baseline.value) ? 1 : 0);
  const x = scaleLinear().domain([0, Math.max(limit, 1)]).range([MARGIN.left, WIDTH - MARGIN.right]);
  const y = scaleLog().domain([low, high]).range([HEIGHT - MARGIN.bottom, MARGIN.top]).clamp(true);
  const decades: number[] = [];
  for (let e = Math.round(Math.log10(low)); e <= Math.round(Math.log10(high)); e++) decades.push(e);
  const every = decades.length > 7 ? 2 : 1;
  const path = line<number>().defined(Number.isFinite);
  return (
    <div class="test-mse-chart" ref={ref}>
      <svg class="chart" width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={description}>
        <AxisBottom scale={x} at={HEIGHT - MARGIN.bottom} label="update" ticks={WIDTH < 480 ? 4 : 6} />
        <g class="axis" aria-hidden="true">
          <line x1={MARGIN.left} x2={MARGIN.left} y1={MARGIN.top} y2={HEIGHT - MARGIN.bottom} />
          {decades.filter((e) => e % every === 0).map((e) => (
            <g key={e} transform={`translate(${MARGIN.left},${y(10 ** e)})`}>
              <line x2={-5} />
              <text x={-8} dy="0.32em" text-anchor="end">{powerLabel(e)}</text>
            </g>
          ))}
          <text class="axis-label" x={8} y={14}>test MSE (log scale)</text>
        </g>
        {baseline && Number.isFinite(baseline.value) && (
          <g class="baseline" aria-hidden="true">
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(baseline.value)} y2={y(baseline.value)} stroke="var(--fg-muted)" stroke-width={1.5} stroke-dasharray="2 4" />
            <text x={WIDTH - MARGIN.right - 4} y={y(baseline.value) - 6} text-anchor="end">{baseline.label}</text>
          </g>
        )}
        {series.map((s) => (
          <g key={s.key} data-quantity={s.quantity} data-values={s.values.map(String).join(' ')} data-updates={s.updates.join(' ')}>
            <path
              d={path.x((_, i) => x(s.updates[i])).y((v) => y(Math.max(v, low)))(s.values as number[]) ?? ''}
              fill="none"
              stroke={s.color}
              stroke-width={2}
              stroke-dasharray={s.dash}
              stroke-linejoin="round"
            />
          </g>
        ))}
        <LineLegend
          entries={series.map((s) => ({ label: s.label, color: s.color, width: 2, dash: s.dash }))}
          x={Math.max(MARGIN.left + 8, WIDTH - MARGIN.right - LEGEND_ENTRY * series.length)}
          y={MARGIN.top + 8}
          step={[LEGEND_ENTRY, 0]}
          swatch={16}
        />
      </svg>
      <OmittedNote count={omitted} />
    </div>
  );
}
