import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useId, useMemo } from 'preact/hooks';
import { penalisedOptimum, penalisedOptimumNear } from '~/core/penalisedOptimum.ts';
import { formatNumber } from '~/notebook/format.ts';
import { declareCell } from '~/notebook/page.ts';
import { defineCell, type ViewProps } from '../defineCell.tsx';
import { Controls } from '../controls/Controls.tsx';
import { ObjectiveChoice } from '../controls/ObjectiveChoice.tsx';
import { bind } from '../controls/bind.ts';
import { ParamSlider } from '../controls/ParamSlider.tsx';
import { AxisBottom, AxisLeft } from '../charts/axes.tsx';
import { useChartWidth } from '../charts/useChartWidth.ts';
import { COUNTING_DATA_KEYS, useCountingData } from './useCountingData.ts';
import './PenaltyDemo.css';
import * as modelParams from '~/notebook/params/model.ts';
import * as trainingParams from '~/notebook/params/training.ts';

/** The penalties whose optima trace the path drawn behind the current one. */
const PATH_PENALTIES = [0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 3, 5, 7, 10];

/** The chart's width before it is measured (and on the server). */
const DEFAULT_WIDTH = 640;
const HEIGHT = 300;
const MARGIN = { top: 14, right: 16, bottom: 44, left: 56 };

const penalty = declareCell({
  name: 'penalty',
  label: 'The L2 penalty moves the optimum towards zero',
  params: [...COUNTING_DATA_KEYS, 'objective', 'lambda'],
});

/** How an L2 penalty λ moves the optimum of the counting task towards the origin: its coordinates, norm and price. */
export default defineCell(penalty, Penalty);

function Penalty({ notebook }: ViewProps<typeof penalty>) {
  const { objective, lambda } = notebook.state;
  const data = useCountingData(notebook);
  // the global search once per data set and objective; while λ is dragged, a local refinement from the nearest of these
  const path = useMemo(() => PATH_PENALTIES.map((l) => penalisedOptimum(data, objective.value, l)), [data, objective.value]);
  const optimum = useMemo(
    () => penalisedOptimumNear(data, objective.value, lambda.value, path),
    [data, objective.value, lambda.value, path],
  );
  const clipId = `penalty-plot-${useId()}`;
  const { ref, width: WIDTH } = useChartWidth<HTMLDivElement>(DEFAULT_WIDTH);
  const plain = path[0];
  const norm = Math.hypot(optimum.w.wRec, optimum.w.wX);
  const plainNorm = Math.hypot(plain.w.wRec, plain.w.wX);
  const shrink = plainNorm === 0 ? 0 : 1 - norm / plainNorm;
  const l = formatNumber(lambda.value);

  const points = [...path, optimum];
  const x = scaleLinear()
    .domain([Math.min(0, ...points.map((p) => p.w.wX)), Math.max(1.2, ...points.map((p) => p.w.wX))])
    .nice()
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const y = scaleLinear()
    .domain([Math.min(0, ...points.map((p) => p.w.wRec)), Math.max(1.3, ...points.map((p) => p.w.wRec))])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const trace = line<{ w: { wX: number; wRec: number } }>()
    .x((p) => x(p.w.wX))
    .y((p) => y(p.w.wRec));
  const describe = `Chart of the penalised optimum in the (w_x, w_rec) plane: ${path
    .map((p) => `λ = ${formatNumber(p.penalty)} at (${formatNumber(p.w.wX)}, ${formatNumber(p.w.wRec)})`)
    .join('; ')}; the current λ = ${l} puts it at (${formatNumber(optimum.w.wX)}, ${formatNumber(optimum.w.wRec)}).`;

  return (
    <>
      <Controls notebook={notebook} params={[]}>
        <ParamSlider {...bind(notebook, trainingParams.lambda)} />
        <ObjectiveChoice {...bind(notebook, modelParams.objective)} />
      </Controls>
      <p aria-live="polite" class="penalty-summary">
        {lambda.value === 0
          ? `Without a penalty the optimum is the exact fit (w_x, w_rec) = (${formatNumber(plain.w.wX)}, ${formatNumber(plain.w.wRec)}), with error ${formatNumber(plain.dataLoss)}.`
          : `With λ = ${l} the optimum moves to (w_x, w_rec) = (${formatNumber(optimum.w.wX)}, ${formatNumber(optimum.w.wRec)}): its length ‖w‖ shrinks by ${formatNumber(100 * shrink, 3)} %, and the error on the data rises from ${formatNumber(plain.dataLoss)} to ${formatNumber(optimum.dataLoss)}.`}
      </p>
      <dl class="penalty-numbers">
        <div>
          <dt>optimum w<sub>x</sub></dt>
          <dd data-quantity="optimumWX" data-value={String(optimum.w.wX)}>{formatNumber(optimum.w.wX)}</dd>
        </div>
        <div>
          <dt>optimum w<sub>rec</sub></dt>
          <dd data-quantity="optimumWRec" data-value={String(optimum.w.wRec)}>{formatNumber(optimum.w.wRec)}</dd>
        </div>
        <div>
          <dt>‖w‖ (λ = 0: {formatNumber(plainNorm)})</dt>
          <dd data-quantity="optimumNorm" data-value={String(norm)}>{formatNumber(norm)}</dd>
        </div>
        <div>
          <dt>data error E there</dt>
          <dd data-quantity="optimumDataLoss" data-value={String(optimum.dataLoss)}>{formatNumber(optimum.dataLoss)}</dd>
        </div>
      </dl>
      <div class="penalty-chart-frame" ref={ref}>
      <ul class="penalty-legend" aria-hidden="true">
        <li>
          <svg width="16" height="16" viewBox="-8 -8 16 16"><path d="M0,-6L6,0L0,6L-6,0Z" fill="var(--c2)" stroke="var(--fg)" /></svg>
          optimum at the current λ
        </li>
        <li>
          <svg width="16" height="16" viewBox="-8 -8 16 16"><circle r={3} fill="var(--fg-muted)" /></svg>
          optima for λ from 0 to 10
        </li>
        <li>
          <svg width="16" height="16" viewBox="-8 -8 16 16"><line x1={-7} x2={7} class="norm-circle" stroke-dasharray="4 3" /></svg>
          as far from the origin (+) as the optimum
        </li>
      </ul>
      <svg class="chart penalty-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={describe}>
        <AxisBottom scale={x} at={HEIGHT - MARGIN.bottom} label="w_x" ticks={WIDTH < 480 ? 4 : 6} />
        <AxisLeft scale={y} at={MARGIN.left} label="w_rec" />
        <defs>
          <clipPath id={clipId}>
            <rect x={MARGIN.left} y={MARGIN.top} width={WIDTH - MARGIN.left - MARGIN.right} height={HEIGHT - MARGIN.top - MARGIN.bottom} />
          </clipPath>
        </defs>
        <path
          clip-path={`url(#${clipId})`}
          class="norm-circle"
          d={`M${x(norm)},${y(0)}A${x(norm) - x(0)},${y(0) - y(norm)} 0 0,0 ${x(0)},${y(norm)}`}
          fill="none"
          stroke-dasharray="4 4"
          aria-hidden="true"
        />
        <path d={trace(path) ?? ''} fill="none" stroke="var(--fg-muted)" stroke-width={1.5} aria-hidden="true" />
        {path.map((p) => (
          <g key={p.penalty} transform={`translate(${x(p.w.wX)},${y(p.w.wRec)})`} aria-hidden="true">
            <circle r={3} fill="var(--fg-muted)" />
            {p.penalty === 10 && <text x={-6} y={-8} class="path-label" text-anchor="middle">λ = 10</text>}
            {p.penalty === 0 && <text x={8} y={16} class="path-label">λ = 0</text>}
          </g>
        ))}
        <path
          d="M-7,0L7,0M0,-7L0,7"
          transform={`translate(${x(0)},${y(0)})`}
          stroke="var(--fg)"
          stroke-width={1.5}
          aria-hidden="true"
        />
        <path
          class="current"
          d="M0,-9L9,0L0,9L-9,0Z"
          transform={`translate(${x(optimum.w.wX)},${y(optimum.w.wRec)})`}
          fill="var(--c2)"
          stroke="var(--fg)"
          stroke-width={1}
          aria-hidden="true"
        />
      </svg>
      </div>
    </>
  );
}
