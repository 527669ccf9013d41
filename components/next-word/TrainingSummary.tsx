import { formatNumber } from '~/notebook/format.ts';

interface Props {
  /** Set once the run is done: its epochs, its time (s) and its final losses on the training and held-out parts. */
  finished: { epochs: number | undefined; seconds: number; finalLoss: number; heldOutLoss: number } | null;
  /** The final losses the shipped weights reached on the two parts. */
  shippedLoss: number;
  shippedHeldOutLoss: number;
}

/** Announces the end of a run: how long it took and its final loss beside the shipped weights'. Empty until then. */
export function TrainingSummary({ finished, shippedLoss, shippedHeldOutLoss }: Props) {
  return (
    <div class="trainer-status" role="status" aria-live="polite">
      {finished !== null && (
        <p>
          Finished {finished.epochs} epochs in {formatNumber(finished.seconds, 3)} s. Mean loss at the final weights on the training part:{' '}
          <span class="value" data-quantity="final-loss" data-value={String(finished.finalLoss)}>{formatNumber(finished.finalLoss)}</span> nats per word
          (the shipped weights: {formatNumber(shippedLoss)}); on the held-out sentences:{' '}
          <span class="value" data-quantity="final-held-out-loss" data-value={String(finished.heldOutLoss)}>{formatNumber(finished.heldOutLoss)}</span>{' '}
          (the shipped weights: {formatNumber(shippedHeldOutLoss)}).
        </p>
      )}
    </div>
  );
}
