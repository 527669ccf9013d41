import { useMemo } from 'preact/hooks';
import { backprop } from '~/core';
import { formatNumber } from '~/notebook/format.ts';
import { gradientOverflow } from '~/notebook/gradientOverflow.ts';
import { declareCell, type KeysOf } from '~/notebook/page.ts';
import { defineCell, type ViewProps } from '../defineCell.tsx';
import { factor } from './factor.ts';
import './GradientCell.css';

interface Props {
  /** Which weight's gradient: ∂E/∂w_rec = Σ δ_k s_{k−1} or ∂E/∂w_x = Σ δ_k x_k. */
  weight: 'wRec' | 'wX';
}

/** Terms written out at each end of a long sum; the middle is summarised. */
const EDGE = 3;

const gradient = declareCell({
  name: 'gradient-wrec',
  label: 'The gradient with respect to w rec, term by term',
  params: ['x', 'wRec', 'wX', 'objective'],
});

/** One weight's gradient written out as its sum over the steps, term by term with the page's current numbers. */
export default defineCell<KeysOf<typeof gradient>, Props>(gradient, GradientSum, ({ weight }) =>
  weight === 'wRec'
    ? gradient
    : { name: 'gradient-wx', label: 'The gradient with respect to w x, term by term' },
);

function GradientSum({ weight, notebook }: ViewProps<typeof gradient> & Props) {
  const { x, wRec, wX, objective } = notebook.state;
  const r = useMemo(
    () => backprop(x.value, { wRec: wRec.value, wX: wX.value }, objective.value),
    [x.value, wRec.value, wX.value, objective.value],
  );
  const n = x.value.length;
  const isRec = weight === 'wRec';
  const terms = isRec ? r.gradWRec : r.gradWX;
  const total = isRec ? r.dWRec : r.dWX;
  const other = (k: number) => (isRec ? r.s[k - 1] : x.value[k - 1]);
  const shown: (number | null)[] = [];
  if (n <= 2 * EDGE + 1) for (let k = 1; k <= n; k++) shown.push(k);
  else {
    for (let k = 1; k <= EDGE; k++) shown.push(k);
    shown.push(null);
    for (let k = n - EDGE + 1; k <= n; k++) shown.push(k);
  }
  const hidden = n - 2 * EDGE;
  const symbol = isRec ? <>w<sub>rec</sub></> : <>w<sub>x</sub></>;
  const factorSymbol = (k: number | string) => (isRec ? <>s<sub>{typeof k === 'number' ? k - 1 : `${k}−1`}</sub></> : <>x<sub>{k}</sub></>);
  const overflow = gradientOverflow(r);
  const join = (render: (k: number) => preact.ComponentChildren) =>
    shown.map((k, i) => (
      <span key={k ?? 'gap'}>
        {i > 0 && ' + '}
        <span class="gradient-term">
          {k === null ? <span class="gradient-gap">… ({hidden} more terms) …</span> : render(k)}
        </span>
      </span>
    ));
  return (
    <div class="gradient-sum" aria-live="polite">
      <p>
        ∂E/∂{symbol} = Σ<sub>k=1..{n}</sub> δ<sub>k</sub> {factorSymbol('k')}
      </p>
      <p>
        = {join((k) => <>δ<sub>{k}</sub> {factorSymbol(k)}</>)}
      </p>
      <p>
        = {join((k) => <>{factor(r.delta[k])} × {factor(other(k))}</>)}
      </p>
      <p>
        = {join((k) => <span data-quantity={isRec ? 'gradWRec' : 'gradWX'} data-k={k} data-value={String(terms[k])}>{factor(terms[k])}</span>)}
      </p>
      <p>
        ={' '}
        <strong class="value" data-quantity={isRec ? 'dWRec' : 'dWX'} data-value={String(total)}>{formatNumber(total)}</strong>
        {n > 2 * EDGE + 1 && <span class="gradient-note"> (all {n} terms added, the hidden ones included)</span>}
      </p>
      {overflow !== null && <p class="message warning">{overflow}</p>}
    </div>
  );
}
