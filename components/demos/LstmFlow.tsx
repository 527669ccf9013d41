import { useMemo, useState } from 'preact/hooks';
import { lstmForward, lstmInit } from '~/core/lstm.ts';
import { cellFlow, cellPathFlow, errorFlow } from '~/core/lstm-flow.ts';
import { formatNumber } from '~/notebook/format.ts';
import { LARGEST_DOUBLE } from '~/notebook/overflowMessage.ts';
import { declareCell } from '~/notebook/page.ts';
import { defineCell, type ViewProps } from '../defineCell.tsx';
import { Controls } from '../controls/Controls.tsx';
import { SignedLogChart, type SignedLogSeries } from '../charts/SignedLogChart.tsx';
import './LstmFlow.css';
import * as trainingParams from '~/notebook/params/training.ts';
import * as modelParams from '~/notebook/params/model.ts';

/** The seeded cell of the measured run: its size, its seed, and the clamp on its forget-gate bias. */
export const MEASURED_CELL = { hiddenSize: 2, seed: 7, maxBias: 30 } as const;

/**
 * The forget-gate bias that makes σ(b_f) = f, so the measured gates sit near the slider's f: logit f, clamped to
 * ±maxBias (f = 0 would need −∞). For f = 1 the measured cell has no forget gate at all (the 1997 cell).
 */
export function forgetBias(f: number): number {
  const b = Math.log(f / (1 - f));
  return Math.max(-MEASURED_CELL.maxBias, Math.min(MEASURED_CELL.maxBias, b));
}

/** The input of the measured run: the page's sequence x repeated (and cut) to length n. */
export function repeatTo(x: readonly number[], n: number): number[] {
  return Array.from({ length: n }, (_, i) => x[i % x.length]);
}

/**
 * The measured run: the small LSTM's error flow ∂c_n/∂c_k (first unit) along the cell path alone and along all paths,
 * for a forget gate near f (f = 1: the original cell, without a forget gate), over x repeated to length n.
 */
export function measuredFlow(f: number, n: number, x: readonly number[]): { path: Float64Array; total: Float64Array } {
  const params = lstmInit({
    hiddenSize: MEASURED_CELL.hiddenSize,
    seed: MEASURED_CELL.seed,
    forgetGate: f < 1,
    forgetBias: f < 1 ? forgetBias(f) : 0,
  });
  const trace = lstmForward(params, repeatTo(x, n));
  return {
    path: Float64Array.from(cellPathFlow(trace), (row) => row[0]),
    total: Float64Array.from(cellFlow(params, trace), (row) => row[0]),
  };
}

const lstmFlow = declareCell({
  name: 'lstm-flow',
  label: 'Error flow through an LSTM cell state and through a plain recurrent weight',
  params: ['forget', 'wRec', 'n', 'x'],
});

/** The error reaching step k through an LSTM's cell state (Π f_j) against a plain recurrent weight (w_rec^{n−k}). */
export default defineCell(lstmFlow, Flow);

function Flow({ notebook }: ViewProps<typeof lstmFlow>) {
  const { forget, wRec, n, x } = notebook.state;
  const [measure, setMeasure] = useState(true);
  const N = n.value;
  const f = forget.value;
  const flow = useMemo(() => errorFlow({ n: N, wRec: wRec.value, forget: f }), [N, wRec.value, f]);
  const measured = useMemo(() => (measure ? measuredFlow(f, N, x.value) : null), [measure, f, N, x.value]);

  const series: SignedLogSeries[] = [
    {
      values: flow.cell,
      label: 'cell state: Π f_j',
      quantity: 'cellFlow',
      positive: { color: 'var(--c3)', shape: 'square', label: '' },
    },
    {
      values: flow.plain,
      label: 'plain: w_rec^(n−k)',
      quantity: 'plainFlow',
      positive: { color: 'var(--c-pos)', shape: 'circle', label: 'positive' },
      negative: { color: 'var(--c-neg)', shape: 'triangle', label: 'negative' },
      lineColor: 'var(--c-pos)',
      dashed: true,
    },
  ];
  if (measured) {
    series.push(
      {
        values: measured.path,
        label: 'measured: cell path',
        quantity: 'measuredCellPath',
        positive: { color: 'var(--c5)', shape: 'diamond', label: '' },
      },
      {
        values: measured.total,
        label: 'measured: all paths',
        quantity: 'measuredTotal',
        positive: { color: 'var(--c4)', shape: 'circle', label: 'positive', hollow: true },
        negative: { color: 'var(--c4)', shape: 'triangle', label: 'negative', hollow: true },
      },
    );
  }
  const w = formatNumber(wRec.value);
  const fText = formatNumber(f);
  const at0 = (values: ArrayLike<number>) => formatNumber(values[0]);
  const cellWords =
    f === 1
      ? 'f = 1 is the 1997 cell without a forget gate: the factor along the cell state is exactly 1 at every step.'
      : f === 0
        ? 'f = 0 wipes the cell at every step: nothing older than one step survives along the cell state.'
        : `With f = ${fText} the cell state keeps ${fText}ⁿ⁻ᵏ of the error: ${at0(flow.cell)} after all ${N} steps.`;
  const plainOverflow = !Number.isFinite(flow.plain[0]);
  const plainWords = plainOverflow
    ? `The plain recurrence overflows: |w_rec|^{n−k} passes ${LARGEST_DOUBLE} far from n, shown on the “∞” row.`
    : `The plain recurrence with w_rec = ${w} keeps ${at0(flow.plain)} after ${N} steps.`;
  const describe = `Chart of the factor reaching step k, log scale, n = ${N}: cell state with f = ${fText} gives ${at0(flow.cell)} at k = 0; plain recurrence with w_rec = ${w} gives ${at0(flow.plain)} at k = 0${
    measured ? `; the measured cell gives ${at0(measured.path)} along the cell path and ${at0(measured.total)} over all paths` : ''
  }.`;

  return (
    <>
      <Controls notebook={notebook} params={[trainingParams.forget, modelParams.wRec, trainingParams.n]}>
        <label class="measure-toggle">
          <span>
            <input type="checkbox" checked={measure} onChange={(event) => setMeasure((event.currentTarget as HTMLInputElement).checked)} />{' '}
            show a measured run of a seeded cell
          </span>
        </label>
      </Controls>
      <p aria-live="polite" class="lstm-summary">
        {cellWords} {plainWords}
      </p>
      <SignedLogChart series={series} yLabel="factor reaching step k (log scale)" height={300} description={describe} />
      {measured && (
        <p class="lstm-note">
          Measured run: an LSTM with {MEASURED_CELL.hiddenSize} units, weights drawn from seed {MEASURED_CELL.seed}, forget-gate bias b
          <sub>f</sub> = logit f (so σ(b<sub>f</sub>) = f{f === 1 ? '; at f = 1 the cell has no forget gate' : ''}), reading the page’s
          sequence x repeated to length {N}. The diamonds are the product of its actual forget gates along the cell state of unit 1;
          the hollow marks are ∂c<sub>n</sub>/∂c<sub>k</sub> for that unit over every path, including those through h<sub>k</sub> and
          the gates, which multiply by weights as w<sub>rec</sub> does. At k = 0 they are {at0(measured.path)} and {at0(measured.total)}.
        </p>
      )}
      <div class="table-scroll">
        <table class="lstm-table">
          <caption>Factors at a few steps k</caption>
          <thead>
            <tr>
              <th scope="col">k</th>
              <th scope="col">cell: f<sup>n−k</sup></th>
              <th scope="col">plain: w<sub>rec</sub><sup>n−k</sup></th>
              {measured && <th scope="col">measured, cell path</th>}
              {measured && <th scope="col">measured, all paths</th>}
            </tr>
          </thead>
          <tbody>
            {[...new Set([N, N - 1, N - 10, N - 50, N - 100, N - 500, 0].filter((k) => k >= 0))].map((k) => (
              <tr key={k}>
                <th scope="row">{k}</th>
                <td>{formatNumber(flow.cell[k])}</td>
                <td>{formatNumber(flow.plain[k])}</td>
                {measured && <td>{formatNumber(measured.path[k])}</td>}
                {measured && <td>{formatNumber(measured.total[k])}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
