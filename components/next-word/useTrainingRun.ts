import { useEffect, useReducer, useRef } from 'preact/hooks';
import type { LmTrainOptions } from '~/core/lm/index.ts';
import type { SplitSettings, TrainerCommand, TrainerReport } from '../workers/lmTrainerMessages.ts';
import { applyTrainingAction, IDLE_RUN } from './trainingRun.ts';

/**
 * A training run in a Web Worker and what it has reported: `start` trains from scratch on the training part of the
 * given split (ending any run before it),
 * `pause` and `resume` pass the reader's request on, `reset` ends the run and empties it. The worker ends with the
 * component.
 */
export function useTrainingRun() {
  const [run, dispatch] = useReducer(applyTrainingAction, IDLE_RUN);
  const worker = useRef<Worker | null>(null);

  useEffect(() => () => worker.current?.terminate(), []);

  const send = (command: TrainerCommand) => worker.current?.postMessage(command);

  const stop = () => {
    worker.current?.terminate();
    worker.current = null;
  };

  const start = (options: LmTrainOptions & { epochs: number }, split: SplitSettings) => {
    stop();
    dispatch({ type: 'start' });
    try {
      const created = new Worker(new URL('../workers/lm-trainer.worker.ts', import.meta.url), { type: 'module' });
      created.onmessage = (event: MessageEvent<TrainerReport>) => dispatch(event.data);
      created.onerror = (event) => {
        event.preventDefault();
        dispatch({ type: 'error', message: event.message || 'the training worker failed to start' });
      };
      worker.current = created;
      send({ type: 'start', options, split });
    } catch (failure) {
      dispatch({ type: 'error', message: failure instanceof Error ? failure.message : String(failure) });
    }
  };

  const reset = () => {
    stop();
    dispatch({ type: 'reset' });
  };

  return {
    ...run,
    start,
    pause: () => send({ type: 'pause' }),
    resume: () => send({ type: 'resume' }),
    reset,
  };
}
