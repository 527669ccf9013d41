import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { AxisBottom, AxisLeft } from './axes.tsx';
import { LineLegend } from './LineLegend.tsx';
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
export function EpochLossCurve({ stepLosses, stepsPerEpoch, epochs, totalEpochs, reference, yLabel, stepLabel, epochLabel, description }: Props) {
  const { ref, width: measured } = useChartWidth<HTMLDivElement>(DEFAULT_WIDTH, 280);
  const WIDTH = Math.min(measured, 900);
  const x = scaleLinear().domain([0, Math.max(totalEpochs, 1)]).range([MARGIN.left, WIDTH - MARGIN.right]);
  const top = Math.max(6, ...stepLosses.slice(0, 1));
  const y = scaleLinear().domain([0, top]).nice().range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const bucket = Math.max(1, Math.ceil(stepLosses.length / MAX_POINTS));
  const points: [number, number][] = [];
  for (let i = 0; i < stepLosses.length; i += bucket) {
    const chunk = stepLosses.slice(i, i + bucket);
    points.push([(i + chunk.length) / stepsPerEpoch, chunk.reduce((a, b) => a + b, 0) / chunk.length]);
  }
  const stepPath = line<[number, number]>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]));
  const epochPath = line<EpochLoss>()
    .x((e) => x(e.epoch))
    .y((e) => y(e.loss));
  return (
    <div ref={ref}>
      <svg class="chart" width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={description}>
        <AxisBottom scale={x} at={HEIGHT - MARGIN.bottom} label="epoch" ticks={WIDTH < 480 ? 4 : 6} />
        <AxisLeft scale={y} at={MARGIN.left} label={yLabel} />
        <line
          x1={MARGIN.left}
          x2={WIDTH - MARGIN.right}
          y1={y(reference.value)}
          y2={y(reference.value)}
          stroke="var(--c3)"
          stroke-width={1.5}
          stroke-dasharray="6 4"
        />
        <text x={WIDTH - MARGIN.right - 4} y={y(reference.value) - 6} text-anchor="end" aria-hidden="true">
          {reference.label}
        </text>
        {points.length > 0 && <path d={stepPath(points) ?? ''} fill="none" stroke="var(--c1)" stroke-width={1} opacity={0.55} />}
        {epochs.length > 0 && <path d={epochPath(epochs as EpochLoss[]) ?? ''} fill="none" stroke="var(--c2)" stroke-width={2} />}
        {epochs.map((e) => (
          <circle
            key={e.epoch}
            cx={x(e.epoch)}
            cy={y(e.loss)}
            r={epochs.length <= 60 ? 3 : 0}
            fill="var(--c2)"
            data-quantity="epoch-loss"
            data-epoch={e.epoch}
            data-value={String(e.loss)}
          />
        ))}
        <LineLegend
          entries={[
            { label: stepLabel, color: 'var(--c1)', width: 1, opacity: 0.55 },
            { label: epochLabel, color: 'var(--c2)', width: 2 },
          ]}
          x={MARGIN.left + 12}
          y={MARGIN.top + 6}
          step={[0, 16]}
        />
      </svg>
    </div>
  );
}
