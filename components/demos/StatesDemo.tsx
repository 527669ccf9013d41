import { useMemo } from 'preact/hooks';
import { forward } from '~/core';
import { formatNumber } from '~/notebook/format.ts';
import { firstNonFinite } from '~/notebook/overflow.ts';
import { declareCell } from '~/notebook/page.ts';
import { defineCell, type ViewProps } from '../defineCell.tsx';
import { Controls } from '../controls/Controls.tsx';
import { StateChart } from '../charts/StateChart.tsx';
import * as modelParams from '~/notebook/params/model.ts';

const states = declareCell({
  name: 'states',
  label: 'States of the network, step by step',
  params: ['x', 'wRec', 'wX'],
});

/** The states s_0..s_n of the linear recurrent network for the page's sequence and weights. */
export default defineCell(states, States);

function States({ notebook }: ViewProps<typeof states>) {
  const { x, wRec, wX } = notebook.state;
  const s = useMemo(() => forward(x.value, { wRec: wRec.value, wX: wX.value }), [x.value, wRec.value, wX.value]);
  const n = x.value.length;
  const overflowAt = firstNonFinite(s);
  const last = s[n];
  const summary =
    overflowAt < 0 ? (
      <>
        After {n} steps the state is <var>s</var><sub>{n}</sub> = {formatNumber(last)}; the sequence holds{' '}
        {x.value.filter((v) => v === 1).length} ones.
      </>
    ) : (
      `The states overflow: from step ${overflowAt} on they are too large to represent (shown as ${formatNumber(s[overflowAt])}).`
    );
  return (
    <>
      <Controls notebook={notebook} params={[modelParams.wRec, modelParams.wX, modelParams.x]} />
      <p aria-live="polite" class={overflowAt < 0 ? '' : 'message warning'}>{summary}</p>
      <StateChart
        series={[{ values: s, label: 'state s_k', color: 'var(--c1)' }]}
        yLabel="s_k"
        description={`Line chart of the states s_0 to s_${n}: ${Array.from(s.slice(0, 40), (v, k) => `s_${k} = ${formatNumber(v)}`).join(', ')}${n >= 40 ? ', …' : ''}.`}
      />
      <div class="table-scroll">
        <table>
          <caption class="visually-hidden">The states s_k for k = 0 to {n}</caption>
          <thead>
            <tr><th scope="row">k</th>{Array.from(s, (_, k) => <th scope="col" key={k}>{k}</th>)}</tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">x<sub>k</sub></th>
              <td>–</td>
              {x.value.map((v, i) => <td key={i}>{v}</td>)}
            </tr>
            <tr>
              <th scope="row">s<sub>k</sub></th>
              {Array.from(s, (v, k) => (
                <td key={k} data-quantity="s" data-k={k} data-value={String(v)}>{formatNumber(v)}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </>
  );
}
