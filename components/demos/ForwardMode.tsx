import { useMemo } from 'preact/hooks';
import { backprop, forwardSensitivity } from '~/core';
import { formatNumber } from '~/notebook/format.ts';
import { gradientOverflow } from '~/notebook/gradientOverflow.ts';
import { declareCell } from '~/notebook/page.ts';
import * as modelParams from '~/notebook/params/model.ts';
import { defineCell, type ViewProps } from '../defineCell.tsx';
import { bind } from '../controls/bind.ts';
import { Controls } from '../controls/Controls.tsx';
import { ObjectiveChoice } from '../controls/ObjectiveChoice.tsx';
import './ForwardMode.css';

/** Rows written out at each end of a long sequence; the middle is summarised in one row. */
const EDGE = 4;

const forwardMode = declareCell({
  name: 'forward-mode',
  label: 'Both exact readings of the gradient: backward deltas and forward sensitivities',
  params: ['x', 'wRec', 'wX', 'objective'],
});

/**
 * The gradient read two exact ways, side by side: reverse mode (BPTT), δ_k s_{k−1} and δ_k x_k, and forward mode,
 * (∂E_k/∂s_k) σ_k with the sensitivities σ_k carried forward with the states. Both sums come from the core.
 */
export default defineCell(forwardMode, ForwardMode);

function ForwardMode({ notebook }: ViewProps<typeof forwardMode>) {
  const { x, wRec, wX, objective } = notebook.state;
  const n = x.value.length;
  const w = { wRec: wRec.value, wX: wX.value };
  const reverse = useMemo(() => backprop(x.value, w, objective.value), [x.value, wRec.value, wX.value, objective.value]);
  const forward = useMemo(() => forwardSensitivity(x.value, w, objective.value), [x.value, wRec.value, wX.value, objective.value]);
  const overflow = gradientOverflow(reverse);
  const steps: (number | null)[] = [];
  if (n <= 2 * EDGE + 1) for (let k = 1; k <= n; k++) steps.push(k);
  else {
    for (let k = 1; k <= EDGE; k++) steps.push(k);
    steps.push(null);
    for (let k = n - EDGE + 1; k <= n; k++) steps.push(k);
  }
  const cell = (quantity: string, mode: 'reverse' | 'forward', k: number, value: number) => (
    <td data-quantity={quantity} data-mode={mode} data-k={k} data-value={String(value)}>{formatNumber(value)}</td>
  );
  const total = (quantity: 'gradWRec' | 'gradWX', mode: 'reverse' | 'forward', value: number) => (
    <td>
      <strong data-quantity={quantity} data-mode={mode} data-value={String(value)}>{formatNumber(value)}</strong>
    </td>
  );
  const caption = `Each step's share of the gradient read backward (δ_k times the weight's direct effect) and forward (the error at step k times the total sensitivity σ_k), with the two sums; ${n > 2 * EDGE + 1 ? `steps 1 to ${EDGE} and ${n - EDGE + 1} to ${n} of ${n} are shown, and the sums add all of them` : `all ${n} steps`}.`;
  return (
    <>
      <Controls notebook={notebook} params={[modelParams.wRec, modelParams.wX, modelParams.x]}>
        <ObjectiveChoice {...bind(notebook, modelParams.objective)} />
      </Controls>
      {overflow !== null && <p class="message warning" role="status">{overflow}</p>}
      <div class="table-scroll" tabIndex={0} role="region" aria-label="The two readings of the gradient, step by step">
        <table class="forward-mode-table">
          <caption class="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>k</th>
              <th scope="colgroup" colSpan={3}>reverse (backward in time)</th>
              <th scope="colgroup" colSpan={5}>forward (with the states)</th>
            </tr>
            <tr>
              <th scope="col">δ<sub>k</sub></th>
              <th scope="col">δ<sub>k</sub> s<sub>k−1</sub></th>
              <th scope="col">δ<sub>k</sub> x<sub>k</sub></th>
              <th scope="col">s<sub>k</sub> − t<sub>k</sub></th>
              <th scope="col">σ<sub>k</sub><sup>rec</sup></th>
              <th scope="col">σ<sub>k</sub><sup>x</sup></th>
              <th scope="col">(s<sub>k</sub> − t<sub>k</sub>) σ<sub>k</sub><sup>rec</sup></th>
              <th scope="col">(s<sub>k</sub> − t<sub>k</sub>) σ<sub>k</sub><sup>x</sup></th>
            </tr>
          </thead>
          <tbody>
            {steps.map((k) =>
              k === null ? (
                <tr key="gap" class="forward-mode-gap">
                  <td colSpan={9}>… {n - 2 * EDGE} more steps, added into the sums …</td>
                </tr>
              ) : (
                <tr key={k}>
                  <th scope="row">{k}</th>
                  {cell('delta', 'reverse', k, reverse.delta[k])}
                  {cell('termWRec', 'reverse', k, reverse.gradWRec[k])}
                  {cell('termWX', 'reverse', k, reverse.gradWX[k])}
                  {cell('local', 'forward', k, forward.local[k])}
                  {cell('sigmaRec', 'forward', k, forward.sigmaRec[k])}
                  {cell('sigmaX', 'forward', k, forward.sigmaX[k])}
                  {cell('termWRec', 'forward', k, forward.termWRec[k])}
                  {cell('termWX', 'forward', k, forward.termWX[k])}
                </tr>
              ),
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Σ</th>
              <td />
              {total('gradWRec', 'reverse', reverse.dWRec)}
              {total('gradWX', 'reverse', reverse.dWX)}
              <td />
              <td />
              <td />
              {total('gradWRec', 'forward', forward.dWRec)}
              {total('gradWX', 'forward', forward.dWX)}
            </tr>
          </tfoot>
        </table>
      </div>
      <p class="forward-mode-agree" aria-live="polite">
        ∂E/∂w<sub>rec</sub>: {formatNumber(reverse.dWRec)} backward, {formatNumber(forward.dWRec)} forward. ∂E/∂w<sub>x</sub>:{' '}
        {formatNumber(reverse.dWX)} backward, {formatNumber(forward.dWX)} forward.
        {objective.value === 'final' && ' With the final-step error only step n has an error, so the forward column has one non-zero term.'}
      </p>
    </>
  );
}
