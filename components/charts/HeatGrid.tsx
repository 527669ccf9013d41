import { useState } from 'preact/hooks';
import { formatNumber } from '~/notebook/format.ts';
import { SHADES, shadesOf } from './shades.ts';
import './HeatGrid.css';

interface Props {
  /** rows × cols values, row-major (empty when only `shades` are known). */
  values: readonly number[];
  /** The values' shades as `shadesOf` gives them, when the values are not at hand (the page's first view). */
  shades?: ArrayLike<number>;
  rows: number;
  cols: number;
  /** What cell (i, j) is, in words ("unit 3", "row 2, column 5"), for the readout. */
  describe: (i: number, j: number) => string;
  /** The grid's accessible name. */
  label: string;
  /** Labels drawn left of the rows (words), or none. */
  rowLabels?: readonly string[];
  /** Size of a cell in px. */
  cell?: number;
}

const LABEL_WIDTH = 64;

/**
 * A heat map of signed numbers: blue for positive, orange for negative (the site's --c-pos and --c-neg), opacity by
 * size relative to the largest, in LEVELS steps. The cells of one colour and shade are one path, so a 24 × 24 matrix
 * is a few dozen elements, not 576. The value under the pointer, or under the cursor moved with the arrow keys while
 * the grid has focus, is read out below it.
 */
export function HeatGrid({ values, shades, rows, cols, describe, label, rowLabels, cell = 12 }: Props) {
  const [at, setAt] = useState<number | null>(null);
  const shade = shades ?? shadesOf(values);
  const left = rowLabels ? LABEL_WIDTH : 0;
  const width = left + cols * cell;
  const height = rows * cell;
  // paths[sign][level]: the cells of that colour and shade, as one path
  const paths: string[][] = [Array<string>(SHADES + 1).fill(''), Array<string>(SHADES + 1).fill('')];
  // a row of a cell's height drawn as a stroke from its left edge: `M x y h w` per cell
  for (let i = 0; i < shade.length; i++) {
    const level = shade[i]! - SHADES;
    if (level !== 0) paths[level < 0 ? 1 : 0]![Math.abs(level)] += `M${left + (i % cols) * cell} ${Math.floor(i / cols) * cell + cell / 2}h${cell - 1}`;
  }
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: cols, ArrowUp: -cols };
    const move = moves[event.key];
    if (move === undefined) return;
    event.preventDefault();
    const from = at ?? 0;
    const to = from + move;
    if (to < 0 || to >= shade.length || (Math.abs(move) === 1 && Math.floor(to / cols) !== Math.floor(from / cols))) return;
    setAt(to);
  };
  const onPointerMove = (event: PointerEvent) => {
    const svg = event.currentTarget as SVGSVGElement;
    const box = svg.getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * width - left;
    const y = ((event.clientY - box.top) / box.height) * height;
    const j = Math.floor(x / cell);
    const i = Math.floor(y / cell);
    setAt(j >= 0 && j < cols && i >= 0 && i < rows ? i * cols + j : null);
  };
  const index = at !== null && at < shade.length ? at : null;
  const value = index === null ? undefined : values[index];
  const readout = index === null ? '' : `${describe(Math.floor(index / cols), index % cols)}: ${value === undefined ? 'shown once the weights are loaded' : formatNumber(value)}`;
  return (
    <div class="heat-grid">
      <svg
        class="chart heat-grid-chart"
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`${label}. Arrow keys move through the values; each is read out below.`}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={() => setAt((current) => current ?? 0)}
        onPointerMove={onPointerMove}
        onPointerLeave={() => setAt(null)}
      >
        {rowLabels?.map((word, i) => (
          <text key={`l${i}`} class="heat-grid-label" x={left - 4} y={i * cell + cell / 2} dy="0.32em" text-anchor="end">
            {word.length > 9 ? `${word.slice(0, 8)}…` : word}
          </text>
        ))}
        <path class="heat-grid-frame" d={`M${left} 0h${cols * cell - 1}v${height - 1}h${1 - cols * cell}z`} />
        {paths.map((shades, sign) =>
          shades.map((d, level) =>
            d ? <path key={`${sign}-${level}`} class={sign ? 'heat-neg' : 'heat-pos'} stroke-width={cell - 1} stroke-opacity={level / SHADES} d={d} /> : null,
          ),
        )}
        {index !== null && (
          <rect class="heat-grid-cursor" x={left + (index % cols) * cell - 0.5} y={Math.floor(index / cols) * cell - 0.5} width={cell} height={cell} />
        )}
      </svg>
      <p class="heat-grid-readout" aria-live="polite">{readout || '\u00a0'}</p>
    </div>
  );
}
