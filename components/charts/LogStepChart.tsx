import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { AxisBottom, AxisLeft } from './axes.tsx';
import { OmittedNote } from './OmittedNote.tsx';
import { useChartWidth } from './useChartWidth.ts';

interface Props {
  /** Values by step k = 0 … n; on the log axis, values that are not finite and positive are left out (and counted below). */
  values: ArrayLike<number>;
  /** A CSS colour, normally one of the chart palette variables. */
  color: string;
  /** The text alternative: what the chart shows, with its numbers. */
  description: string;
  yLabel: string;
  /** A linear y axis over this fixed domain instead of the log axis (e.g. [0, 1] for a factor between 0 and 1). */
  linear?: [number, number];
}

const DEFAULT_WIDTH = 640;
const HEIGHT = 220;
const MARGIN = { top: 12, right: 16, bottom: 44, left: 64 };

/**
 * A per-step quantity against the step k: by default on a logarithmic y axis (d3's scaleLog) ticked at the powers of
 * ten, or on a linear axis over a fixed domain.
 */
export function LogStepChart({ values, color, description, yLabel, linear }: Props) {
  const { ref, width: WIDTH } = useChartWidth<HTMLDivElement>(DEFAULT_WIDTH);
  const all = Array.from(values);
  const n = Math.max(all.length - 1, 1);
  const shown = (v: number) => Number.isFinite(v) && (linear !== undefined || v > 0);
  const drawn = all.filter(shown);
  const x = scaleLinear().domain([0, n]).range([MARGIN.left, WIDTH - MARGIN.right]);
  const range = [HEIGHT - MARGIN.bottom, MARGIN.top];
  let y: (v: number) => number;
  let axis;
  if (linear) {
    const scale = scaleLinear().domain(linear).range(range);
    y = scale;
    axis = <AxisLeft scale={scale} at={MARGIN.left} label={yLabel} />;
  } else {
    const lo = drawn.length ? Math.min(...drawn) : 0.1;
    const hi = drawn.length ? Math.max(...drawn) : 10;
    // nice() widens the domain to whole powers of ten, so at least two of them are ticks
    const scale = scaleLog().domain([lo === hi ? lo / 10 : lo, lo === hi ? hi * 10 : hi]).nice().range(range);
    const [d0, d1] = scale.domain();
    const powers: number[] = [];
    for (let e = Math.round(Math.log10(d0)); e <= Math.round(Math.log10(d1)); e++) powers.push(10 ** e);
    // at most about six labelled powers: every second, third … when the range is wide
    const stride = Math.ceil(powers.length / 6);
    y = scale;
    axis = <AxisLeft scale={scale} at={MARGIN.left} label={yLabel} values={powers.filter((_, i) => i % stride === 0)} />;
  }
  const path = line<number>()
    .defined(shown)
    .x((_, k) => x(k))
    .y((v) => y(v));
  const left = all.length - drawn.length;
  return (
    <div ref={ref}>
      <svg class="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={description}>
        <AxisBottom scale={x} at={HEIGHT - MARGIN.bottom} label="step k" values={x.ticks(Math.min(n, 6)).filter(Number.isInteger)} />
        {axis}
        <path d={path(all) ?? ''} fill="none" stroke={color} stroke-width={2} />
        {all.length <= 61 && all.map((v, k) => shown(v) && <circle key={k} cx={x(k)} cy={y(v)} r={3} fill={color} />)}
      </svg>
      <OmittedNote count={left}>
        {left === 1 ? 'One value is' : `${left} values are`} {linear ? 'not finite' : '0 or not finite and have no place on a log axis'}: not
        drawn (the table lists every value).
      </OmittedNote>
    </div>
  );
}
