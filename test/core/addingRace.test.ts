import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { addingRace } from '~/core/addingRace.ts';
import { ADDING_RACE_DEFAULTS } from '~/core/addingRaceDefaults.ts';
import { relErr } from './addingFixtures.ts';

const racePath = fileURLToPath(new URL('../../data/adding-race.json', import.meta.url));

/** "Solved" and "failed" as the chapter and data/adding-race.json define them. */
const SOLVED = 0.01;
const FAILED = 0.1;

// Whole training runs: a few seconds each on an idle machine, more under load.
const SLOW = 60_000;

describe('addingRace', () => {
  it(
    'addingRace(T = 5, seed 1, 600 updates): both models solve it (test MSE < 0.01 on 1,000 fresh sequences)',
    () => {
      // a reduced budget (600 of 1,500 updates) to keep the test fast; the full race reaches ~0.002 (RNN), ~0.0001 (LSTM)
      const { rnn, lstm } = addingRace({ T: 5, seed: 1, updates: 600, evalEvery: 600 });
      expect(rnn.finalMse).toBeLessThan(SOLVED);
      expect(lstm.finalMse).toBeLessThan(SOLVED);
    },
    SLOW,
  );

  it(
    'addingRace(T = 50, the default seed, 1,000 updates): the LSTM solves it (< 0.01), the tanh RNN fails (> 0.1)',
    () => {
      // a reduced budget (1,000 of 1,500 updates, 500 test sequences) to keep the test under ~10 s on an idle machine;
      // with this seed the LSTM's test MSE falls below 0.01 between updates 500 and 750
      const { rnn, lstm } = addingRace({ T: 50, seed: ADDING_RACE_DEFAULTS.seed, updates: 1000, evalEvery: 1000, testSize: 500 });
      expect(lstm.finalMse).toBeLessThan(SOLVED);
      expect(rnn.finalMse).toBeGreaterThan(FAILED);
    },
    SLOW,
  );

  it(
    'addingRace recomputes the T = 5, seed 1 entry of data/adding-race.json (every curve point, relative error ≤ 1e-9)',
    () => {
      const data = JSON.parse(readFileSync(racePath, 'utf8'));
      const entry = data.runs.find((r: { T: number; seed: number }) => r.T === 5 && r.seed === 1);
      expect(data.settings.updates).toBe(ADDING_RACE_DEFAULTS.updates);
      expect(data.settings.hiddenSize).toBe(ADDING_RACE_DEFAULTS.H);
      const result = addingRace({ T: 5, seed: 1 });
      for (const kind of ['rnn', 'lstm'] as const) {
        expect(result[kind].curve.updates).toEqual(entry[kind].curve.updates);
        // the same engine reproduces the file bit for bit; the tolerance leaves room for another libm's last bits
        result[kind].curve.mse.forEach((mse, i) => expect(relErr(mse, entry[kind].curve.mse[i], 1e-300), `${kind} at ${i}`).toBeLessThanOrEqual(1e-9));
        expect(result[kind].finalMse).toBe(result[kind].curve.mse.at(-1));
        expect(relErr(result[kind].finalMse, entry[kind].finalMse, 1e-300)).toBeLessThanOrEqual(1e-9);
      }
    },
    SLOW,
  );

  it('addingRace records the test MSE at updates 0, evalEvery, 2·evalEvery, … and after the last update', () => {
    const { rnn } = addingRace({ T: 3, seed: 1, updates: 7, evalEvery: 3, testSize: 10 });
    expect(rnn.curve.updates).toEqual([0, 3, 6, 7]);
    expect(rnn.curve.mse.length).toBe(4);
  });

  it.each([
    // a negative budget
    ['updates −1', () => addingRace({ T: 5, seed: 1, updates: -1 }), 'updates must be an integer from 0 to 1000000000, got -1'],
    // evaluating every 0 updates
    ['evalEvery 0', () => addingRace({ T: 5, seed: 1, evalEvery: 0 }), 'evalEvery must be an integer from 1 to 1000000000, got 0'],
    // an empty test set
    ['testSize 0', () => addingRace({ T: 5, seed: 1, testSize: 0 }), 'B must be an integer from 1 to 1000000, got 0'],
  ])('%s throws RangeError', (_name, call, message) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });
});
