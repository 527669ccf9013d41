import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { ComponentChildren } from 'preact';
import { AxisBottom, AxisLeft } from './axes.tsx';
import { finiteExtent } from './finiteExtent.ts';
import { LineLegend } from './LineLegend.tsx';
import { OmittedNote } from './OmittedNote.tsx';
import { useChartWidth } from './useChartWidth.ts';

interface Series {
  /** Values by step k = 0..n; non-finite values are left out of the line (the page says why in words). */
  values: ArrayLike<number>;
  label: string;
  /** A CSS colour, normally one of the chart palette variables. */
  color: string;
  dashed?: boolean;
}

interface Props {
  series: Series[];
  /** The step to mark, if any. */
  highlight?: number;
  /** The text alternative: what the chart shows, with its numbers. */
  description: string;
  yLabel: string;
  /** Words shown under the chart when some values are not finite (default: how many are not drawn). */
  omitted?: ComponentChildren;
}

const DEFAULT_WIDTH = 640;
const HEIGHT = 240;
const MARGIN = { top: 12, right: 16, bottom: 44, left: 56 };

/** A line chart of per-step quantities against the step k, drawn as SVG from d3 scales. */
export function StateChart({ series, highlight, description, yLabel, omitted }: Props) {
  // Drawn at its real width, so its text stays legible on a phone.
  const { ref, width: WIDTH } = useChartWidth<HTMLDivElement>(DEFAULT_WIDTH);
  const n = Math.max(...series.map((s) => s.values.length - 1), 1);
  // The axis spans 0, 1 and the finite values, in units of `unit` so that max − min cannot overflow near ±1.8e308.
  const extent = finiteExtent(series.map((s) => s.values), [0, 1]);
  const { unit } = extent;
  const x = scaleLinear().domain([0, n]).range([MARGIN.left, WIDTH - MARGIN.right]);
  const y = scaleLinear().domain([extent.lo, extent.hi]).nice().range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const path = line<number>()
    .defined((v) => Number.isFinite(v))
    .x((_, k) => x(k))
    .y((v) => y(v / unit));
  const dots = n <= 60;
  return (
    <div ref={ref}>
    <svg class="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={description}>
      <AxisFrame x={x} y={y} yLabel={yLabel} unit={unit} />
      {highlight !== undefined && (
        <line class="highlight" x1={x(highlight)} x2={x(highlight)} y1={MARGIN.top} y2={HEIGHT - MARGIN.bottom} stroke="var(--highlight)" stroke-width={10} opacity={0.8} />
      )}
      {series.map((s) => (
        <g key={s.label}>
          <path d={path(Array.from(s.values)) ?? ''} fill="none" stroke={s.color} stroke-width={2} stroke-dasharray={s.dashed ? '6 4' : undefined} />
          {dots && Array.from(s.values).map((v, k) => Number.isFinite(v) && <circle key={k} cx={x(k)} cy={y(v / unit)} r={3} fill={s.color} />)}
        </g>
      ))}
      <LineLegend
        entries={series.map((s) => ({ label: s.label, color: s.color, dash: s.dashed ? '6 4' : undefined }))}
        x={MARGIN.left + 10}
        y={MARGIN.top + 6}
        step={[0, 16]}
      />
    </svg>
    <OmittedNote count={extent.omitted}>{omitted}</OmittedNote>
    </div>
  );
}

function AxisFrame({ x, y, yLabel, unit }: { x: ScaleLinear<number, number>; y: ScaleLinear<number, number>; yLabel: string; unit: number }) {
  return (
    <>
      <AxisBottom scale={x} at={HEIGHT - MARGIN.bottom} label="step k" />
      <AxisLeft scale={y} at={MARGIN.left} label={yLabel} unit={unit} />
    </>
  );
}
