import { useMemo } from 'preact/hooks';
import { backprop, chunkedTruncatedGradients, relativeError, truncatedGradients } from '~/core';
import { formatNumber } from '~/notebook/format.ts';
import { gradientOverflow } from '~/notebook/gradientOverflow.ts';
import { LARGEST_DOUBLE, OVERFLOW_CURE } from '~/notebook/overflowMessage.ts';
import { declareCell } from '~/notebook/page.ts';
import { defineCell, type ViewProps } from '../defineCell.tsx';
import { Controls } from '../controls/Controls.tsx';
import { bind } from '../controls/bind.ts';
import { ObjectiveChoice } from '../controls/ObjectiveChoice.tsx';
import { ParamField } from '../controls/ParamField.tsx';
import { ParamSlider } from '../controls/ParamSlider.tsx';
import { SignedLogChart } from '../charts/SignedLogChart.tsx';
import { TablePager, useTablePage } from '../controls/TablePager.tsx';
import './TruncationDemo.css';
import * as modelParams from '~/notebook/params/model.ts';
import * as trainingParams from '~/notebook/params/training.ts';

const truncation = declareCell({
  name: 'truncation',
  label: 'Truncated backpropagation through time: the exact gradient against the truncated one',
  params: ['x', 'wRec', 'wX', 'objective', 'tau'],
});

/**
 * The exact BPTT gradient against its two truncations for every τ = 1..n, each bias as a relative error: the per-error
 * window (each E_j sends its error back at most τ steps) and chunks (the sequence is run whole, carrying the state,
 * and backpropagated within consecutive chunks of τ steps, as min-char-rnn and most libraries do).
 */
export default defineCell(truncation, Truncation);

function Truncation({ notebook }: ViewProps<typeof truncation>) {
  const { x, wRec, wX, objective, tau } = notebook.state;
  const n = x.value.length;
  const w = { wRec: wRec.value, wX: wX.value };
  const exact = useMemo(() => backprop(x.value, w, objective.value), [x.value, wRec.value, wX.value, objective.value]);
  // Every window τ = 1..n in one pass (index τ; index 0 unused).
  const truncated = useMemo(() => truncatedGradients(x.value, w, objective.value), [x.value, wRec.value, wX.value, objective.value]);
  const chunked = useMemo(() => chunkedTruncatedGradients(x.value, w, objective.value), [x.value, wRec.value, wX.value, objective.value]);
  const errWRec = new Float64Array(n + 1).fill(Number.NaN);
  const errWX = new Float64Array(n + 1).fill(Number.NaN);
  const chunkErrWRec = new Float64Array(n + 1).fill(Number.NaN);
  const chunkErrWX = new Float64Array(n + 1).fill(Number.NaN);
  for (let t = 1; t <= n; t++) {
    errWRec[t] = relativeError(truncated.dWRec[t], exact.dWRec);
    errWX[t] = relativeError(truncated.dWX[t], exact.dWX);
    chunkErrWRec[t] = relativeError(chunked.dWRec[t], exact.dWRec);
    chunkErrWX[t] = relativeError(chunked.dWX[t], exact.dWX);
  }
  // τ = 0 in the URL means full BPTT: shown as τ = n, which gives the exact gradient.
  const chosen = tau.value === 0 ? n : Math.min(tau.value, n);
  const run = { dWRec: truncated.dWRec[chosen], dWX: truncated.dWX[chosen] };
  const chunk = { dWRec: chunked.dWRec[chosen], dWX: chunked.dWX[chosen] };
  // a long sequence's table is drawn a page of windows at a time, starting at the page of the chosen τ
  const page = useTablePage(1, n, chosen);
  const finite = Number.isFinite(exact.dWRec) && Number.isFinite(exact.dWX);
  const summary = finite
    ? `With τ = ${chosen} each error E_j sends its signal back at most ${chosen} step${chosen === 1 ? '' : 's'}: ∂E/∂w_rec = ${formatNumber(run.dWRec)} against the exact ${formatNumber(exact.dWRec)} (relative error ${formatNumber(errWRec[chosen])}), ∂E/∂w_x = ${formatNumber(run.dWX)} against ${formatNumber(exact.dWX)} (relative error ${formatNumber(errWX[chosen])}). In chunks of ${chosen}: ∂E/∂w_rec = ${formatNumber(chunk.dWRec)} (relative error ${formatNumber(chunkErrWRec[chosen])}), ∂E/∂w_x = ${formatNumber(chunk.dWX)} (relative error ${formatNumber(chunkErrWX[chosen])}).`
    : (gradientOverflow(exact) ?? `Overflow: the states or the exact gradient pass ${LARGEST_DOUBLE}. ${OVERFLOW_CURE}.`) + ' The bias of truncation cannot be measured.';
  return (
    <>
      <Controls notebook={notebook} params={[modelParams.wRec]}>
        <ParamSlider {...bind(notebook, trainingParams.tau)} value={chosen} min={1} max={Math.max(n, 2)} />
        <ObjectiveChoice {...bind(notebook, modelParams.objective)} />
        <ParamField {...bind(notebook, modelParams.x)} />
      </Controls>
      <p aria-live="polite" class={finite ? 'truncation-summary' : 'message warning'}>{summary}</p>
      <dl class="truncation-numbers">
        <div>
          <dt>exact ∂E/∂w<sub>rec</sub></dt>
          <dd data-quantity="exactDWRec" data-value={String(exact.dWRec)}>{formatNumber(exact.dWRec)}</dd>
        </div>
        <div>
          <dt>window of {chosen}</dt>
          <dd data-quantity="truncDWRec" data-tau={chosen} data-value={String(run.dWRec)}>{formatNumber(run.dWRec)}</dd>
        </div>
        <div>
          <dt>chunks of {chosen}</dt>
          <dd data-quantity="chunkDWRec" data-tau={chosen} data-value={String(chunk.dWRec)}>{formatNumber(chunk.dWRec)}</dd>
        </div>
        <div>
          <dt>exact ∂E/∂w<sub>x</sub></dt>
          <dd data-quantity="exactDWX" data-value={String(exact.dWX)}>{formatNumber(exact.dWX)}</dd>
        </div>
        <div>
          <dt>window of {chosen}</dt>
          <dd data-quantity="truncDWX" data-tau={chosen} data-value={String(run.dWX)}>{formatNumber(run.dWX)}</dd>
        </div>
        <div>
          <dt>chunks of {chosen}</dt>
          <dd data-quantity="chunkDWX" data-tau={chosen} data-value={String(chunk.dWX)}>{formatNumber(chunk.dWX)}</dd>
        </div>
      </dl>
      {finite && (
        <SignedLogChart
          series={[
            { values: errWRec, label: 'relative error of ∂E/∂w_rec', quantity: 'biasWRec', positive: { color: 'var(--c1)', shape: 'circle', label: '' } },
            { values: errWX, label: 'relative error of ∂E/∂w_x', quantity: 'biasWX', positive: { color: 'var(--c2)', shape: 'square', label: '' }, dashed: true },
            { values: chunkErrWRec, label: 'chunks: relative error of ∂E/∂w_rec', quantity: 'chunkBiasWRec', positive: { color: 'var(--c3)', shape: 'triangle', label: '' } },
            { values: chunkErrWX, label: 'chunks: relative error of ∂E/∂w_x', quantity: 'chunkBiasWX', positive: { color: 'var(--c4)', shape: 'diamond', label: '' }, dashed: true },
          ]}
          from={1}
          indexName="tau"
          xLabel="truncation window τ"
          yLabel="relative error (log scale)"
          height={260}
          description={`Relative error of the truncated gradient for τ = 1 to ${n}, by window and by chunks: ${Array.from({ length: Math.min(n, 30) }, (_, i) => `τ = ${i + 1}: window ${formatNumber(errWRec[i + 1])} for w_rec, ${formatNumber(errWX[i + 1])} for w_x; chunks ${formatNumber(chunkErrWRec[i + 1])} and ${formatNumber(chunkErrWX[i + 1])}`).join('; ')}${n > 30 ? '; …' : ''}.`}
        />
      )}
      {finite && (
        <details class="truncation-table">
          <summary>Every window τ = 1 … {n} as a table</summary>
          <TablePager name="τ" min={1} max={n} {...page} />
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">τ</th>
                  <th scope="col">∂E/∂w<sub>rec</sub></th>
                  <th scope="col">rel. error</th>
                  <th scope="col">∂E/∂w<sub>x</sub></th>
                  <th scope="col">rel. error</th>
                  <th scope="col">chunks: ∂E/∂w<sub>rec</sub></th>
                  <th scope="col">rel. error</th>
                  <th scope="col">chunks: ∂E/∂w<sub>x</sub></th>
                  <th scope="col">rel. error</th>
                </tr>
              </thead>
              <tbody>
                {Array.from({ length: page.to - page.from + 1 }, (_, i) => page.from + i).map((t) => (
                  <tr key={t} class={t === chosen ? 'is-current' : undefined}>
                    <th scope="row">{t}</th>
                    <td data-quantity="tableDWRec" data-tau={t} data-value={String(truncated.dWRec[t])}>{formatNumber(truncated.dWRec[t])}</td>
                    <td>{formatNumber(errWRec[t])}</td>
                    <td data-quantity="tableDWX" data-tau={t} data-value={String(truncated.dWX[t])}>{formatNumber(truncated.dWX[t])}</td>
                    <td>{formatNumber(errWX[t])}</td>
                    <td data-quantity="tableChunkDWRec" data-tau={t} data-value={String(chunked.dWRec[t])}>{formatNumber(chunked.dWRec[t])}</td>
                    <td>{formatNumber(chunkErrWRec[t])}</td>
                    <td data-quantity="tableChunkDWX" data-tau={t} data-value={String(chunked.dWX[t])}>{formatNumber(chunked.dWX[t])}</td>
                    <td>{formatNumber(chunkErrWX[t])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </>
  );
}
