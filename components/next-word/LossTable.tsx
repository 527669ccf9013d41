import { formatNumber } from '~/notebook/format.ts';

/** One row's two losses (nats per word). */
export interface LossPair {
  trainLoss: number;
  heldOutLoss: number;
}

interface Props {
  /**
   * The run's latest losses: after an epoch (training: mean over the epoch's steps; held-out: at the epoch's final
   * weights), or at the final weights once the run is done. Null before the first epoch.
   */
  run: (LossPair & { epoch: number; final: boolean }) | null;
  /** The shipped weights' losses, as their file records them. */
  shipped: LossPair;
  trainingSentences: number;
  heldOutSentences: number;
}

/** A number cell with its full value in `data-value`, or a dash when there is none yet. */
function LossCell({ name, value }: { name: string; value: number | undefined }) {
  return (
    <td>
      {value === undefined ? (
        <span aria-label="not yet">—</span>
      ) : (
        <span class="value" data-quantity={name} data-value={String(value)}>{formatNumber(value)}</span>
      )}
    </td>
  );
}

/** The two curves' latest values side by side, with the shipped weights' for comparison: the chart's numbers as a table. */
export function LossTable({ run, shipped, trainingSentences, heldOutSentences }: Props) {
  const runLabel = run === null ? 'this run (not trained yet)' : run.final ? 'this run, final weights' : `this run, epoch ${run.epoch}`;
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label="Training and held-out losses">
    <table class="trainer-losses">
      <caption>Mean loss per word (nats): on the sentences trained on, and on sentences held out from training</caption>
      <thead>
        <tr>
          <th scope="col">weights</th>
          <th scope="col">training part ({trainingSentences} sentences)</th>
          <th scope="col">held-out part ({heldOutSentences} sentences)</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">{runLabel}</th>
          <LossCell name="trainLoss" value={run?.trainLoss} />
          <LossCell name="heldOutLoss" value={run?.heldOutLoss} />
        </tr>
        <tr>
          <th scope="row">shipped weights</th>
          <LossCell name="shippedTrainLoss" value={shipped.trainLoss} />
          <LossCell name="shippedHeldOutLoss" value={shipped.heldOutLoss} />
        </tr>
      </tbody>
    </table>
    </div>
  );
}
