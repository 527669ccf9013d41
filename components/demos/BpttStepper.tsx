import { useMemo } from 'preact/hooks';
import { backprop } from '~/core';
import { suffixSums } from '~/core/suffixSums.ts';
import { formatNumber } from '~/notebook/format.ts';
import { gradientOverflow } from '~/notebook/gradientOverflow.ts';
import { declareCell } from '~/notebook/page.ts';
import { resolveStep } from '~/notebook/normalise.ts';
import { defineCell, type ViewProps } from '../defineCell.tsx';
import { Controls } from '../controls/Controls.tsx';
import { bind } from '../controls/bind.ts';
import { ObjectiveChoice } from '../controls/ObjectiveChoice.tsx';
import { UnrolledGraph } from '../figures/UnrolledGraph.tsx';
import { factor } from './factor.ts';
import './BpttStepper.css';
import * as modelParams from '~/notebook/params/model.ts';

/** How many rows of the table are shown at once; longer sequences show a window around the current step. */
const WINDOW = 12;

const bptt = declareCell({
  name: 'bptt',
  label: 'Backpropagation through time, one step at a time',
  params: ['x', 'wRec', 'wX', 'objective', 'bpttStep'],
});

/** The backward pass of BPTT one step at a time, from k = n down to 1, with its table and running sums. */
export default defineCell(bptt, Stepper);

function Stepper({ notebook }: ViewProps<typeof bptt>) {
  const { x, wRec, wX, objective, bpttStep: step } = notebook.state;
  const n = x.value.length;
  const r = useMemo(
    () => backprop(x.value, { wRec: wRec.value, wX: wX.value }, objective.value),
    [x.value, wRec.value, wX.value, objective.value],
  );
  const sumRec = useMemo(() => suffixSums(r.gradWRec), [r]);
  const sumX = useMemo(() => suffixSums(r.gradWX), [r]);
  const k = resolveStep(step.value, n);
  const go = (to: number) => {
    const next = resolveStep(to, n);
    step.value = next === n ? null : next;
  };
  // The pass runs backward in time: "next" is the step before, k − 1.
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowRight: k - 1, ArrowDown: k - 1, ArrowLeft: k + 1, ArrowUp: k + 1, Home: n, End: 1 };
    const to = moves[event.key];
    if (to === undefined) return;
    event.preventDefault();
    go(to);
  };
  const overflow = gradientOverflow(r);
  const wr = wRec.value;

  let hi = Math.min(n, k + Math.floor(WINDOW / 2) - 1);
  const lo = Math.max(1, hi - WINDOW + 1);
  hi = Math.min(n, lo + WINDOW - 1);
  const tableNote =
    n > WINDOW
      ? `Rows k = ${hi} down to ${lo} of ${n}, in the order the pass visits them; greyed rows are not reached yet.`
      : `Rows in the order the pass visits them, k = ${n} down to 1; greyed rows are not reached yet.`;
  const rows: number[] = [];
  for (let j = hi; j >= lo; j--) rows.push(j);

  return (
    <>
      <Controls notebook={notebook} params={[modelParams.wRec, modelParams.wX, modelParams.x]}>
        <ObjectiveChoice {...bind(notebook, modelParams.objective)} />
      </Controls>

      <div class="bptt-nav" role="group" aria-label="Step through the backward pass" onKeyDown={onKeyDown}>
        <button type="button" onClick={() => go(k + 1)} aria-disabled={k >= n ? 'true' : undefined} aria-keyshortcuts="ArrowLeft">
          ← Previous (k + 1)
        </button>
        <button type="button" onClick={() => go(k - 1)} aria-disabled={k <= 1 ? 'true' : undefined} aria-keyshortcuts="ArrowRight">
          Next (k − 1) →
        </button>
        <button type="button" onClick={() => go(n)} aria-disabled={k === n ? 'true' : undefined} aria-keyshortcuts="Home">Start (k = n)</button>
        <button type="button" onClick={() => go(1)} aria-disabled={k === 1 ? 'true' : undefined} aria-keyshortcuts="End">End (k = 1)</button>
        <p class="bptt-where" aria-live="polite" data-quantity="step" data-value={String(k)}>
          Step k = {k} of the backward pass, which runs from k = n = {n} down to 1.
        </p>
      </div>

      {overflow !== null && <p class="message warning" role="status">{overflow}</p>}

      <UnrolledGraph
        values={r.s}
        x={x.value}
        highlight={k}
        secondary={{ values: r.delta, symbol: 'δ', quantity: 'graph-delta' }}
        direction="backward"
        weights={{ wRec: wRec.value, wX: wX.value }}
        label={`The network unrolled over ${n} steps with the backward pass at step ${k}; each node shows s_k and, under it, δ_k`}
      />

      <div class="bptt-equations" aria-live="polite">
        <p>
          δ<sub>{k}</sub> = ∂E<sub>{k}</sub>/∂s<sub>{k}</sub> + w<sub>rec</sub> δ<sub>{k + 1}</sub> = {factor(r.local[k])} + {factor(wr)} × {factor(k === n ? 0 : r.delta[k + 1])}
          {k === n && <> (δ<sub>{n + 1}</sub> = 0)</>}
          {' = '}<mark class="bptt-term">{formatNumber(r.delta[k])}</mark>
        </p>
        <p>
          Σ<sub>j={k}..{n}</sub> δ<sub>j</sub> s<sub>j−1</sub> = {k === n ? '0' : formatNumber(sumRec[k + 1])} +{' '}
          <mark class="bptt-term">{factor(r.delta[k])} × {factor(r.s[k - 1])}</mark> ={' '}
          <strong data-quantity="runningDWRec" data-value={String(sumRec[k])}>{formatNumber(sumRec[k])}</strong>
          {k === 1 && <> = ∂E/∂w<sub>rec</sub></>}
        </p>
        <p>
          Σ<sub>j={k}..{n}</sub> δ<sub>j</sub> x<sub>j</sub> = {k === n ? '0' : formatNumber(sumX[k + 1])} +{' '}
          <mark class="bptt-term">{factor(r.delta[k])} × {x.value[k - 1]}</mark> ={' '}
          <strong data-quantity="runningDWX" data-value={String(sumX[k])}>{formatNumber(sumX[k])}</strong>
          {k === 1 && <> = ∂E/∂w<sub>x</sub></>}
        </p>
      </div>

      <p class="bptt-table-note" aria-hidden="true">{tableNote}</p>
      <div class="table-scroll" tabIndex={0} role="region" aria-label="Table of the backward pass">
        <table class="bptt-table">
          <caption class="visually-hidden">{tableNote}</caption>
          <thead>
            <tr>
              <th scope="col">k</th>
              <th scope="col">x<sub>k</sub></th>
              <th scope="col">s<sub>k−1</sub></th>
              <th scope="col">∂E<sub>k</sub>/∂s<sub>k</sub></th>
              <th scope="col">δ<sub>k</sub></th>
              <th scope="col">δ<sub>k</sub> s<sub>k−1</sub></th>
              <th scope="col">δ<sub>k</sub> x<sub>k</sub></th>
              <th scope="col">Σ<sub>j≥k</sub> δ<sub>j</sub> s<sub>j−1</sub></th>
              <th scope="col">Σ<sub>j≥k</sub> δ<sub>j</sub> x<sub>j</sub></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((j) => {
              const cell = (quantity: string, value: number) => (
                <td data-quantity={quantity} data-k={j} data-value={String(value)}>{formatNumber(value)}</td>
              );
              return (
                <tr key={j} class={j === k ? 'is-current' : j < k ? 'bptt-not-reached' : ''} aria-current={j === k ? 'step' : undefined}>
                  <th scope="row">{j}</th>
                  <td>{x.value[j - 1]}</td>
                  <td data-quantity="sPrev" data-k={j} data-value={String(r.s[j - 1])}>{formatNumber(r.s[j - 1])}</td>
                  <td data-quantity="local" data-k={j} data-value={String(r.local[j])}>{formatNumber(r.local[j])}</td>
                  {cell('delta', r.delta[j])}
                  {cell('gradWRec', r.gradWRec[j])}
                  {cell('gradWX', r.gradWX[j])}
                  {cell('sumWRec', sumRec[j])}
                  {cell('sumWX', sumX[j])}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <p class="bptt-result">
        The full gradients, reached at k = 1: ∂E/∂w<sub>rec</sub> ={' '}
        <span class="value" data-quantity="dWRec" data-value={String(r.dWRec)}>{formatNumber(r.dWRec)}</span>, ∂E/∂w<sub>x</sub> ={' '}
        <span class="value" data-quantity="dWX" data-value={String(r.dWX)}>{formatNumber(r.dWX)}</span>
        {' '}(error E = <span class="value" data-quantity="loss" data-value={String(r.loss)}>{formatNumber(r.loss)}</span>).
      </p>
    </>
  );
}
