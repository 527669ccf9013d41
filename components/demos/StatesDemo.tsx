import { useMemo } from 'preact/hooks';
import { forward } from '~/core';
import { formatNumber } from '~/notebook/format.ts';
import { firstNonFinite } from '~/notebook/overflow.ts';
import { declareCell } from '~/notebook/page.ts';
import { defineCell, type ViewProps } from '../defineCell.tsx';
import { Controls } from '../controls/Controls.tsx';
import { StateChart } from '../charts/StateChart.tsx';
import { TablePager, useTablePage } from '../controls/TablePager.tsx';
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
  // a long sequence's table is drawn a page of steps at a time: a thousand columns take longer than a frame to lay out
  const page = useTablePage(0, n);
  const steps = Array.from({ length: page.to - page.from + 1 }, (_, i) => page.from + i);
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
        omitted={false /* the summary above says from which step the states overflow */}
        description={`Line chart of the states s_0 to s_${n}: ${Array.from(s.slice(0, 40), (v, k) => `s_${k} = ${formatNumber(v)}`).join(', ')}${n >= 40 ? ', …' : ''}.`}
      />
      <TablePager name="k" min={0} max={n} {...page} />
      <div class="table-scroll">
        <table>
          <caption class="visually-hidden">The states s_k for k = {page.from} to {page.to}</caption>
          <thead>
            <tr><th scope="row">k</th>{steps.map((k) => <th scope="col" key={k}>{k}</th>)}</tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">x<sub>k</sub></th>
              {steps.map((k) => <td key={k}>{k === 0 ? '–' : x.value[k - 1]}</td>)}
            </tr>
            <tr>
              <th scope="row">s<sub>k</sub></th>
              {steps.map((k) => (
                <td key={k} data-quantity="s" data-k={k} data-value={String(s[k])}>{formatNumber(s[k])}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </>
  );
}
