import type { Race } from './useRace.ts';

/** The fastest speed the speed control allows, in iterations per frame. */
export const MAX_SPEED = 50;

/** Play, Pause, Step and Reset, the speed, the progress bar, and the note shown when the system asks for reduced motion. */
export function RaceControls({ race, limit }: { race: Race; limit: number }) {
  const { active, playing, speed, iterations } = race;
  return (
    <>
      <div class="trainer-buttons row">
        <button type="button" onClick={race.play} disabled={!active} aria-pressed={playing}>Play</button>
        <button type="button" onClick={race.pause}>Pause</button>
        <button type="button" onClick={race.step} disabled={!active}>Step</button>
        <button type="button" onClick={race.reset}>Reset</button>
        <label class="trainer-speed">
          <span class="label-row">
            <span>Speed (iterations per frame)</span>
            <output aria-hidden="true">{speed}</output>
          </span>
          <input
            type="range"
            min={1}
            max={MAX_SPEED}
            step={1}
            value={speed}
            aria-label="Speed (iterations per frame)"
            aria-valuetext={`${speed} per frame`}
            onInput={(e) => race.setSpeed(Number((e.currentTarget as HTMLInputElement).value))} />
        </label>
      </div>
      <div class="trainer-progress">
        <span>
          Iteration <span data-quantity="iterations" data-value={String(iterations)}>{iterations}</span> of {limit}
        </span>
        <progress max={limit} value={iterations} aria-label="Iterations run" />
      </div>
      {race.reducedMotion && (
        <p class="message warning">
          Your system asks for reduced motion, so nothing moves by itself: use Step to go one iteration at a time. Play still
          runs the optimizers if you press it.
        </p>
      )}
    </>
  );
}
