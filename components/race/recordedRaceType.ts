import type { RaceSettings } from '../workers/addingRaceMessages.ts';
import type { RaceCurve } from './raceRun.ts';

/** A race recorded by scripts/race-adding.ts, shown before the reader starts one with the same settings. */
export interface RecordedRace {
  readonly settings: RaceSettings;
  /** The test MSE of the best constant prediction on its test set. */
  readonly baseline: number;
  readonly curve: RaceCurve;
  readonly final: { readonly rnn: number; readonly lstm: number };
}
