import type { ComponentChildren } from 'preact';
import { memo } from 'preact/compat';
import { useId, useMemo } from 'preact/hooks';
import { contours } from 'd3-contour';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { interpolateViridis } from 'd3-scale-chromatic';
import type { LossSurface, Weights } from '~/core';
import { formatNumber } from '~/notebook/format.ts';
import { AxisBottom, AxisLeft } from './axes.tsx';
import { OmittedNote } from './OmittedNote.tsx';
import { contourPath } from './contourPath.ts';
import './ContourMap.css';

/*
 * ContourMap: filled contours of a loss surface over (w_x, w_rec), on a logarithmic colour scale, with axes, the
 * optimum (1, 1) marked and a colour legend. Props:
 * - surface: the core's lossSurface result (values row-major, row r at w_rec = wRec[r], column c at w_x = wX[c]).
 *   The contours are computed once per surface object, never on a re-render caused by the overlay or the pointer.
 * - description: the text alternative of the chart (what it shows, with its numbers).
 * - sharedFills: the key of bands the page defines once (ContourFillsDefs), drawn from there while they are this map's.
 * - overlay(x, y): marks drawn over the contours, clipped to the plot, given the chart's scales (w_x → px, w_rec → px).
 * - onPoint(w | null): called as the pointer moves over the plot with the weights under it (null when it leaves).
 * - onPick(w): called with the weights under a click or tap.
 */
interface Props {
  surface: LossSurface;
  description: string;
  /**
   * The {@link fillsKey} of bands the page holds once, in a {@link ContourFillsDefs}: while this map's bands are
   * those, it draws them with `<use>` instead of a copy of its own (two maps of one surface, one copy in the HTML).
   */
  sharedFills?: string;
  overlay?: (x: ScaleLinear<number, number>, y: ScaleLinear<number, number>) => ComponentChildren;
  onPoint?: (w: Weights | null) => void;
  onPick?: (w: Weights) => void;
}

/** Losses below this are drawn in the lowest colour: the log scale needs a floor, since E = 0 at the optimum. */
export const LOSS_FLOOR = 1e-4;
/** Contour levels per decade of the loss. */
const LEVELS_PER_DECADE = 2;
/**
 * Contour vertices are rounded to 1/20 of a grid cell: 0.12 px of the 300 px plot, under 0.2 CSS px at the chart's
 * widest, so the bands look the same while a map's bands take about 8 KB of gzip, not 60 KB.
 */
const PATH_STEPS = 20;

const PLOT = 300;
const MARGIN = { top: 10, right: 14, bottom: 40, left: 46 };
const LEGEND_TOP = MARGIN.top + PLOT + MARGIN.bottom + 20;
const WIDTH = MARGIN.left + PLOT + MARGIN.right;
const HEIGHT = LEGEND_TOP + 32;

/** The filled contour bands of a surface: a path per level (in grid units) and the colour scale's range of log10 E. */
interface Bands {
  paths: { d: string; level: number }[];
  top: number;
  /** How many grid points have a loss that is not finite (drawn in the highest band). */
  omitted: number;
}

/** log10 of the loss, floored, for every grid point; the contour levels at every half decade up to the highest finite value. */
function computeBands(surface: LossSurface): Bands {
  const { values } = surface;
  const logged = new Float64Array(values.length);
  let top = Math.log10(LOSS_FLOOR) + 1;
  let omitted = 0;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) omitted++;
    const v = Math.log10(Math.max(values[i], LOSS_FLOOR));
    logged[i] = Number.isNaN(v) ? Infinity : v;
    if (Number.isFinite(v) && v > top) top = v;
  }
  const bottom = Math.log10(LOSS_FLOOR);
  const levels: number[] = [];
  for (let k = 0; bottom + k / LEVELS_PER_DECADE < top; k++) levels.push(bottom + k / LEVELS_PER_DECADE);
  const generator = contours().size([surface.wX.length, surface.wRec.length]).thresholds(levels);
  const paths = generator(logged as unknown as number[]).map((polygon) => ({
    level: polygon.value,
    d: contourPath(polygon.coordinates, PATH_STEPS),
  }));
  return { paths, top, omitted };
}

/** The colour of a level of log10 E, on a colour-blind-safe sequential scheme. */
function colourOf(level: number, top: number): string {
  const bottom = Math.log10(LOSS_FLOOR);
  return interpolateViridis(Math.min(1, Math.max(0, (level - bottom) / (top - bottom))));
}

/** The bands of each surface, computed once however many maps and definitions draw it. */
const bandsBySurface = new WeakMap<LossSurface, Bands>();

function bandsOf(surface: LossSurface): Bands {
  let bands = bandsBySurface.get(surface);
  if (!bands) {
    bands = computeBands(surface);
    bandsBySurface.set(surface, bands);
  }
  return bands;
}

/** The path of each band with its colour: what the bands draw. */
function bandPaths(bands: Bands): { d: string; level: number; fill: string }[] {
  const step = 1 / LEVELS_PER_DECADE;
  return bands.paths.map(({ d, level }) => ({ d, level, fill: colourOf(level + step / 2, bands.top) }));
}

/**
 * A name for what a set of bands draws, from every band's colour and path: a 32-bit FNV-1a hash and a second one
 * with the two constants exchanged, 64 bits in all. Equal names, equal drawings. It names the element a
 * {@link ContourFillsDefs} defines.
 */
function fillsKeyOfBands(bands: Bands): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (const { d, fill } of bandPaths(bands)) {
    const text = `${fill}${d};`;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      a = Math.imul(a ^ code, 0x01000193);
      b = Math.imul(b ^ code, 0x811c9dc5);
    }
  }
  return `${(a >>> 0).toString(36)}${(b >>> 0).toString(36)}`;
}

/** The {@link fillsKeyOfBands} of the bands a surface is drawn with. */
export function fillsKey(surface: LossSurface): string {
  return fillsKeyOfBands(bandsOf(surface));
}

/** The id of the element that defines the bands named `key`. */
const fillsId = (key: string) => `contour-fills-${key}`;

function BandPaths({ bands }: { bands: Bands }) {
  return (
    <>
      {bandPaths(bands).map(({ d, level, fill }) => (
        <path key={level} d={d} fill={fill} />
      ))}
    </>
  );
}

/**
 * The filled bands, in grid units mapped onto the plot by one transform; memoised so overlays never redraw them. When
 * the page defines the same bands (`shared` is their key), a `<use>` of that definition draws them.
 */
const Fills = memo(function Fills({ bands, transform, shared }: { bands: Bands; transform: string; shared?: string }) {
  const key = useMemo(() => (shared === undefined ? undefined : fillsKeyOfBands(bands)), [bands, shared]);
  return (
    <g transform={transform} class="contour-fills">
      {key !== undefined && key === shared ? <use href={`#${fillsId(key)}`} /> : <BandPaths bands={bands} />}
    </g>
  );
});

/**
 * The bands of a surface, defined once for the page (not drawn): every {@link ContourMap} given their key as
 * `sharedFills` draws them from here while its surface is this one. Server-rendered only, it never changes, so a
 * map whose surface a reader has changed draws its own bands, and a map that has not still shows these.
 */
export function ContourFillsDefs({ surface }: { surface: LossSurface }) {
  const bands = bandsOf(surface);
  return (
    <svg class="contour-fills-defs" aria-hidden="true" focusable="false">
      <defs>
        <g id={fillsId(fillsKeyOfBands(bands))}>
          <BandPaths bands={bands} />
        </g>
      </defs>
    </svg>
  );
}

/** Filled contours of a loss surface over (w_x, w_rec) with axes, the optimum marked, a legend, and an overlay slot. */
export function ContourMap({ surface, description, sharedFills, overlay, onPoint, onPick }: Props) {
  const clipId = `${useId()}-clip`;
  const bands = useMemo(() => bandsOf(surface), [surface]);
  const { wX, wRec } = surface;
  const cols = wX.length;
  const rows = wRec.length;
  const x = useMemo(() => scaleLinear().domain([wX[0], wX[cols - 1]]).range([MARGIN.left, MARGIN.left + PLOT]), [surface]);
  const y = useMemo(() => scaleLinear().domain([wRec[0], wRec[rows - 1]]).range([MARGIN.top + PLOT, MARGIN.top]), [surface]);
  // Grid sample c sits at contour coordinate c + ½: map coordinate g to w_x = wX[0] + (g − ½) Δ, then to pixels.
  const dx = (x(wX[cols - 1]) - x(wX[0])) / (cols - 1);
  const dy = (y(wRec[rows - 1]) - y(wRec[0])) / (rows - 1);
  const transform = `translate(${x(wX[0]) - dx / 2},${y(wRec[0]) - dy / 2}) scale(${dx},${dy})`;

  const weightsAt = (event: PointerEvent | MouseEvent): Weights | null => {
    const svg = event.currentTarget as HTMLElement;
    const box = svg.getBoundingClientRect();
    const px = ((event.clientX - box.left) * WIDTH) / box.width;
    const py = ((event.clientY - box.top) * HEIGHT) / box.height;
    if (px < MARGIN.left || px > MARGIN.left + PLOT || py < MARGIN.top || py > MARGIN.top + PLOT) return null;
    return { wX: x.invert(px), wRec: y.invert(py) };
  };

  return (
    <>
    <div
      class="contour-map"
      role="img"
      aria-label={description}
      onPointerMove={onPoint && ((event) => onPoint(weightsAt(event)))}
      onPointerLeave={onPoint && (() => onPoint(null))}
      onClick={onPick && ((event) => {
        const w = weightsAt(event);
        if (w) onPick(w);
      })}
    >
      <Base bands={bands} transform={transform} x={x} y={y} sharedFills={sharedFills} />
      <svg class="chart contour-overlay" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true">
        <defs>
          <clipPath id={clipId}>
            <rect x={MARGIN.left} y={MARGIN.top} width={PLOT} height={PLOT} />
          </clipPath>
        </defs>
        <g clip-path={`url(#${clipId})`}>{overlay?.(x, y)}</g>
      </svg>
    </div>
    <OmittedNote count={bands.omitted}>
      The loss is not finite at {bands.omitted} of the {surface.values.length} grid points (it overflows): they are coloured as the
      highest band, and the colour scale is set by the finite losses.
    </OmittedNote>
    </>
  );
}

/**
 * The static layer: contour fills, axes, the optimum and the legend. It re-renders only when the surface does, and
 * the overlay is a separate SVG on its own layer, so a moving trajectory or cursor never repaints the contours.
 */
const Base = memo(function Base({ bands, transform, x, y, sharedFills }: {
  bands: Bands;
  transform: string;
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  sharedFills?: string;
}) {
  const clipId = `${useId()}-clip`;
  const gradientId = `${useId()}-legend`;
  const legend = scaleLinear().domain([Math.log10(LOSS_FLOOR), bands.top]).range([MARGIN.left, MARGIN.left + PLOT]);
  const legendTicks: number[] = [];
  // every third decade, leaving out one too close to the bar's end for its label to fit
  for (let t = -3; t <= bands.top && legend(t) <= MARGIN.left + PLOT - 24; t += 3) legendTicks.push(t);
  return (
    <svg class="chart contour-base" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true">
      <defs>
        <clipPath id={clipId}>
          <rect x={MARGIN.left} y={MARGIN.top} width={PLOT} height={PLOT} />
        </clipPath>
        <linearGradient id={gradientId}>
          {Array.from({ length: 11 }, (_, i) => (
            <stop key={i} offset={`${i * 10}%`} stop-color={interpolateViridis(i / 10)} />
          ))}
        </linearGradient>
      </defs>
      <g clip-path={`url(#${clipId})`}>
        <Fills bands={bands} transform={transform} shared={sharedFills} />
      </g>
      <AxisBottom scale={x} at={MARGIN.top + PLOT} label="" ticks={6} />
      <AxisLeft scale={y} at={MARGIN.left} label="" ticks={6} />
      <g class="axis">
        <text class="axis-label" x={MARGIN.left + PLOT / 2} y={MARGIN.top + PLOT + 33} text-anchor="middle">
          w<tspan class="sub" dy="3">x</tspan>
        </text>
        <text class="axis-label" transform={`translate(${MARGIN.left - 32},${MARGIN.top + PLOT / 2}) rotate(-90)`} text-anchor="middle">
          w<tspan class="sub" dy="3">rec</tspan>
        </text>
      </g>
      <g class="optimum" transform={`translate(${x(1)},${y(1)})`}>
        <path d="M-6,0H6M0,-6V6" class="halo" />
        <path d="M-6,0H6M0,-6V6" />
        <text x={8} y={-6} class="marker-label">optimum (1, 1)</text>
      </g>
      <g class="legend">
        <rect x={MARGIN.left} y={LEGEND_TOP} width={PLOT} height={10} fill={`url(#${gradientId})`} />
        {legendTicks.map((t) => (
          <g key={t} transform={`translate(${legend(t)},${LEGEND_TOP + 10})`}>
            <line y2={4} />
            <text y={15} text-anchor="middle">{formatNumber(10 ** t)}</text>
          </g>
        ))}
        <text class="axis-label" x={MARGIN.left} y={LEGEND_TOP - 5}>loss E (log scale; below {formatNumber(LOSS_FLOOR)} darkest)</text>
      </g>
    </svg>
  );
});