import { useMemo } from 'preact/hooks';
import { forward, inputWeights } from '~/core';
import { formatNumber } from '~/notebook/format.ts';
import { firstNonFinite } from '~/notebook/overflow.ts';
import { declareCell } from '~/notebook/page.ts';
import { defineCell, type ViewProps } from '../defineCell.tsx';
import { InputWeightBars } from './InputWeightBars.tsx';

const closedForm = declareCell({
  name: 'closed-form',
  label: 'The weight of each input in the last state',
  params: ['x', 'wRec', 'wX'],
});

/** The autoregressive view, live: the weight w_x w_rec^{n−k} each input x_k gets in s_n, for the page's weights. */
export default defineCell(closedForm, Bars);

function Bars({ notebook }: ViewProps<typeof closedForm>) {
  const x = notebook.state.x.value;
  const wRec = notebook.state.wRec.value;
  const wX = notebook.state.wX.value;
  const n = x.length;
  const { weights, s } = useMemo(() => {
    // weights[k − 1] = w_x w_rec^{n−k}, the weight of x_k in s_n   (closed form)
    const weights = inputWeights(wRec, wX, n).subarray(1);
    return { weights, s: forward(x, { wRec, wX }) };
  }, [x, wRec, wX]);
  const overflowed = Array.from(weights).filter((v) => !Number.isFinite(v)).length;
  const listed = Array.from(weights.slice(0, 30), (v, i) => `x_${i + 1} (${x[i]}): ${formatNumber(v)}`).join('; ');
  const description =
    `Bar chart of the weight w_x · w_rec^(n−k) that each input x_k gets in s_${n}, for w_rec = ${formatNumber(wRec)} and w_x = ${formatNumber(wX)}: ` +
    `${listed}${n > 30 ? '; …' : ''}. The newest input, x_${n}, gets w_x = ${formatNumber(wX)}.`;
  const sOverflow = firstNonFinite(s) >= 0;
  return (
    <>
      <p class="figure-readout" aria-live="polite">
        For w<sub>rec</sub> = <span data-quantity="w-rec" data-value={String(wRec)}>{formatNumber(wRec)}</span> and w<sub>x</sub> ={' '}
        <span data-quantity="w-x" data-value={String(wX)}>{formatNumber(wX)}</span>, the newest input counts{' '}
        {formatNumber(weights[n - 1])} and the oldest, x<sub>1</sub>, counts {formatNumber(weights[0])}. The solid bars (the
        inputs that are 1) add up to s<sub>{n}</sub> ={' '}
        <span data-quantity="s-n" data-value={String(s[n])}>{formatNumber(s[n])}</span>
        {sOverflow ? ' (the state overflows: it is too large to represent)' : ''}.
      </p>
      <InputWeightBars
        weights={weights}
        x={x}
        description={description}
        omitted={
          <>
            w<sub>rec</sub><sup>n−k</sup> overflows for the {overflowed} oldest input{overflowed === 1 ? '' : 's'}: their weights are
            too large to represent as numbers (not finite), so those bars are not drawn and the axis is scaled to the others.
          </>
        }
      />
    </>
  );
}
