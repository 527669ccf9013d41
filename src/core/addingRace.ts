/**
 * The race: the tanh RNN and the LSTM trained with the same settings, seed, minibatches and number of updates on
 * the adding problem of length T, both scored by their test MSE (adding-mse) on the same fresh sequences.
 */
import { addingProblem } from './addingProblem.ts';
import { ADDING_RACE_DEFAULTS, ADDING_SEED_OFFSETS } from './addingRaceDefaults.ts';
import { addingTrainer, type AddingTrainerOptions } from './addingTrainer.ts';
import { testMse } from './testMse.ts';
import { assertInteger } from './validate.ts';

/** Options of addingRace: the trainer's (without `model`) plus the budget and the test set; defaults are ADDING_RACE_DEFAULTS'. */
export interface AddingRaceOptions extends Omit<AddingTrainerOptions, 'model'> {
  /** Number of Adam updates for each model (default 1,500). */
  readonly updates?: number;
  /** Number of test sequences, drawn from `randomLcg(seed + ADDING_SEED_OFFSETS.test)` (default 1,000). */
  readonly testSize?: number;
  /** The test MSE is recorded every `evalEvery` updates (default 50), and after the last. */
  readonly evalEvery?: number;
}

/** One model's result in a race. */
export interface AddingRaceEntry {
  /** The test MSE after the last update. */
  readonly finalMse: number;
  /** mse[i] = the test MSE after updates[i] updates (updates[0] = 0, the initial weights). */
  readonly curve: { readonly updates: readonly number[]; readonly mse: readonly number[] };
}

/** Both models' results. */
export interface AddingRaceResult {
  readonly rnn: AddingRaceEntry;
  readonly lstm: AddingRaceEntry;
}

/** Runs the race for one T and seed: each model trained for `updates` updates, its test MSE recorded along the way. */
export function addingRace(options: AddingRaceOptions): AddingRaceResult {
  const d = ADDING_RACE_DEFAULTS;
  const { updates = d.updates, testSize = d.testSize, evalEvery = d.evalEvery } = options;
  assertInteger(updates, 'updates', 0, 1e9);
  assertInteger(evalEvery, 'evalEvery', 1, 1e9);
  const seed = assertInteger(options.seed, 'seed', 0, 2 ** 31 - 1);
  const testSet = addingProblem({ T: options.T, B: testSize, seed: seed + ADDING_SEED_OFFSETS.test });
  const run = (model: 'rnn' | 'lstm'): AddingRaceEntry => {
    const trainer = addingTrainer({ ...options, model });
    const at = [0];
    const mse = [testMse(trainer.model, testSet)];
    while (trainer.update < updates) {
      trainer.step(Math.min(evalEvery, updates - trainer.update));
      at.push(trainer.update);
      mse.push(testMse(trainer.model, testSet));
    }
    return { finalMse: mse[mse.length - 1], curve: { updates: at, mse } };
  };
  return { rnn: run('rnn'), lstm: run('lstm') };
}
