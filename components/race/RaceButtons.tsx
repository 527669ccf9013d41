import type { RacePhase } from './raceRun.ts';

interface Props {
  phase: RacePhase;
  /** False until the cell has hydrated: without JavaScript nothing can race. */
  ready: boolean;
  onStart: () => void;
  onPause: () => void;
  onResume: () => void;
  onReset: () => void;
}

/** Start (or Race again), Pause or Resume in the same place, and Reset. */
export function RaceButtons({ phase, ready, onStart, onPause, onResume, onReset }: Props) {
  return (
    <div class="row race-buttons">
      {phase === 'running' ? (
        <button type="button" onClick={onPause}>Pause</button>
      ) : phase === 'paused' ? (
        <button type="button" onClick={onResume}>Resume</button>
      ) : (
        <button type="button" onClick={onStart} disabled={!ready}>
          {phase === 'idle' ? 'Start the race' : 'Race again'}
        </button>
      )}
      <button type="button" onClick={onReset} disabled={!ready || phase === 'idle'}>Reset</button>
    </div>
  );
}
