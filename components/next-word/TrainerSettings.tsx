import { useId } from 'preact/hooks';
import { TextInput } from '../controls/TextInput.tsx';
import type { Phase } from './trainingRun.ts';

interface Props {
  /** The shipped run's hyper-parameters, as its weights file records them. */
  hyper: Record<string, unknown>;
  /** How many sentences the corpus holds. */
  sentences: number;
  /** The epochs field's text, and why it is refused ('' when it is a valid number of epochs). */
  epochsText: string;
  epochsError: string;
  onEpochsText: (text: string) => void;
  phase: Phase;
  onStart: () => void;
  onPause: () => void;
  onResume: () => void;
  onReset: () => void;
}

/**
 * The trainer's settings: the options it shares with the shipped weights, the number of epochs (locked while a run
 * is under way), and the buttons that start, pause, resume and reset the run.
 */
export function TrainerSettings({ hyper, sentences, epochsText, epochsError, onEpochsText, phase, onStart, onPause, onResume, onReset }: Props) {
  const id = useId();
  const busy = phase === 'running' || phase === 'paused';
  return (
    <>
      <p class="trainer-options">
        Same options as the shipped weights, read from their file: <var>H</var> = {String(hyper.hidden)}, {String(hyper.activation)},
        seed {String(hyper.seed)}, batches of {String(hyper.batchSize)} sentences, Adam with step size {String(hyper.learningRate)}{' '}
        decaying to {String(hyper.learningRateEnd)} over the chosen epochs, gradient norm clipped at {String(hyper.clipNorm)}.
      </p>
      <div class="controls trainer-controls">
        <label for={`${id}-epochs`}>
          <span>Epochs (passes over the {sentences} sentences)</span>
          <TextInput
            id={`${id}-epochs`}
            inputMode="numeric"
            autoComplete="off"
            spellcheck={false}
            value={epochsText}
            disabled={busy}
            aria-invalid={epochsError ? 'true' : 'false'}
            aria-describedby={`${id}-epochs-message`}
            onInput={(event) => onEpochsText((event.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <div class="row trainer-buttons">
          {phase === 'running' ? (
            <button type="button" onClick={onPause}>Pause</button>
          ) : phase === 'paused' ? (
            <button type="button" onClick={onResume}>Resume</button>
          ) : (
            <button type="button" onClick={onStart} disabled={epochsError !== ''}>
              {phase === 'done' ? 'Train again' : 'Start training'}
            </button>
          )}
          <button type="button" onClick={onReset} disabled={phase === 'idle'}>Reset</button>
        </div>
      </div>
      <p id={`${id}-epochs-message`} role="status" aria-live="polite" class={epochsError ? 'message error' : 'visually-hidden'}>
        {epochsError}
      </p>
    </>
  );
}
