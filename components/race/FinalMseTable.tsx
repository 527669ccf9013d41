import { formatNumber } from '~/notebook/format.ts';
import { LegendKey } from '../trainer/LegendKey.tsx';
import { RACE_MODELS } from './raceModels.ts';

interface Props {
  /** Each model's latest test MSE, or null before any. */
  mse: { readonly rnn: number; readonly lstm: number } | null;
  /** The constant prediction's test MSE, or null before it is known. */
  baseline: number | null;
  /** The `data-quantity` of the MSE cells: `testLoss` for the reader's race, `recordedTestLoss` for the recorded one. */
  quantity: string;
  caption: string;
}

/** Each model's test MSE and the constant prediction's, one row each (`data-model` = rnn | lstm). */
export function FinalMseTable({ mse, baseline, quantity, caption }: Props) {
  return (
    <div class="table-scroll">
      <table class="race-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">model</th>
            <th scope="col">test MSE</th>
          </tr>
        </thead>
        <tbody>
          {RACE_MODELS.map((model) => (
            <tr key={model.key}>
              <th scope="row">
                <LegendKey color={model.color} dash={model.dash} />
                {model.label}
              </th>
              {mse ? (
                <td data-quantity={quantity} data-model={model.key} data-value={String(mse[model.key])}>{formatNumber(mse[model.key])}</td>
              ) : (
                <td>–</td>
              )}
            </tr>
          ))}
          <tr>
            <th scope="row">constant prediction t̄</th>
            {baseline === null ? <td>–</td> : <td data-quantity="baseline" data-value={String(baseline)}>{formatNumber(baseline)}</td>}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
