/** One entry of a line chart's legend: the series' label and how its line is stroked. */
export interface LineLegendEntry {
  label: string;
  /** A CSS colour, normally one of the chart palette variables. */
  color: string;
  /** Stroke width of the sample line (default 2). */
  width?: number;
  dash?: string;
  opacity?: number;
}

/** The height of a wrapped row of entries. */
const ROW = 16;

interface Props {
  entries: readonly LineLegendEntry[];
  /** Where the first entry's sample line starts, in the chart's pixels. */
  x: number;
  y: number;
  /** The offset from one entry to the next: [0, 16] stacks them, [95, 0] puts them in a row. */
  step: readonly [number, number];
  /** In a row, how many entries fit before the next ones wrap to a row 16 px lower (default: all). */
  perRow?: number;
  /** Length of the sample line (default 18); its label starts 6 px after it. */
  swatch?: number;
  class?: string;
}

/**
 * A legend drawn inside a chart's SVG: per series a short line in its stroke, then its label. Hidden from
 * assistive technology: the chart's text alternative names the series.
 */
export function LineLegend({ entries, x, y, step, perRow = entries.length, swatch = 18, class: className }: Props) {
  return (
    <g class={className} aria-hidden="true">
      {entries.map((entry, i) => (
        <g key={entry.label} transform={`translate(${x + (i % perRow) * step[0]},${y + (i % perRow) * step[1] + Math.floor(i / perRow) * ROW})`}>
          <line x2={swatch} stroke={entry.color} stroke-width={entry.width ?? 2} stroke-dasharray={entry.dash} opacity={entry.opacity} />
          <text x={swatch + 6} dy="0.32em">{entry.label}</text>
        </g>
      ))}
    </g>
  );
}
