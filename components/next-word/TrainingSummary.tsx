import { formatNumber } from '~/notebook/format.ts';

interface Props {
  /** Set once the run is done: its epochs, its time (s) and its final loss over the whole corpus. */
  finished: { epochs: number | undefined; seconds: number; finalLoss: number } | null;
  /** The final loss the shipped weights reached. */
  shippedLoss: number;
}

/** Announces the end of a run: how long it took and its final loss beside the shipped weights'. Empty until then. */
export function TrainingSummary({ finished, shippedLoss }: Props) {
  return (
    <div class="trainer-status" role="status" aria-live="polite">
      {finished !== null && (
        <p>
          Finished {finished.epochs} epochs in {formatNumber(finished.seconds, 3)} s. Mean loss over the whole corpus at the final weights:{' '}
          <span class="value" data-quantity="final-loss" data-value={String(finished.finalLoss)}>{formatNumber(finished.finalLoss)}</span> nats per word
          (the shipped weights: {formatNumber(shippedLoss)}).
        </p>
      )}
    </div>
  );
}
