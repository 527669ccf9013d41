import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import { lstmGradientCheck, type LstmBlock, type LstmGradientCheckRow } from '~/core';
import { formatNumber } from '~/notebook/format.ts';
import { declareCell } from '~/notebook/page.ts';
import * as checkParams from '~/notebook/params/lstmCheck.ts';
import { defineCell, type ViewProps } from '../defineCell.tsx';
import { Controls } from '../controls/Controls.tsx';
import { GradientCheckTable } from './GradientCheckTable.tsx';
import './GradientCheck.css';
import './LstmGradientCheck.css';

/** The largest relative error the check accepts between BPTT and central differences. */
const TOLERANCE = 1e-6;

const lstmCheck = declareCell({
  name: 'lstm-gradient-check',
  label: 'Gradient check of the LSTM: backpropagation through time against central differences',
  params: ['checkT', 'checkH', 'checkSeed'],
});

/** The LSTM's BPTT gradient of the adding problem's loss against central differences, for a seeded sample of weights from every block. */
export default defineCell(lstmCheck, LstmCheck);

/** Each block's symbol, as the chapter writes it. */
const SYMBOL: Record<LstmBlock, ComponentChildren> = {
  wF: <>W<sub>f</sub></>,
  wI: <>W<sub>i</sub></>,
  wO: <>W<sub>o</sub></>,
  wC: <>W<sub>c̃</sub></>,
  bF: <>b<sub>f</sub></>,
  bI: <>b<sub>i</sub></>,
  bO: <>b<sub>o</sub></>,
  bC: <>b<sub>c̃</sub></>,
  wOut: <>w<sub>out</sub></>,
  bOut: <>b<sub>out</sub></>,
};

/** Which weight of its block a row is, in words: a gate matrix's row is a unit, its column what it multiplies. */
function entry(row: LstmGradientCheckRow, H: number): ComponentChildren {
  const { block, index } = row;
  if (block === 'bOut') return '';
  if (block[0] === 'b' || block === 'wOut') return `unit ${index + 1}`;
  const unit = Math.floor(index / (H + 2)) + 1;
  const column = index % (H + 2);
  const from =
    column < H ? <>h<sub>k−1</sub>[{column + 1}]</> : column === H ? <>u<sub>k</sub></> : <>m<sub>k</sub></>;
  return <>unit {unit}, × {from}</>;
}

/** The checks already computed, by (T, H, seed), the most recent last: a slider moved back to a value shows it again at once. */
const computed = new Map<string, { check: ReturnType<typeof lstmGradientCheck>; all: ReturnType<typeof lstmGradientCheck> }>();
/** How many settings `computed` keeps: the sliders' whole range (7 × 4) at a few seeds. */
const KEPT = 64;

/** The check of a seeded sample and, for its summary, of every weight (at most 117, each four forward passes of ≤ 8 steps). */
function checksFor(T: number, H: number, seed: number) {
  const key = `${T} ${H} ${seed}`;
  let found = computed.get(key);
  if (found) computed.delete(key);
  else found = { check: lstmGradientCheck({ T, H, seed }), all: lstmGradientCheck({ T, H, seed, perBlock: Infinity }) };
  computed.set(key, found);
  if (computed.size > KEPT) computed.delete(computed.keys().next().value!);
  return found;
}

function LstmCheck({ notebook }: ViewProps<typeof lstmCheck>) {
  const { checkT, checkH, checkSeed } = notebook.state;
  const T = checkT.value;
  const H = checkH.value;
  const seed = checkSeed.value;
  const { check, all } = useMemo(() => checksFor(T, H, seed), [T, H, seed]);
  const { x, t, y, E, rows, worst } = check;
  const u = x.map((xk) => xk[0]);
  const m = x.map((xk) => xk[1]);
  const caption = (
    <>
      ∂E/∂θ for {rows.length} of the {check.weightCount} weights (H = {H}, T = {T}, seed {seed}), by backpropagation through
      time and by central differences
    </>
  );
  return (
    <>
      <Controls notebook={notebook} params={[checkParams.checkT, checkParams.checkH, checkParams.checkSeed]} />
      <div class="lstm-check-output">
        <div class="table-scroll" tabIndex={0} role="region" aria-label="The adding-problem sequence">
          <table class="lstm-check-sequence">
            <caption class="visually-hidden">The sequence: the number u_k and the marker m_k at each step k</caption>
            <tbody>
              <tr>
                <th scope="row">k</th>
                {u.map((_, k) => <td key={k}>{k + 1}</td>)}
              </tr>
              <tr>
                <th scope="row">u<sub>k</sub></th>
                {u.map((uk, k) => (
                  <td key={k} class={m[k] === 1 ? 'is-current' : undefined}>{formatNumber(uk, 3)}</td>
                ))}
              </tr>
              <tr>
                <th scope="row">m<sub>k</sub></th>
                {m.map((mk, k) => (
                  <td key={k} class={mk === 1 ? 'is-current' : undefined}>{formatNumber(mk)}</td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
        <span hidden data-quantity="u" data-values={u.join(' ')} />
        <span hidden data-quantity="m" data-values={m.join(' ')} />
        <p class="lstm-check-summary" aria-live="polite">
          Target t ={' '}
          <span class="value" data-quantity="target" data-value={String(t)}>{formatNumber(t)}</span>, prediction y ={' '}
          <span class="value" data-quantity="prediction" data-value={String(y)}>{formatNumber(y)}</span>, loss E = ½(y − t)² ={' '}
          <span class="value" data-quantity="loss" data-value={String(E)}>{formatNumber(E)}</span>
        </p>
        <GradientCheckTable
          caption={caption}
          label="LSTM gradient check table"
          className="lstm-check-table"
          rows={rows.map((row) => ({
            key: `${row.block}-${row.index}`,
            weight: (
              <>
                ∂E/∂{SYMBOL[row.block]}
                {row.block !== 'bOut' && <span class="lstm-check-entry">{entry(row, H)}</span>}
              </>
            ),
            analytic: row.bptt,
            numeric: row.numeric,
            relativeError: row.relativeError,
            hooks: { 'data-block': row.block, 'data-index': String(row.index) },
          }))}
        />
        <div class="gradient-check-verdict" aria-live="polite">
          <p>
            Largest relative error over these {rows.length} weights:{' '}
            <strong class="value" data-quantity="relativeError" data-value={String(worst)}>{formatNumber(worst, 2)}</strong>
            {worst <= TOLERANCE
              ? ', below 10⁻⁶: backpropagation through time and central differences agree.'
              : ', above 10⁻⁶: the two disagree, which on a sequence this short would mean a mistake in the backward pass.'}
          </p>
          <p>
            The same check over all {check.weightCount} weights gives at most{' '}
            <span class="value" data-quantity="allRelativeError" data-value={String(all.worst)}>{formatNumber(all.worst, 2)}</span>.
          </p>
        </div>
      </div>
    </>
  );
}
