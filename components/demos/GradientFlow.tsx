import { useMemo } from 'preact/hooks';
import { backprop, gradientFlow } from '~/core';
import { formatNumber } from '~/notebook/format.ts';
import { infiniteRange } from '~/notebook/overflow.ts';
import { LARGEST_DOUBLE, SMALLEST_DOUBLE } from '~/notebook/overflowMessage.ts';
import { declareCell } from '~/notebook/page.ts';
import { defineCell, type ViewProps } from '../defineCell.tsx';
import { Controls } from '../controls/Controls.tsx';
import { SignedLogChart, type MarkerStyle } from '../charts/SignedLogChart.tsx';
import './GradientFlow.css';
import * as trainingParams from '~/notebook/params/training.ts';
import * as modelParams from '~/notebook/params/model.ts';

const POSITIVE: MarkerStyle = { color: 'var(--c-pos)', shape: 'circle', label: 'positive' };
const NEGATIVE: MarkerStyle = { color: 'var(--c-neg)', shape: 'triangle', label: 'negative' };

/** How far back the table samples the values: k = n − d for these distances d. */
const TABLE_DISTANCES = [0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

/** The regime w_rec puts the flow in, named for the reader: what w_rec^{n−k} does as k moves back from n. */
export function flowRegime(wRec: number): string {
  const a = Math.abs(wRec);
  const w = formatNumber(wRec);
  if (wRec === 0) {
    return `Cut: w_rec = 0, so ∂s_n/∂s_n = 1 and every earlier factor is exactly 0. The flow is cut after one step: no error reaches a step before n.`;
  }
  if (wRec === 1) return 'Constant: w_rec = 1, so every factor w_rec^{n−k} is exactly 1. The error reaches every step undiminished.';
  if (wRec === -1) {
    return 'Constant in size, alternating in sign: w_rec = −1, so the factor is +1 and −1 by turns and never shrinks or grows.';
  }
  const sign = wRec < 0 ? ` It also alternates in sign, because w_rec = ${w} is negative: even distances n − k give positive factors, odd ones negative.` : '';
  if (a > 1) return `Exploding: |w_rec| = ${formatNumber(a)} > 1, so |∂s_n/∂s_k| grows by a factor of ${formatNumber(a)} with every step back.${sign}`;
  return `Vanishing: |w_rec| = ${formatNumber(a)} < 1, so |∂s_n/∂s_k| shrinks by a factor of ${formatNumber(a)} with every step back.${sign}`;
}

const flowCell = declareCell({
  name: 'gradient-flow',
  label: 'How the error flows back: w_rec to the power n − k',
  params: ['wRec', 'wX', 'n'],
});

/** The factor ∂s_n/∂s_k = w_rec^{n−k} on a log scale for a w_rec slider and a length n, beside the every-step δ_k. */
export default defineCell(flowCell, Flow);

function Flow({ notebook }: ViewProps<typeof flowCell>) {
  const { wRec, wX, n } = notebook.state;
  const g = useMemo(() => gradientFlow(wRec.value, n.value), [wRec.value, n.value]);
  const ones = useMemo(() => new Array<number>(n.value).fill(1), [n.value]);
  const every = useMemo(
    () => backprop(ones, { wRec: wRec.value, wX: wX.value }, 'every-step'),
    [ones, wRec.value, wX.value],
  );
  const N = n.value;
  const w = formatNumber(wRec.value);
  const over = infiniteRange(g);
  const underflowed = wRec.value !== 0 && g[0] === 0;
  let lastZero = -1;
  if (underflowed) for (let k = 0; k <= N && g[k] === 0; k++) lastZero = k;
  const deltaOver = infiniteRange(every.delta);
  const deltaUndefined = Array.from(every.delta).some(Number.isNaN);
  const allZero = every.delta.every((v) => v === 0);

  const flowNotes: string[] = [];
  if (over) {
    flowNotes.push(
      `Overflow: for k = ${over[0]} to ${over[1]} (${over[2]} values) |w_rec|^{n−k} is larger than ${LARGEST_DOUBLE}. They are shown as ${formatNumber(g[over[0]])} on the “∞” row.`,
    );
  }
  if (underflowed) {
    flowNotes.push(
      `Underflow: for k = 0 to ${lastZero}, |w_rec|^{n−k} is smaller than ${SMALLEST_DOUBLE} and rounds to exactly 0: those values sit on the “0” row.`,
    );
  }
  const deltaNotes: string[] = [];
  if (deltaOver) {
    deltaNotes.push(
      `Overflow: the states or deltas pass ${LARGEST_DOUBLE} for k = ${deltaOver[0]} to ${deltaOver[1]}; they are shown on the “∞” row.`,
    );
  }
  if (deltaUndefined) deltaNotes.push('Some deltas are undefined (∞ − ∞ after an overflow) and are left out of the chart.');
  if (allZero) {
    deltaNotes.push(
      `At w_rec = 1 and w_x = 1 the network counts exactly: every error s_k − t_k is 0, so every δ_k is 0 too (all on the “0” row).`,
    );
  }

  const rows = TABLE_DISTANCES.filter((d) => d <= N).map((d) => N - d);
  if (rows.at(-1) !== 0) rows.push(0);
  const describe = (values: ArrayLike<number>, name: string) =>
    rows.map((k) => `${name} at k = ${k}: ${formatNumber(values[k])}`).join('; ');

  return (
    <>
      <Controls notebook={notebook} params={[modelParams.wRec, trainingParams.n]} />
      <p class="flow-regime" aria-live="polite" data-regime>
        {flowRegime(wRec.value)}
      </p>
      <div class="flow-panels">
        <figure class="flow-panel">
          <figcaption>
            ∂s<sub>n</sub>/∂s<sub>k</sub> = w<sub>rec</sub><sup>n−k</sup> = ({w})<sup>n−k</sup> for k = 0 … {N}: the final-step
            objective’s δ<sub>k</sub>, in units of δ<sub>n</sub>.
          </figcaption>
          <SignedLogChart
            series={[{ values: g, label: '∂s_n/∂s_k', quantity: 'flow', positive: POSITIVE, negative: NEGATIVE, lineColor: 'var(--fg-muted)' }]}
            yLabel="|∂sₙ/∂sₖ| (log scale)"
            omitted={false /* the flow notes below say where the factors overflow */}
            description={`Chart of w_rec^(n−k) for w_rec = ${w}, n = ${N}, magnitude on a log scale: ${describe(g, 'the factor')}.`}
          />
          <div aria-live="polite">
            {flowNotes.map((note) => (
              <p class="message warning" key={note}>{note}</p>
            ))}
          </div>
        </figure>
        <figure class="flow-panel">
          <figcaption>
            Every-step objective: δ<sub>k</sub> for the all-ones sequence x = (1, 1, …, 1) of length {N}, with w<sub>x</sub> ={' '}
            {formatNumber(wX.value)}.
          </figcaption>
          <SignedLogChart
            series={[{ values: every.delta, label: 'δ_k (every step)', quantity: 'delta', positive: POSITIVE, negative: NEGATIVE, lineColor: 'var(--fg-muted)' }]}
            yLabel="|δₖ| (log scale)"
            omitted={false /* the delta notes below say where the deltas overflow or are undefined */}
            description={`Chart of the every-step objective's deltas for w_rec = ${w}, n = ${N}, all-ones input: ${describe(every.delta, 'δ')}.`}
          />
          <div aria-live="polite">
            {deltaNotes.map((note) => (
              <p class="message warning" key={note}>{note}</p>
            ))}
          </div>
        </figure>
      </div>
      <div class="table-scroll">
        <table class="flow-table">
          <caption>Sampled values, from k = n back to k = 0</caption>
          <thead>
            <tr>
              <th scope="col">k</th>
              <th scope="col">n − k</th>
              <th scope="col">∂s<sub>n</sub>/∂s<sub>k</sub></th>
              <th scope="col">δ<sub>k</sub> (every step)</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((k) => (
              <tr key={k}>
                <th scope="row">{k}</th>
                <td>{N - k}</td>
                <td data-quantity="flowAt" data-k={k} data-value={String(g[k])}>{formatNumber(g[k])}</td>
                <td data-quantity="deltaAt" data-k={k} data-value={String(every.delta[k])}>{formatNumber(every.delta[k])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
