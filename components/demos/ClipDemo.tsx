import { useMemo } from 'preact/hooks';
import { formatNumber } from '~/notebook/format.ts';
import { LARGEST_DOUBLE } from '~/notebook/overflowMessage.ts';
import { declareCell } from '~/notebook/page.ts';
import { defineCell, type ViewProps } from '../defineCell.tsx';
import { Controls } from '../controls/Controls.tsx';
import { SignedLogChart, type SignedLogSeries } from '../charts/SignedLogChart.tsx';
import { clipRun, type ClipRun } from './clipRun.ts';
import { COUNTING_DATA_KEYS, useCountingData } from './useCountingData.ts';
import './ClipDemo.css';
import * as trainingParams from '~/notebook/params/training.ts';

const clipping = declareCell({
  name: 'clipping',
  label: 'Gradient descent with and without gradient clipping',
  params: [...COUNTING_DATA_KEYS, 'clip', 'lr', 'objective', 'startWX', 'startWRec'],
});

/** Gradient descent from the same start with and without gradient-norm clipping: loss curves and where each ends. */
export default defineCell(clipping, Clipping);

function Clipping({ notebook }: ViewProps<typeof clipping>) {
  const { clip, lr, objective, startWX, startWRec } = notebook.state;
  const data = useCountingData(notebook);
  const start = { wX: startWX.value, wRec: startWRec.value };
  const theta = clip.value;
  const [plain, clipped] = useMemo(
    () => [
      clipRun(data, start, lr.value, objective.value, undefined),
      theta > 0 ? clipRun(data, start, lr.value, objective.value, theta) : null,
    ],
    [data, startWX.value, startWRec.value, lr.value, objective.value, theta],
  );
  const describeRun = (r: ClipRun, name: string) =>
    r.overflowAt > 0
      ? `${name}: the weights overflow at iteration ${r.overflowAt} (the step was larger than ${LARGEST_DOUBLE}).`
      : `${name}: after ${r.last.iteration} iterations (w_x, w_rec) = (${formatNumber(r.last.w.wX)}, ${formatNumber(r.last.w.wRec)}), error ${formatNumber(r.last.loss)}.`;
  const series: SignedLogSeries[] = [
    {
      values: plain.loss,
      label: 'without clipping',
      quantity: 'lossPlain',
      positive: { color: 'var(--c2)', shape: 'triangle' as const, label: '' },
    },
  ];
  if (clipped) {
    series.push({
      values: clipped.loss,
      label: `clipped at θ = ${formatNumber(theta)}`,
      quantity: 'lossClipped',
      positive: { color: 'var(--c1)', shape: 'circle' as const, label: '' },
    });
  }
  const startLoss = plain.loss[0];
  return (
    <>
      <Controls notebook={notebook} params={[trainingParams.clip, trainingParams.lr]} />
      <p class="clip-start">
        Both runs start at (w<sub>x</sub>, w<sub>rec</sub>) = ({formatNumber(start.wX)}, {formatNumber(start.wRec)}) on the{' '}
        {objective.value === 'final' ? 'final-step' : 'every-step'} error of the counting data set, where the error is{' '}
        {formatNumber(startLoss)}.
      </p>
      <div aria-live="polite" class="clip-outcome">
        <p class={plain.overflowAt > 0 ? 'message warning' : ''}>{describeRun(plain, 'Without clipping')}</p>
        {clipped ? (
          <p class={clipped.overflowAt > 0 ? 'message warning' : ''}>
            {describeRun(clipped, `Clipped at θ = ${formatNumber(theta)}`)} The gradient was rescaled in {clipped.clippedCount} of{' '}
            {clipped.last.iteration} updates.
          </p>
        ) : (
          <p>Clipping is off (θ = 0): set a threshold to compare.</p>
        )}
      </div>
      <dl class="clip-numbers">
        {([['plain', plain], ['clipped', clipped]] as const).map(([key, r]) =>
          r ? (
            <div key={key}>
              <dt>{key === 'plain' ? 'without clipping' : `clipped at θ = ${formatNumber(theta)}`}: final w<sub>x</sub>, w<sub>rec</sub>, error</dt>
              {r.overflowAt > 0 ? (
                <dd data-quantity={`${key}Overflow`} data-value={String(r.overflowAt)}>overflow at iteration {r.overflowAt}</dd>
              ) : (
                <dd>
                  <span data-quantity={`${key}WX`} data-value={String(r.last.w.wX)}>{formatNumber(r.last.w.wX)}</span>,{' '}
                  <span data-quantity={`${key}WRec`} data-value={String(r.last.w.wRec)}>{formatNumber(r.last.w.wRec)}</span>,{' '}
                  <span data-quantity={`${key}Loss`} data-value={String(r.last.loss)}>{formatNumber(r.last.loss)}</span>
                </dd>
              )}
            </div>
          ) : null,
        )}
      </dl>
      <SignedLogChart
        series={series}
        indexName="iteration"
        xLabel="iteration"
        yLabel="error E (log scale)"
        height={260}
        description={`Error per iteration on a log scale. ${describeRun(plain, 'Without clipping')} ${clipped ? describeRun(clipped, `Clipped at θ = ${formatNumber(theta)}`) : 'Clipping is off.'}`}
      />
    </>
  );
}
