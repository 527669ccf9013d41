import { useId } from 'preact/hooks';
import { formatNumber } from '~/notebook/format.ts';
import type { Phase, RunPlan } from './trainingRun.ts';

interface Props {
  phase: Phase;
  /** Null until the worker has started. */
  plan: RunPlan | null;
  step: number;
  /** Training time so far, pauses excluded (s). */
  seconds: number;
}

/** The run's progress: a progress bar over its steps, and the epoch, step, time and speed in numbers. */
export function TrainingProgress({ phase, plan, step, seconds }: Props) {
  const id = useId();
  const totalSteps = plan?.totalSteps ?? 0;
  const stepsPerEpoch = plan?.stepsPerEpoch ?? 1;
  const epoch = Math.min(Math.ceil(step / stepsPerEpoch), plan?.epochs ?? 0);
  const stepsPerSecond = seconds > 0 ? step / seconds : 0;
  return (
    <div class="trainer-progress">
      <label for={`${id}-progress`}>
        <span>Training progress</span>
        <progress id={`${id}-progress`} max={Math.max(totalSteps, 1)} value={step} aria-valuetext={`epoch ${epoch} of ${plan?.epochs ?? 0}`}>
          {formatNumber(totalSteps > 0 ? (100 * step) / totalSteps : 0, 3)} %
        </progress>
      </label>
      <p class="trainer-numbers" aria-live="off">
        {plan === null ? (
          phase === 'idle' ? (
            'Not started. Training runs in your browser, in a background worker, so the page stays usable.'
          ) : phase === 'error' ? (
            'Training failed to start.'
          ) : (
            'Starting…'
          )
        ) : (
          <>
            epoch <span class="value" data-quantity="epoch" data-value={String(epoch)}>{epoch}</span> of {plan.epochs} · step{' '}
            <span class="value" data-quantity="step" data-value={String(step)}>{step}</span> of {totalSteps} ·{' '}
            <span class="value" data-quantity="elapsed-seconds" data-value={String(seconds)}>{formatNumber(seconds, 3)}</span> s ·{' '}
            <span class="value" data-quantity="steps-per-second" data-value={String(stepsPerSecond)}>{formatNumber(stepsPerSecond, 3)}</span>{' '}
            steps/s{phase === 'paused' ? ' · paused' : phase === 'done' ? ' · finished' : phase === 'error' ? ' · stopped by an error' : ''}
          </>
        )}
      </p>
    </div>
  );
}
