import type { ScaleLinear } from 'd3-scale';
import { formatNumber } from '~/notebook/format.ts';

/** What an axis needs of a d3 scale: a linear one, or a logarithmic one (`scaleLog`). */
type AxisScale = Pick<ScaleLinear<number, number>, 'range' | 'ticks'> & ((value: number) => number);

interface AxisProps {
  scale: AxisScale;
  /** Where the axis line sits: the y pixel for a bottom axis, the x pixel for a left axis. */
  at: number;
  ticks?: number;
  label: string;
  /** What one unit of the scale's domain stands for (see finiteExtent): tick t is labelled t · unit. Default 1. */
  unit?: number;
  /** The tick values, when the scale's own ticks are not wanted (e.g. only the powers of ten of a log scale). */
  values?: number[];
}

/** The scale's ticks that land on the axis and whose value (t · unit) is a finite number. */
function finiteTicks(scale: AxisScale, count: number, unit: number, values?: number[]): number[] {
  return (values ?? scale.ticks(count)).filter((tick) => Number.isFinite(scale(tick)) && Number.isFinite(tick * unit));
}

/** A bottom axis with ticks from the scale, labelled by the site's number formatter. */
export function AxisBottom({ scale, at, ticks = 6, label, unit = 1, values }: AxisProps) {
  const [x0, x1] = scale.range();
  return (
    <g class="axis" aria-hidden="true">
      <line x1={x0} x2={x1} y1={at} y2={at} />
      {finiteTicks(scale, ticks, unit, values).map((tick, i) => (
        <g key={i} transform={`translate(${scale(tick)},${at})`}>
          <line y2={5} />
          <text y={17} text-anchor="middle">{formatNumber(tick * unit, 3)}</text>
        </g>
      ))}
      <text class="axis-label" x={(x0 + x1) / 2} y={at + 34} text-anchor="middle">{label}</text>
    </g>
  );
}

/** A left axis with ticks from the scale, labelled by the site's number formatter. */
export function AxisLeft({ scale, at, ticks = 5, label, unit = 1, values }: AxisProps) {
  const [y0, y1] = scale.range();
  return (
    <g class="axis" aria-hidden="true">
      <line x1={at} x2={at} y1={y0} y2={y1} />
      {finiteTicks(scale, ticks, unit, values).map((tick, i) => (
        <g key={i} transform={`translate(${at},${scale(tick)})`}>
          <line x2={-5} />
          <text x={-8} dy="0.32em" text-anchor="end">{formatNumber(tick * unit, 3)}</text>
        </g>
      ))}
      <text class="axis-label" transform={`translate(${at - 38},${(y0 + y1) / 2}) rotate(-90)`} text-anchor="middle">{label}</text>
    </g>
  );
}
