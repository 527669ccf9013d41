import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { AxisBottom, AxisLeft } from './axes.tsx';
import { finiteExtent } from './finiteExtent.ts';
import { LineLegend } from './LineLegend.tsx';
import { OmittedNote } from './OmittedNote.tsx';
import { useChartWidth } from './useChartWidth.ts';

/** One finished epoch's mean loss. */
export interface EpochLoss {
  epoch: number;
  loss: number;
}

interface Props {
  /** The loss of every training step so far, in order (step i + 1 ends at epoch (i + 1) / stepsPerEpoch). */
  stepLosses: readonly number[];
  stepsPerEpoch: number;
  /** The mean loss of each finished epoch, drawn as a line with dots that carry `data-quantity="epoch-loss"`. */
  epochs: readonly EpochLoss[];
  /** The last epoch on the horizontal axis. */
  totalEpochs: number;
  /** A loss to compare with, drawn as a dashed level line with its label at the right end. */
  reference: { value: number; label: string };
  yLabel: string;
  /** Legend labels for the per-step line and the per-epoch line. */
  stepLabel: string;
  epochLabel: string;
  /** The text alternative: what the chart shows, with its numbers. */
  description: string;
  /** A second per-epoch series (e.g. the loss on held-out sentences), dashed, with dots that carry `data-quantity="held-out-loss"`. */
  heldOut?: { epochs: readonly EpochLoss[]; label: string };
}

/** The width drawn before the chart is measured (and on the server). */
const DEFAULT_WIDTH = 640;
const HEIGHT = 240;
const MARGIN = { top: 14, right: 16, bottom: 44, left: 56 };
/** Most points drawn for the per-step losses (they are averaged in buckets beyond that). */
const MAX_POINTS = 600;

/**
 * One training run's loss against the epoch on a linear axis from 0: every step's loss (thin), each epoch's mean
 * (thick, with dots) and a reference level. Unlike LossCurve (several runs, log scale, against the iteration), it is
 * drawn at its measured width.
 */
export function EpochLossCurve({ stepLosses, stepsPerEpoch, epochs, totalEpochs, reference, yLabel, stepLabel, epochLabel, description, heldOut }: Props) {
  const { ref, width: measured } = useChartWidth<HTMLDivElement>(DEFAULT_WIDTH, 280);
  const WIDTH = Math.min(measured, 900);
  const x = scaleLinear().domain([0, Math.max(totalEpochs, 1)]).range([MARGIN.left, WIDTH - MARGIN.right]);
  // From 0 to at least 6, the first loss and the reference; losses that are not finite are left out of the axis and
  // the lines, and later losses above the top are drawn on it (clamped: a loss of 1e308 must not overflow to −∞ px).
  const extent = finiteExtent([stepLosses.slice(0, 1), [reference.value]], [0, 6]);
  const { unit } = extent;
  const omitted = finiteExtent([stepLosses, epochs.map((e) => e.loss), (heldOut?.epochs ?? []).map((e) => e.loss), [reference.value]]).omitted;
  const y = scaleLinear().domain([extent.lo, extent.hi]).nice().range([HEIGHT - MARGIN.bottom, MARGIN.top]).clamp(true);
  const yOf = (loss: number) => y(loss / unit);
  const bucket = Math.max(1, Math.ceil(stepLosses.length / MAX_POINTS));
  const points: [number, number][] = [];
  for (let i = 0; i < stepLosses.length; i += bucket) {
    const end = Math.min(i + bucket, stepLosses.length);
    const chunk = stepLosses.slice(i, end).filter(Number.isFinite);
    if (chunk.length === 0) continue;
    const sum = chunk.reduce((a, b) => a + b, 0);
    // Where the sum overflows, the mean as a sum of v / count does not.
    const mean = Number.isFinite(sum) ? sum / chunk.length : chunk.reduce((a, b) => a + b / chunk.length, 0);
    points.push([end / stepsPerEpoch, mean]);
  }
  const stepPath = line<[number, number]>()
    .defined((p) => Number.isFinite(p[1]))
    .x((p) => x(p[0]))
    .y((p) => yOf(p[1]));
  const drawnEpochs = epochs.filter((e) => Number.isFinite(e.loss));
  const drawnHeldOut = (heldOut?.epochs ?? []).filter((e) => Number.isFinite(e.loss));
  const epochPath = line<EpochLoss>()
    .x((e) => x(e.epoch))
    .y((e) => yOf(e.loss));
  return (
    <div ref={ref}>
      <svg class="chart" width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={description}>
        <AxisBottom scale={x} at={HEIGHT - MARGIN.bottom} label="epoch" ticks={WIDTH < 480 ? 4 : 6} />
        <AxisLeft scale={y} at={MARGIN.left} label={yLabel} unit={unit} />
        {Number.isFinite(reference.value) && <>
        <line
          x1={MARGIN.left}
          x2={WIDTH - MARGIN.right}
          y1={yOf(reference.value)}
          y2={yOf(reference.value)}
          stroke="var(--c3)"
          stroke-width={1.5}
          stroke-dasharray="6 4"
        />
        <text x={WIDTH - MARGIN.right - 4} y={yOf(reference.value) - 6} text-anchor="end" aria-hidden="true">
          {reference.label}
        </text>
        </>}
        {points.length > 0 && <path d={stepPath(points) ?? ''} fill="none" stroke="var(--c1)" stroke-width={1} opacity={0.55} />}
        {drawnEpochs.length > 0 && <path d={epochPath(drawnEpochs) ?? ''} fill="none" stroke="var(--c2)" stroke-width={2} />}
        {drawnEpochs.map((e) => (
          <circle
            key={e.epoch}
            cx={x(e.epoch)}
            cy={yOf(e.loss)}
            r={epochs.length <= 60 ? 3 : 0}
            fill="var(--c2)"
            data-quantity="epoch-loss"
            data-epoch={e.epoch}
            data-value={String(e.loss)}
          />
        ))}
        {drawnHeldOut.length > 0 && <path d={epochPath(drawnHeldOut) ?? ''} fill="none" stroke="var(--c4)" stroke-width={2} stroke-dasharray="5 3" />}
        {drawnHeldOut.map((e) => (
          <rect
            key={e.epoch}
            x={x(e.epoch) - 3}
            y={yOf(e.loss) - 3}
            width={epochs.length <= 60 ? 6 : 0}
            height={epochs.length <= 60 ? 6 : 0}
            fill="var(--c4)"
            data-quantity="held-out-loss"
            data-epoch={e.epoch}
            data-value={String(e.loss)}
          />
        ))}
        <LineLegend
          entries={[
            { label: stepLabel, color: 'var(--c1)', width: 1, opacity: 0.55 },
            { label: epochLabel, color: 'var(--c2)', width: 2 },
            ...(heldOut ? [{ label: heldOut.label, color: 'var(--c4)', width: 2, dash: '5 3' }] : []),
          ]}
          x={MARGIN.left + 12}
          y={MARGIN.top + 6}
          step={[0, 16]}
        />
      </svg>
      <OmittedNote count={omitted} />
    </div>
  );
}
