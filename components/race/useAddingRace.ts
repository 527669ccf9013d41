import { useEffect, useReducer, useRef } from 'preact/hooks';
import type { RaceCommand, RaceReport, RaceSettings } from '../workers/addingRaceMessages.ts';
import { applyRaceAction, IDLE_RACE } from './raceRun.ts';

/**
 * The adding-problem race in a Web Worker and what it has reported: `start` races from scratch (ending any race
 * before it), `pause` and `resume` pass the reader's request on, `reset` ends the race and empties it. The worker is
 * created by `start` only, and ends with a reset, a new start or the component.
 */
export function useAddingRace() {
  const [run, dispatch] = useReducer(applyRaceAction, IDLE_RACE);
  const worker = useRef<Worker | null>(null);

  const stop = () => {
    const current = worker.current;
    if (current) {
      current.onmessage = null;
      current.terminate();
    }
    worker.current = null;
  };

  useEffect(() => stop, []);

  const send = (command: RaceCommand) => worker.current?.postMessage(command);

  const start = (settings: RaceSettings) => {
    stop();
    dispatch({ type: 'start', settings });
    try {
      const created = new Worker(new URL('../workers/adding-race.worker.ts', import.meta.url), { type: 'module' });
      created.onmessage = (event: MessageEvent<RaceReport>) => dispatch(event.data);
      created.onerror = (event) => {
        event.preventDefault();
        dispatch({ type: 'error', message: event.message || 'the race worker failed to start' });
      };
      worker.current = created;
      send({ type: 'start', settings });
    } catch (failure) {
      dispatch({ type: 'error', message: failure instanceof Error ? failure.message : String(failure) });
    }
  };

  return {
    run,
    start,
    pause: () => send({ type: 'pause' }),
    resume: () => send({ type: 'resume' }),
    reset: () => {
      stop();
      dispatch({ type: 'reset' });
    },
  };
}
