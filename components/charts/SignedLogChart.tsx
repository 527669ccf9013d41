import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { formatNumber } from '~/notebook/format.ts';
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { AxisBottom } from './axes.tsx';
import { OmittedNote } from './OmittedNote.tsx';
import { useChartWidth } from './useChartWidth.ts';
import './SignedLogChart.css';

/** A marker shape: how a sign (or a series) is told apart without colour. */
export type MarkerShape = 'circle' | 'triangle' | 'square' | 'diamond';

/** How one sign of a series is drawn: a colour (normally a palette variable) and a shape. */
export interface MarkerStyle {
  color: string;
  shape: MarkerShape;
  /** Legend text for this sign, e.g. "positive". */
  label: string;
  /** Drawn as an outline instead of filled (a third cue besides colour and shape). */
  hollow?: boolean;
}

/** One series of values v_0..v_n against an integer index (normally the step k). */
export interface SignedLogSeries {
  values: ArrayLike<number>;
  /** The series' name in the legend. */
  label: string;
  /**
   * The `data-quantity` of the series' group, which also carries its values at full precision, space-separated, in
   * `data-values`, and the index of the first in `data-k-from`.
   */
  quantity: string;
  positive: MarkerStyle;
  /** Defaults to the positive style (for series that cannot be negative). */
  negative?: MarkerStyle;
  /** Colour of the thin line joining the finite, non-zero points. */
  lineColor?: string;
  dashed?: boolean;
}

interface Props {
  series: SignedLogSeries[];
  /** The text alternative: what the chart shows, with its numbers. */
  description: string;
  /** The y-axis label, e.g. "|∂s_n/∂s_k|". */
  yLabel: string;
  /** The first index drawn (default 0): values before it are ignored. */
  from?: number;
  /** The name of the index in the series' data attribute: `data-k-from` by default. */
  indexName?: string;
  /** The x-axis label (default "step k"). */
  xLabel?: string;
  /** Chart height in viewBox units (the width is 640). */
  height?: number;
  /** Words shown under the chart when some values are not finite (default: where the ±∞ are, how many NaN are left out). */
  omitted?: ComponentChildren;
}

/** The width drawn before the chart is measured (and on the server): the prose column's. */
const DEFAULT_WIDTH = 640;
const MARGIN = { top: 10, right: 14, bottom: 46, left: 68 };
/** Height of the separate rows for exact zeros and for overflow (±∞). */
const BAND = 26;

/** The path of a marker of the given shape and radius centred on (0, 0). */
export function markerPath(shape: MarkerShape, r: number): string {
  switch (shape) {
    case 'circle':
      return `M${-r},0a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
    case 'triangle': {
      const h = r * 1.25;
      return `M0,${h}L${-h},${-h * 0.75}L${h},${-h * 0.75}Z`;
    }
    case 'square':
      return `M${-r},${-r}H${r}V${r}H${-r}Z`;
    case 'diamond': {
      const d = r * 1.35;
      return `M0,${-d}L${d},0L0,${d}L${-d},0Z`;
    }
  }
}

/**
 * The same marker centred on (cx, cy), in relative commands after the first move, so that many markers can be
 * concatenated into one path.
 */
export function markerPathAt(shape: MarkerShape, r: number, cx: number, cy: number): string {
  switch (shape) {
    case 'circle':
      return `M${round(cx - r)},${cy}a${r},${r} 0 1,0 ${round(2 * r)},0a${r},${r} 0 1,0 ${round(-2 * r)},0Z`;
    case 'triangle': {
      const h = round(r * 1.25);
      return `M${cx},${round(cy + h)}l${-h},${round(-h * 1.75)}h${round(2 * h)}Z`;
    }
    case 'square':
      return `M${round(cx - r)},${round(cy - r)}h${round(2 * r)}v${round(2 * r)}h${round(-2 * r)}Z`;
    case 'diamond': {
      const d = round(r * 1.35);
      return `M${cx},${round(cy - d)}l${d},${d}l${-d},${d}l${-d},${-d}Z`;
    }
  }
}

const SUPERSCRIPT: Record<string, string> = {
  '-': '\u207b', '0': '\u2070', '1': '\u00b9', '2': '\u00b2', '3': '\u00b3', '4': '\u2074',
  '5': '\u2075', '6': '\u2076', '7': '\u2077', '8': '\u2078', '9': '\u2079',
};

/** The label of the tick at 10^e: plain for 0.01 … 100, else 10 with a superscript exponent (10⁻⁷, 10³⁰⁰). */
export function powerLabel(e: number): string {
  if (e >= -2 && e <= 2) return formatNumber(10 ** e);
  return `10${String(e).replace(/./g, (c) => SUPERSCRIPT[c] ?? c)}`;
}

/**
 * A coordinate to 0.1 of a viewBox unit: the chart is 640 units wide and drawn at most about as many pixels, so a
 * tenth of a pixel at most, where a 500-point series' path data is a large part of a page's HTML.
 */
const round = (v: number) => Math.round(v * 10) / 10;

/** At most about this many markers per series; a longer series is marked at a stride (see markerGroups). */
const MARKED_POINTS = 100;

/**
 * The longest series whose values the server writes into the page (`data-values`). A longer one (the clipping run's
 * 501 losses, 5 KB gzip of digits) gets them once the chart runs in the browser: they are a hook for scripts and
 * tests, which run there, and a reader without JavaScript sees the same drawing without them.
 */
const SERVER_VALUES = 200;

/** The values from index `from` on, full precision, separated by spaces (`Number` reads each back exactly). */
function serialise(values: ArrayLike<number>, from: number): string {
  let out = '';
  for (let k = from; k < values.length; k++) out += (k > from ? ' ' : '') + String(values[k]);
  return out;
}

/** log₁₀|v| for a finite non-zero v, else null. */
function logMagnitude(v: number): number | null {
  return Number.isFinite(v) && v !== 0 ? Math.log10(Math.abs(v)) : null;
}

/**
 * Per-step values against the step k with their magnitude on a log scale and their sign shown by colour AND
 * marker shape. Exact zeros sit on a separate "0" row below the plot and overflowed values (±∞) on an "∞" row
 * above it, so no value is dropped and none is drawn as NaN (a NaN value, ∞ − ∞, is left out and the caller
 * says so in words).
 */
export function SignedLogChart({ series, description, yLabel, xLabel = 'step k', indexName = 'k', from = 0, height = 280, omitted }: Props) {
  const { ref, width: WIDTH } = useChartWidth<HTMLDivElement>(DEFAULT_WIDTH);
  const [inBrowser, setInBrowser] = useState(false);
  useEffect(() => setInBrowser(true), []);
  const n = Math.max(...series.map((s) => s.values.length - 1), 1);
  const logs: number[] = [];
  let hasZero = false;
  let infinite = 0;
  let notNumbers = 0;
  for (const s of series) {
    for (let k = from; k < s.values.length; k++) {
      const v = s.values[k];
      const l = logMagnitude(v);
      if (l !== null) logs.push(l);
      else if (v === 0) hasZero = true;
      else if (v === Infinity || v === -Infinity) infinite++;
      else notNumbers++;
    }
  }
  const hasInfinite = infinite > 0;
  let lo = logs.length ? Math.min(...logs) : -1;
  let hi = logs.length ? Math.max(...logs) : 1;
  if (hi - lo < 2) {
    const mid = (lo + hi) / 2;
    lo = mid - 1;
    hi = mid + 1;
  }
  const top = MARGIN.top + (hasInfinite ? BAND : 0);
  const bottom = height - MARGIN.bottom - (hasZero ? BAND : 0);
  const x = scaleLinear().domain([from, Math.max(n, from + 1)]).range([MARGIN.left + 8, WIDTH - MARGIN.right]);
  const y = scaleLinear().domain([lo, hi]).nice().range([bottom, top]);
  const [d0, d1] = y.domain();
  const zeroY = bottom + BAND * 0.6;
  const infY = top - BAND * 0.6;
  const ticks = y.ticks(Math.max(3, Math.min(6, Math.floor((bottom - top) / 40)))).filter(Number.isInteger);
  const count = n - from + 1;
  const r = count <= 60 ? 4 : count <= 200 ? 2.6 : 1.7;
  const placeY = (v: number): number | null => {
    if (v === 0) return zeroY;
    if (v === Infinity || v === -Infinity) return infY;
    const l = logMagnitude(v);
    return l === null ? null : y(l);
  };
  const path = line<[number, number]>()
    .digits(1)
    .x(([k]) => x(k))
    .y(([, l]) => y(l));
  // One path per series and marker style holding all its markers: a redraw sets one attribute per style, not
  // several per point.
  // A long series (the clipping run's 500 iterations) marks every stride-th point, so its markers stay about 100 and
  // its path data small; the line joins them all. A point is marked whatever the stride where the marker says
  // something the line cannot: its sign differs from a neighbour's, or it sits on the 0 or ∞ row, or it is the last.
  const stride = count <= MARKED_POINTS ? 1 : Math.ceil(count / MARKED_POINTS);
  const marked = (values: ArrayLike<number>, k: number) => {
    if (stride === 1 || (k - from) % stride === 0 || k === values.length - 1) return true;
    const v = values[k];
    if (v === 0 || !Number.isFinite(v)) return true;
    return Math.sign(values[k - 1]) !== Math.sign(v) || (k + 1 < values.length && Math.sign(values[k + 1]) !== Math.sign(v));
  };
  const markerGroups = (s: SignedLogSeries) => {
    const styles = s.negative ? [s.positive, s.negative] : [s.positive];
    const parts: string[][] = styles.map(() => []);
    for (let k = from; k < s.values.length; k++) {
      if (!marked(s.values, k)) continue;
      const v = s.values[k];
      const cy = placeY(v);
      if (cy === null) continue;
      const i = v < 0 && s.negative ? 1 : 0;
      parts[i].push(markerPathAt(styles[i].shape, r, round(x(k)), round(cy)));
    }
    return styles.map((style, i) => ({ style, d: parts[i].join('') }));
  };
  const legendText = (s: SignedLogSeries, style: MarkerStyle) => (s.negative ? `${s.label}, ${style.label}` : s.label);
  const legendItems = series.flatMap((s) => (s.negative ? [[s, s.positive], [s, s.negative]] : [[s, s.positive]])) as [
    SignedLogSeries,
    MarkerStyle,
  ][];
  return (
    <div class="signed-log-chart-frame" ref={ref}>
      <ul class="signed-log-legend" aria-hidden="true">
        {legendItems.map(([s, style]) => (
          <li key={`${s.label}-${style.label}`}>
            <svg width="14" height="14" viewBox="-7 -7 14 14">
              <path
                d={markerPath(style.shape, 5)}
                fill={style.hollow ? 'none' : style.color}
                stroke={style.hollow ? style.color : undefined}
                stroke-width={style.hollow ? 1.5 : undefined}
              />
            </svg>
            {legendText(s, style)}
          </li>
        ))}
      </ul>
    <svg class="chart signed-log-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={description}>
      <g class="axis" aria-hidden="true">
        <line x1={MARGIN.left} x2={MARGIN.left} y1={y(d1)} y2={y(d0)} />
        {ticks.map((tick, i) => (
          <g key={i} transform={`translate(${MARGIN.left},${y(tick)})`}>
            <line x2={-5} />
            <line class="grid-line" x1={0} x2={WIDTH - MARGIN.right - MARGIN.left} />
            <text x={-8} dy="0.32em" text-anchor="end">{powerLabel(tick)}</text>
          </g>
        ))}
        <text class="axis-label" transform={`translate(${14},${(y(d0) + y(d1)) / 2}) rotate(-90)`} text-anchor="middle">
          {yLabel}
        </text>
        {hasZero && (
          <g class="band">
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={zeroY} y2={zeroY} stroke-dasharray="2 3" />
            <text x={MARGIN.left - 8} y={zeroY} dy="0.32em" text-anchor="end">0</text>
          </g>
        )}
        {hasInfinite && (
          <g class="band">
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={infY} y2={infY} stroke-dasharray="2 3" />
            <text x={MARGIN.left - 8} y={infY} dy="0.32em" text-anchor="end">∞</text>
          </g>
        )}
      </g>
      <AxisBottom scale={x} at={hasZero ? zeroY + BAND * 0.5 : bottom} label={xLabel} ticks={WIDTH < 480 ? 4 : 6} />
      {series.map((s) => {
        const points: [number, number][] = [];
        for (let k = from; k < s.values.length; k++) {
          const l = logMagnitude(s.values[k]);
          if (l !== null) points.push([k, l]);
        }
        return (
          <g
            key={s.label}
            class="series"
            data-quantity={s.quantity}
            {...{ [`data-${indexName}-from`]: from }}
            data-values={inBrowser || s.values.length - from <= SERVER_VALUES ? serialise(s.values, from) : undefined}
          >
            {points.length > 1 && (
              <path
                d={path(points) ?? ''}
                fill="none"
                stroke={s.lineColor ?? s.positive.color}
                stroke-width={1.2}
                stroke-opacity={0.7}
                stroke-dasharray={s.dashed ? '5 4' : undefined}
              />
            )}
            {markerGroups(s).map(({ style, d }) => (
              <path
                key={style.label}
                class="markers"
                d={d}
                fill={style.hollow ? 'none' : style.color}
                stroke={style.hollow ? style.color : undefined}
                stroke-width={style.hollow ? 1.2 : undefined}
              />
            ))}
          </g>
        );
      })}
    </svg>
    <OmittedNote count={infinite + notNumbers}>{omitted === undefined ? nonFiniteWords(infinite, notNumbers) : omitted}</OmittedNote>
    </div>
  );
}

/** What the chart does with the values that are not finite, in words. */
function nonFiniteWords(infinite: number, notNumbers: number): string {
  const values = (count: number) => (count === 1 ? '1 value' : `${count} values`);
  const parts: string[] = [];
  if (infinite > 0) parts.push(`${values(infinite)} overflowed to ±∞ and ${infinite === 1 ? 'is' : 'are'} drawn on the “∞” row above the plot`);
  if (notNumbers > 0) parts.push(`${values(notNumbers)} ${notNumbers === 1 ? 'is' : 'are'} undefined (such as ∞ − ∞) and not drawn`);
  return `Not finite: ${parts.join('; ')}.`;
}
