import { useMemo } from 'preact/hooks';
import { backprop, relativeError } from '~/core';
import { formatNumber } from '~/notebook/format.ts';
import { LARGEST_DOUBLE, OVERFLOW_CURE } from '~/notebook/overflowMessage.ts';
import { declareCell } from '~/notebook/page.ts';
import { defineCell, type ViewProps } from '../defineCell.tsx';
import { Controls } from '../controls/Controls.tsx';
import { bind } from '../controls/bind.ts';
import { ObjectiveChoice } from '../controls/ObjectiveChoice.tsx';
import { ParamField } from '../controls/ParamField.tsx';
import { ParamSlider } from '../controls/ParamSlider.tsx';
import { SignedLogChart } from '../charts/SignedLogChart.tsx';
import './TruncationDemo.css';
import * as modelParams from '~/notebook/params/model.ts';
import * as trainingParams from '~/notebook/params/training.ts';

const truncation = declareCell({
  name: 'truncation',
  label: 'Truncated backpropagation through time: the exact gradient against the truncated one',
  params: ['x', 'wRec', 'wX', 'objective', 'tau'],
});

/** The exact BPTT gradient against the truncated one for every window τ = 1..n, with the bias as a relative error. */
export default defineCell(truncation, Truncation);

function Truncation({ notebook }: ViewProps<typeof truncation>) {
  const { x, wRec, wX, objective, tau } = notebook.state;
  const n = x.value.length;
  const w = { wRec: wRec.value, wX: wX.value };
  const exact = useMemo(() => backprop(x.value, w, objective.value), [x.value, wRec.value, wX.value, objective.value]);
  // One truncated pass per window τ = 1..n (index τ; index 0 unused).
  const truncated = useMemo(() => {
    const runs = [];
    for (let t = 1; t <= n; t++) runs.push(backprop(x.value, w, objective.value, undefined, { truncate: t }));
    return runs;
  }, [x.value, wRec.value, wX.value, objective.value]);
  const errWRec = new Float64Array(n + 1).fill(Number.NaN);
  const errWX = new Float64Array(n + 1).fill(Number.NaN);
  for (let t = 1; t <= n; t++) {
    errWRec[t] = relativeError(truncated[t - 1].dWRec, exact.dWRec);
    errWX[t] = relativeError(truncated[t - 1].dWX, exact.dWX);
  }
  // τ = 0 in the URL means full BPTT: shown as τ = n, which gives the exact gradient.
  const chosen = tau.value === 0 ? n : Math.min(tau.value, n);
  const run = truncated[chosen - 1];
  const finite = Number.isFinite(exact.dWRec) && Number.isFinite(exact.dWX);
  const summary = finite
    ? `With τ = ${chosen} each error E_j sends its signal back at most ${chosen} step${chosen === 1 ? '' : 's'}: ∂E/∂w_rec = ${formatNumber(run.dWRec)} against the exact ${formatNumber(exact.dWRec)} (relative error ${formatNumber(errWRec[chosen])}), ∂E/∂w_x = ${formatNumber(run.dWX)} against ${formatNumber(exact.dWX)} (relative error ${formatNumber(errWX[chosen])}).`
    : `Overflow: the states or the exact gradient pass ${LARGEST_DOUBLE}, so the bias cannot be measured. ${OVERFLOW_CURE}.`;
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
          <dt>truncated (τ = {chosen})</dt>
          <dd data-quantity="truncDWRec" data-tau={chosen} data-value={String(run.dWRec)}>{formatNumber(run.dWRec)}</dd>
        </div>
        <div>
          <dt>exact ∂E/∂w<sub>x</sub></dt>
          <dd data-quantity="exactDWX" data-value={String(exact.dWX)}>{formatNumber(exact.dWX)}</dd>
        </div>
        <div>
          <dt>truncated (τ = {chosen})</dt>
          <dd data-quantity="truncDWX" data-tau={chosen} data-value={String(run.dWX)}>{formatNumber(run.dWX)}</dd>
        </div>
      </dl>
      {finite && (
        <SignedLogChart
          series={[
            { values: errWRec, label: 'relative error of ∂E/∂w_rec', quantity: 'biasWRec', positive: { color: 'var(--c1)', shape: 'circle', label: '' } },
            { values: errWX, label: 'relative error of ∂E/∂w_x', quantity: 'biasWX', positive: { color: 'var(--c2)', shape: 'square', label: '' }, dashed: true },
          ]}
          from={1}
          indexName="tau"
          xLabel="truncation window τ"
          yLabel="relative error (log scale)"
          height={260}
          description={`Relative error of the truncated gradient for τ = 1 to ${n}: ${Array.from({ length: Math.min(n, 30) }, (_, i) => `τ = ${i + 1}: ${formatNumber(errWRec[i + 1])} for w_rec, ${formatNumber(errWX[i + 1])} for w_x`).join('; ')}${n > 30 ? '; …' : ''}.`}
        />
      )}
      <details class="truncation-table">
        <summary>Every window τ = 1 … {n} as a table</summary>
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">τ</th>
                <th scope="col">∂E/∂w<sub>rec</sub></th>
                <th scope="col">rel. error</th>
                <th scope="col">∂E/∂w<sub>x</sub></th>
                <th scope="col">rel. error</th>
              </tr>
            </thead>
            <tbody>
              {truncated.map((r, i) => (
                <tr key={i} class={i + 1 === chosen ? 'is-current' : undefined}>
                  <th scope="row">{i + 1}</th>
                  <td data-quantity="tableDWRec" data-tau={i + 1} data-value={String(r.dWRec)}>{formatNumber(r.dWRec)}</td>
                  <td>{formatNumber(errWRec[i + 1])}</td>
                  <td data-quantity="tableDWX" data-tau={i + 1} data-value={String(r.dWX)}>{formatNumber(r.dWX)}</td>
                  <td>{formatNumber(errWX[i + 1])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
