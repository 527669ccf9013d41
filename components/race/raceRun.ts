import type { RaceReport, RaceSettings, RaceSpeed } from '../workers/addingRaceMessages.ts';

/** Where a race is: not started, running, paused by the reader, finished, or stopped by an error. */
export type RacePhase = 'idle' | 'running' | 'paused' | 'done' | 'error';

/** Both models' test MSE against the update, as far as the race has gone: rnn[i] and lstm[i] after updates[i] updates. */
export interface RaceCurve {
  readonly updates: readonly number[];
  readonly rnn: readonly number[];
  readonly lstm: readonly number[];
}

/** Everything the page knows of one race, built from the worker's reports. */
export interface RaceRun {
  phase: RacePhase;
  /** Why the race stopped, when `phase` is 'error'. */
  error: string;
  /** The settings the race runs with (null before it starts): they may differ from the page's once the reader changes them. */
  settings: RaceSettings | null;
  /** The test MSE of the best constant prediction on the race's test set, once the worker has started. */
  baseline: number | null;
  curve: RaceCurve;
  /** The test MSE after the last update, once the race is done. */
  final: { readonly rnn: number; readonly lstm: number } | null;
  /** ‖∂E/∂h_k‖ (RNN) and ‖∂E/∂c_k‖ (LSTM), k = 0 … T, on one test sequence, once the race is done. */
  gradients: { readonly rnn: Float64Array; readonly lstm: Float64Array } | null;
  speed: RaceSpeed | null;
}

/** What changes a race: a report from the worker, or the page starting or resetting it. */
export type RaceAction = RaceReport | { readonly type: 'start'; readonly settings: RaceSettings } | { readonly type: 'reset' };

const NO_CURVE: RaceCurve = { updates: [], rnn: [], lstm: [] };

/** The race before anything has been started. */
export const IDLE_RACE: RaceRun = { phase: 'idle', error: '', settings: null, baseline: null, curve: NO_CURVE, final: null, gradients: null, speed: null };

/** The race after one action: a pure reducer, so the worker's reports can be replayed in a test. */
export function applyRaceAction(run: RaceRun, action: RaceAction): RaceRun {
  switch (action.type) {
    case 'start':
      return { ...IDLE_RACE, phase: 'running', settings: action.settings };
    case 'reset':
      return IDLE_RACE;
    case 'started':
      return { ...run, settings: action.settings, baseline: action.baseline };
    case 'progress': {
      const { curve } = run;
      return {
        ...run,
        speed: action.speed,
        curve: {
          updates: curve.updates.concat(action.evaluations.map((e) => e.update)),
          rnn: curve.rnn.concat(action.evaluations.map((e) => e.rnn)),
          lstm: curve.lstm.concat(action.evaluations.map((e) => e.lstm)),
        },
      };
    }
    case 'done':
      return { ...run, phase: 'done', final: action.final, gradients: action.gradients, speed: action.speed };
    // a pause or resume answered after the race ended (or failed) changes nothing
    case 'paused':
      return run.phase === 'running' ? { ...run, phase: 'paused' } : run;
    case 'resumed':
      return run.phase === 'paused' ? { ...run, phase: 'running' } : run;
    case 'error':
      return { ...run, phase: 'error', error: action.message };
  }
}

/** The updates the race has taken so far: those of its latest evaluation. */
export function racedUpdates(run: RaceRun): number {
  return run.curve.updates.at(-1) ?? 0;
}

/** The race's status line, read out when it changes: it says "Finished after N updates" once, and only when, it is over. */
export function raceStatus(run: RaceRun): string {
  const n = racedUpdates(run);
  const updates = (count: number) => `${count} update${count === 1 ? '' : 's'}`;
  switch (run.phase) {
    case 'idle':
      return 'Not started.';
    case 'running':
      return run.settings ? `Racing: ${updates(run.settings.updates)} for each model, T = ${run.settings.T}.` : 'Racing.';
    case 'paused':
      return `Paused after ${updates(n)}.`;
    case 'done':
      return `Finished after ${updates(n)}`;
    case 'error':
      return `The race stopped: ${run.error}`;
  }
}
