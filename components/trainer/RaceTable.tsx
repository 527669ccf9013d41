import { formatNumber } from '~/notebook/format.ts';
import type { Racer } from '~/notebook/optimizers.ts';
import type { OptimizerRun } from '../demos/optimizerRun.ts';
import { LegendKey } from './LegendKey.tsx';
import { showWeight } from './raceMessages.ts';

/** Each racer's iteration, weights and the loss at those weights, one row per racer (`data-optimizer` = its kind). */
export function RaceTable({ runs }: { runs: readonly { racer: Racer; run: OptimizerRun }[] }) {
  return (
    <div class="table-scroll">
      <table class="trainer-table">
        <caption class="visually-hidden">Each optimizer's iteration, weights and loss</caption>
        <thead>
          <tr>
            <th scope="col">optimizer</th>
            <th scope="col">iteration</th>
            <th scope="col">w<sub>x</sub></th>
            <th scope="col">w<sub>rec</sub></th>
            <th scope="col">loss E</th>
          </tr>
        </thead>
        <tbody>
          {runs.map(({ racer, run }) => (
            <tr key={racer.kind} data-optimizer={racer.kind}>
              <th scope="row">
                <LegendKey color={racer.color} dash={racer.dash} />
                {racer.label}
              </th>
              <td data-quantity="iteration" data-value={String(run.iteration)}>{run.iteration}</td>
              <td data-quantity="wX" data-value={String(run.w.wX)}>{showWeight(run.w.wX)}</td>
              <td data-quantity="wRec" data-value={String(run.w.wRec)}>{showWeight(run.w.wRec)}</td>
              {Number.isFinite(run.loss) ? (
                <td data-quantity="loss" data-value={String(run.loss)}>{formatNumber(run.loss)}</td>
              ) : (
                <td>{run.stopped ? 'stopped' : '–'}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
