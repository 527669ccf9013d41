import { ADDING_RACE_DEFAULTS } from '~/core/addingRaceDefaults.ts';
import { integerParam } from '../param.ts';

// The parameters of the adding-problem race of the LSTM chapter (chapter 8): the time lag T, the race's seed and its
// number of updates. Every other setting of the race is the core's (ADDING_RACE_DEFAULTS).

/** The time lags the recorded races (data/adding-race.json) were run at: the stops of the lag slider. */
export const RACE_LAGS = [5, 10, 20, 50, 100] as const;

/** The adding problem's sequence length T, the time lag the two marked numbers must be carried over (the core's `T`). */
export const lag = integerParam({
  key: 'lag',
  core: 'T',
  label: 'Time lag',
  symbol: { base: 'T' },
  name: 'time lag T',
  min: 2,
  max: 100,
  initial: ADDING_RACE_DEFAULTS.T,
  control: 'slider',
});

/** The race's seed: the weights of both models, their minibatches and the test set (the core's `seed`). */
export const raceSeed = integerParam({
  key: 'raceSeed',
  core: 'seed',
  label: 'Race seed',
  symbol: { base: '' },
  name: 'race seed',
  min: 0,
  max: 1_000_000,
  initial: ADDING_RACE_DEFAULTS.seed,
});

/** Adam updates each model takes (the core's `updates`). */
export const updates = integerParam({
  key: 'updates',
  label: 'Updates',
  symbol: { base: '' },
  name: 'updates',
  min: 50,
  max: 5000,
  initial: ADDING_RACE_DEFAULTS.updates,
});
