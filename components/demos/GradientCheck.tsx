import { useMemo } from 'preact/hooks';
import { backprop, numericalGradient, relativeError } from '~/core';
import { formatNumber } from '~/notebook/format.ts';
import { gradientOverflow } from '~/notebook/gradientOverflow.ts';
import { OVERFLOW_CURE } from '~/notebook/overflowMessage.ts';
import { declareCell } from '~/notebook/page.ts';
import { defineCell, type ViewProps } from '../defineCell.tsx';
import { Controls } from '../controls/Controls.tsx';
import { bind } from '../controls/bind.ts';
import { ObjectiveChoice } from '../controls/ObjectiveChoice.tsx';
import './GradientCheck.css';
import * as modelParams from '~/notebook/params/model.ts';

/** The largest relative error the check accepts between backprop and central differences. */
const TOLERANCE = 1e-6;
/** Below this size backprop's gradient is zero for practical purposes (at a minimum it is exactly 0), and a relative error means nothing. */
const NEGLIGIBLE = 1e-6;

const gradientCheck = declareCell({
  name: 'gradient-check',
  label: 'Gradient check: backpropagation against central differences',
  params: ['x', 'wRec', 'wX', 'objective'],
});

/** Backprop's gradient against central differences, and against the "local-only" sums of the seed's last line. */
export default defineCell(gradientCheck, Check);

function Check({ notebook }: ViewProps<typeof gradientCheck>) {
  const { x, wRec, wX, objective } = notebook.state;
  const w = { wRec: wRec.value, wX: wX.value };
  const deps = [x.value, wRec.value, wX.value, objective.value];
  const r = useMemo(() => backprop(x.value, w, objective.value), deps);
  const numerical = useMemo(() => numericalGradient(x.value, w, objective.value), deps);
  // The seed's last line read with ∂E_k/∂s_k as the local derivative: δ_k replaced by ∂E_k/∂s_k, which is
  // backprop with every error sent back τ = 1 step only.
  const localOnly = useMemo(() => backprop(x.value, w, objective.value, undefined, { truncate: 1 }), deps);
  const n = x.value.length;
  const errRec = relativeError(r.dWRec, numerical.dWRec);
  const errX = relativeError(r.dWX, numerical.dWX);
  const err = Math.max(errRec, errX);
  const localErr = Math.max(relativeError(localOnly.dWRec, r.dWRec), relativeError(localOnly.dWX, r.dWX));
  const finite = [r.dWRec, r.dWX, numerical.dWRec, numerical.dWX, r.loss].every(Number.isFinite);
  const overflow = gradientOverflow(r) ?? (finite ? null : `Overflow: the error E is too large to represent, so central differences (which subtract two values of E) have no value. ${OVERFLOW_CURE}.`);
  const negligible = Math.abs(r.dWRec) < NEGLIGIBLE || Math.abs(r.dWX) < NEGLIGIBLE;
  const absDiff = Math.max(Math.abs(r.dWRec - numerical.dWRec), Math.abs(r.dWX - numerical.dWX));
  const row = (
    symbol: preact.ComponentChildren,
    key: 'WRec' | 'WX',
    rowErr: number,
  ) => (
    <tr>
      <th scope="row">∂E/∂{symbol}</th>
      <td data-quantity={`d${key}`} data-value={String(r[`d${key}`])}>{formatNumber(r[`d${key}`], 10)}</td>
      <td data-quantity={`numericalD${key}`} data-value={String(numerical[`d${key}`])}>{formatNumber(numerical[`d${key}`], 10)}</td>
      <td data-quantity={`relativeError${key}`} data-value={String(rowErr)}>{formatNumber(rowErr, 2)}</td>
      <td data-quantity={`localOnlyD${key}`} data-value={String(localOnly[`d${key}`])}>{formatNumber(localOnly[`d${key}`])}</td>
    </tr>
  );
  const pct = formatNumber(100 * localErr, 2);
  const caption = (
    <>
      The gradient at w<sub>rec</sub> = {formatNumber(wRec.value)}, w<sub>x</sub> = {formatNumber(wX.value)} on the page's sequence
      ({n} steps), three ways
    </>
  );
  return (
    <>
      <Controls notebook={notebook} params={[modelParams.wRec, modelParams.wX]}>
        <ObjectiveChoice {...bind(notebook, modelParams.objective)} />
      </Controls>
      <p class="gradient-check-caption" aria-hidden="true">{caption}</p>
      <div class="table-scroll" tabIndex={0} role="region" aria-label="Gradient check table">
        <table class="gradient-check-table">
          <caption class="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">gradient</th>
              <th scope="col">backprop</th>
              <th scope="col">central differences</th>
              <th scope="col">relative error</th>
              <th scope="col">local-only sum</th>
            </tr>
          </thead>
          <tbody>
            {row(<>w<sub>rec</sub></>, 'WRec', errRec)}
            {row(<>w<sub>x</sub></>, 'WX', errX)}
          </tbody>
        </table>
      </div>
      <p class="gradient-check-note">
        Local-only sums: Σ<sub>k</sub> ∂E<sub>k</sub>/∂s<sub>k</sub> · s<sub>k−1</sub> and Σ<sub>k</sub> ∂E<sub>k</sub>/∂s<sub>k</sub> · x<sub>k</sub>,
        the source article's last line with the local derivative where δ<sub>k</sub> belongs.
      </p>
      {overflow !== null ? (
        <p class="message warning" role="status">{overflow}</p>
      ) : (
        <div aria-live="polite" class="gradient-check-verdict">
          <p>
            Relative error, the larger of the two:{' '}
            <strong class="value" data-quantity="relativeError" data-value={String(err)}>{formatNumber(err, 2)}</strong>
            {negligible
              ? <>
                  . At least one gradient is zero, or nearly (below 10⁻⁶), as at a minimum of the error. Central differences
                  then return only their own small error, and a relative error between two numbers that are both
                  practically zero says nothing; the absolute difference, at most{' '}
                  <span class="value" data-quantity="absoluteDifference" data-value={String(absDiff)}>{formatNumber(absDiff, 2)}</span>, is
                  what counts.
                </>
              : err <= TOLERANCE
                ? ', below 10⁻⁶: backpropagation through time and central differences agree.'
                : ', above 10⁻⁶: the two disagree. With a correct backward pass this happens when E is so sharply curved (long sequences, |w_rec| near or above 1) that the step h of central differences is too coarse; on a short sequence it would mean a mistake.'}
          </p>
          {localErr === 0 ? (
            <p>
              Here the local-only sums equal the true gradient (relative error{' '}
              <strong class="value" data-quantity="localOnlyError" data-value={String(localErr)}>0</strong>): with a single
              step, or when no later error reaches back, δ<sub>k</sub> and ∂E<sub>k</sub>/∂s<sub>k</sub> coincide.
            </p>
          ) : objective.value === 'every-step' ? (
            <p>
              The local-only sums, which put ∂E<sub>k</sub>/∂s<sub>k</sub> where δ<sub>k</sub> belongs, are off by up to{' '}
              <strong class="value" data-quantity="localOnlyError" data-value={String(localErr)}>{pct} %</strong> (relative
              error {formatNumber(localErr, 2)}): they leave out every path by which s<sub>k</sub> reaches the later errors
              E<sub>k+1</sub>, …, E<sub>n</sub>.
            </p>
          ) : (
            <p>
              For the final-step error only E<sub>n</sub> touches a state directly, so the local-only sum is a single
              term: ∂E<sub>n</sub>/∂s<sub>n</sub> · s<sub>n−1</sub> and ∂E<sub>n</sub>/∂s<sub>n</sub> · x<sub>n</sub>, the
              k = n terms of the full sums. Everything the earlier steps contribute is missing, so it is off by up to{' '}
              <strong class="value" data-quantity="localOnlyError" data-value={String(localErr)}>{pct} %</strong>.
            </p>
          )}
        </div>
      )}
    </>
  );
}
