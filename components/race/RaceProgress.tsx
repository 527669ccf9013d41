import { useId } from 'preact/hooks';
import { formatNumber } from '~/notebook/format.ts';
import type { RaceSpeed } from '../workers/addingRaceMessages.ts';

interface Props {
  /** Updates each model has taken, and will take. */
  raced: number;
  total: number;
  /** Each model's training speed, once the worker has reported one. */
  speed: RaceSpeed | null;
}

/** The race's progress bar, and how far it has gone and how fast each model trains, in numbers. */
export function RaceProgress({ raced, total, speed }: Props) {
  const id = useId();
  return (
    <div class="race-progress">
      <label for={`${id}-progress`}>Race progress</label>
      <progress id={`${id}-progress`} max={Math.max(total, 1)} value={raced} aria-valuetext={`${raced} of ${total} updates`}>
        {raced} of {total} updates
      </progress>
      <p class="race-numbers">
        update <span class="value" data-quantity="update" data-value={String(raced)}>{raced}</span> of {total}
        {speed && (
          <>
            {' '}· tanh RNN{' '}
            <span class="value" data-quantity="updatesPerSecond" data-model="rnn" data-value={String(speed.rnn)}>{formatNumber(speed.rnn, 3)}</span>{' '}
            updates/s · LSTM{' '}
            <span class="value" data-quantity="updatesPerSecond" data-model="lstm" data-value={String(speed.lstm)}>{formatNumber(speed.lstm, 3)}</span>{' '}
            updates/s
          </>
        )}
      </p>
    </div>
  );
}
