/**
 * Build-time (server-only) data for the race cell: the default race as scripts/race-adding.ts recorded it in
 * data/adding-race.json, with its baseline computed by the core on the same test set. Imported by the chapter's MDX
 * only, never by an island, so the file stays out of the browser's JavaScript; the cell gets the numbers as a prop.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { addingProblem } from '~/core/addingProblem.ts';
import { ADDING_RACE_DEFAULTS, ADDING_SEED_OFFSETS } from '~/core/addingRaceDefaults.ts';
import { constantPredictorMse } from '~/core/constantPredictorMse.ts';
import type { RecordedRace } from './recordedRaceType.ts';

interface RecordedEntry {
  finalMse: number;
  curve: { updates: number[]; mse: number[] };
}

/** The recorded race at the file's default T and seed (ADDING_RACE_DEFAULTS' updates), ready to draw. */
export function recordedRace(): RecordedRace {
  const file = JSON.parse(readFileSync(resolve(process.cwd(), 'data/adding-race.json'), 'utf8'));
  const { T, seed } = file.defaultRace as { T: number; seed: number };
  const run = (file.runs as { T: number; seed: number; rnn: RecordedEntry; lstm: RecordedEntry }[]).find((r) => r.T === T && r.seed === seed);
  if (!run) throw new Error(`data/adding-race.json has no run for its default race T = ${T}, seed ${seed}`);
  if (file.settings.updates !== ADDING_RACE_DEFAULTS.updates) {
    throw new Error(`data/adding-race.json was run for ${file.settings.updates} updates, the core's default is ${ADDING_RACE_DEFAULTS.updates}`);
  }
  const testSet = addingProblem({ T, B: ADDING_RACE_DEFAULTS.testSize, seed: seed + ADDING_SEED_OFFSETS.test });
  return {
    settings: { T, seed, updates: file.settings.updates },
    baseline: constantPredictorMse(testSet),
    curve: { updates: run.rnn.curve.updates, rnn: run.rnn.curve.mse, lstm: run.lstm.curve.mse },
    final: { rnn: run.rnn.finalMse, lstm: run.lstm.finalMse },
  };
}
