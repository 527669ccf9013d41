/**
 * The recorded adding-problem races (data/adding-race.json, written by scripts/race-adding.ts), read at build time for
 * the LSTM chapter's table and prose: every number the chapter says about them comes from here, none is typed.
 */
import race from '../../data/adding-race.json';

/** Either model of the race. */
export type RaceModel = 'rnn' | 'lstm';

/** The race's settings, as the file records them. */
export const RACE_SETTINGS = race.settings;

/** The sequence lengths T that were raced, in the file's order. */
export const RACE_LENGTHS: readonly number[] = race.lengths;
/** The seeds raced at every length, in the file's order. */
export const RACE_SEEDS: readonly number[] = race.seeds;

/** The number in a verdict the file states in words ("test MSE < 0.01" → 0.01); throws if the words change. */
function threshold(text: string, operator: '<' | '>'): number {
  const match = new RegExp(`^test MSE ${operator} ([0-9.]+)$`).exec(text);
  if (!match) throw new Error(`data/adding-race.json: expected "test MSE ${operator} <number>", got ${JSON.stringify(text)}`);
  return Number(match[1]);
}

/** "Solved": a final test MSE below this. */
export const SOLVED = threshold(race.settings.solved, '<');
/** "Failed": a final test MSE above this. */
export const FAILED = threshold(race.settings.failed, '>');

/** The final test MSE of `model` at length T and `seed`; throws if the file has no such run. */
export function finalMse(T: number, seed: number, model: RaceModel): number {
  const run = race.runs.find((r) => r.T === T && r.seed === seed);
  if (!run) throw new Error(`data/adding-race.json has no run for T = ${T}, seed ${seed}`);
  return run[model].finalMse;
}

/** The final test MSE of `model` at length T, one per seed in RACE_SEEDS' order. */
export function finalMses(T: number, model: RaceModel): number[] {
  return RACE_SEEDS.map((seed) => finalMse(T, seed, model));
}

/** On how many seeds `model` solved length T. */
export function solvedCount(T: number, model: RaceModel): number {
  return finalMses(T, model).filter((mse) => mse < SOLVED).length;
}

/** The smallest and largest final test MSE of `model` at length T over the seeds. */
export function finalRange(T: number, model: RaceModel): { min: number; max: number } {
  const values = finalMses(T, model);
  return { min: Math.min(...values), max: Math.max(...values) };
}

/** The longest T at which `model` solved every seed (0 if none). */
export function longestSolvedEverywhere(model: RaceModel): number {
  return Math.max(0, ...RACE_LENGTHS.filter((T) => solvedCount(T, model) === RACE_SEEDS.length));
}
