import type { ComponentChildren } from 'preact';
import { scaleBand, scaleLinear } from 'd3-scale';
import { formatNumber } from '~/notebook/format.ts';
import { AxisLeft } from '../charts/axes.tsx';
import { finiteExtent } from '../charts/finiteExtent.ts';
import { OmittedNote } from '../charts/OmittedNote.tsx';
import './figures.css';

interface Props {
  /** The weight input x_k gets in s_n, by k: `weights[k-1]` for k = 1..n. Non-finite weights are not drawn. */
  weights: ArrayLike<number>;
  /** The inputs x_1..x_n: bars of inputs that are 1 are drawn solid, of inputs that are 0 faint. */
  x: ArrayLike<number>;
  /** The text alternative: what the chart shows, with its numbers. */
  description: string;
  /** `data-quantity` of each bar (each also carries `data-k` and `data-value`). Default "input-weight". */
  quantity?: string;
  /** Words shown under the bars when some weights are not finite (default: how many are not drawn). */
  omitted?: ComponentChildren;
}

const WIDTH = 600;
const HEIGHT = 230;
const MARGIN = { top: 20, right: 12, bottom: 42, left: 60 };

/** A bar per input x_k: the weight it is multiplied by in the last state s_n. */
export function InputWeightBars({ weights, x, description, quantity = 'input-weight', omitted }: Props) {
  const n = weights.length;
  const ks = Array.from({ length: n }, (_, i) => i + 1);
  // The axis spans 0 and the finite weights, in units of `unit` so that max − min cannot overflow near ±1.8e308.
  const extent = finiteExtent([weights], [0]);
  const { lo, hi, unit } = extent;
  const band = scaleBand<number>().domain(ks).range([MARGIN.left, WIDTH - MARGIN.right]).padding(n > 60 ? 0 : 0.2);
  const labels = n <= 16;
  // Room for the value printed beyond each bar's end.
  const pad = labels ? 0.12 * (hi - lo) : 0;
  const y = scaleLinear()
    .domain([lo < 0 ? lo - pad : 0, hi > 0 ? hi + pad : 0])
    .nice()
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const yOf = (v: number) => y(v / unit);
  const tickEvery = n <= 24 ? 1 : Math.ceil(n / 8 / 5) * 5;
  const ticks = ks.filter((k) => k === 1 || k === n || (k % tickEvery === 0 && n - k >= tickEvery / 2 && k > tickEvery / 2));
  return (
    <>
    <svg class="figure-svg chart input-weight-bars" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} role="img" aria-label={description}>
      <AxisLeft scale={y} at={MARGIN.left} label="weight in s_n" unit={unit} />
      {ks.map((k) => {
        const v = weights[k - 1];
        const top = Number.isFinite(v) ? Math.min(yOf(v), y(0)) : y(0);
        const h = Number.isFinite(v) ? Math.abs(yOf(v) - y(0)) : 0;
        return (
          <rect
            key={k}
            class={x[k - 1] === 1 ? 'bar-one' : 'bar-zero'}
            x={band(k)}
            y={top}
            width={Math.max(band.bandwidth(), 0.5)}
            height={h}
            data-quantity={quantity}
            data-k={k}
            data-value={String(v)}
          />
        );
      })}
      {labels &&
        ks.map((k) => {
          const v = weights[k - 1];
          // NaN has no bar and no label: the note under the chart says why.
          if (Number.isNaN(v)) return null;
          const below = Number.isFinite(v) && v < 0;
          const at = Number.isFinite(v) ? yOf(v) : y(0);
          return (
            <text key={k} class="bar-label" aria-hidden="true" x={(band(k) ?? 0) + band.bandwidth() / 2} y={below ? at + 12 : at - 4} text-anchor="middle">
              {formatNumber(v, 3)}
            </text>
          );
        })}
      <line class="zero-line" x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(0)} y2={y(0)} />
      <g aria-hidden="true">
        {ticks.map((k) => (
          <text key={k} class="k-tick" x={(band(k) ?? 0) + band.bandwidth() / 2} y={HEIGHT - MARGIN.bottom + 15} text-anchor="middle">
            {k}
          </text>
        ))}
        <text class="axis-label" x={(MARGIN.left + WIDTH - MARGIN.right) / 2} y={HEIGHT - 6} text-anchor="middle">
          input x_k, by step k (solid: x_k = 1, faint: x_k = 0)
        </text>
      </g>
    </svg>
    <OmittedNote count={extent.omitted}>{omitted}</OmittedNote>
    </>
  );
}
