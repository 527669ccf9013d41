/**
 * The adding-problem race: a tanh RNN and an LSTM with the same hidden size, readout, optimizer, minibatches and
 * number of updates, for T ∈ {5, 10, 20, 50, 100} and 3 seeds each. Writes data/adding-race.json (the settings, and
 * per T and seed both models' final test MSE and test-MSE curve), then prints a table, the updates per second of each
 * model and the wall time of the default race (T = 50, seed ADDING_RACE_DEFAULTS.seed).
 * Run: node --experimental-strip-types scripts/race-adding.ts
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADDING_RACE_DEFAULTS, ADDING_SEED_OFFSETS } from '../src/core/addingRaceDefaults.ts';
import { addingRace, type AddingRaceResult } from '../src/core/addingRace.ts';
import { addingTrainer } from '../src/core/addingTrainer.ts';
import { ADAM_DEFAULTS } from '../src/core/optimizerDefaults.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outPath = resolve(root, 'data/adding-race.json');
const lengths = [5, 10, 20, 50, 100];
const seeds = [1, 2, 3];
const d = ADDING_RACE_DEFAULTS;
const SOLVED = 0.01;
const FAILED = 0.1;

const verdict = (mse: number): string => (mse < SOLVED ? 'solved' : mse > FAILED ? 'failed' : 'partly');

const runs: Array<{ T: number; seed: number } & AddingRaceResult> = [];
const started = performance.now();
for (const T of lengths) {
  for (const seed of seeds) {
    const t0 = performance.now();
    const result = addingRace({ T, seed });
    runs.push({ T, seed, ...result });
    const seconds = (performance.now() - t0) / 1000;
    console.log(
      `T = ${String(T).padStart(3)}  seed ${seed}:  RNN ${result.rnn.finalMse.toFixed(4)} (${verdict(result.rnn.finalMse)})` +
        `   LSTM ${result.lstm.finalMse.toFixed(4)} (${verdict(result.lstm.finalMse)})   ${seconds.toFixed(1)} s`,
    );
  }
}
console.log(`all ${runs.length} races: ${((performance.now() - started) / 1000).toFixed(1)} s`);

// The default race, timed on its own as a reader's worker would run it: both models, test MSE every 50 updates.
const t0 = performance.now();
const defaultRace = addingRace({ T: d.T, seed: d.seed });
const defaultSeconds = (performance.now() - t0) / 1000;
const recorded = runs.find((r) => r.T === d.T && r.seed === d.seed);
if (recorded && JSON.stringify(recorded.rnn) + JSON.stringify(recorded.lstm) !== JSON.stringify(defaultRace.rnn) + JSON.stringify(defaultRace.lstm)) {
  throw new Error('the default race did not reproduce its recorded run: training is not deterministic');
}
console.log(
  `default race (T = ${d.T}, seed ${d.seed}, ${d.updates} updates each, test MSE every ${d.evalEvery}): ` +
    `RNN ${defaultRace.rnn.finalMse.toFixed(4)}, LSTM ${defaultRace.lstm.finalMse.toFixed(4)}, wall time ${defaultSeconds.toFixed(2)} s`,
);

// Updates per second of training alone (no test evaluations): 300 timed updates after 30 untimed ones.
console.log('updates per second (training only, H = 8, batch 32):');
for (const T of lengths) {
  const rates = (['rnn', 'lstm'] as const).map((model) => {
    const trainer = addingTrainer({ model, T, seed: 1 });
    trainer.step(30);
    const t1 = performance.now();
    trainer.step(300);
    return 300 / ((performance.now() - t1) / 1000);
  });
  console.log(`  T = ${String(T).padStart(3)}:  RNN ${rates[0].toFixed(0).padStart(5)}/s   LSTM ${rates[1].toFixed(0).padStart(5)}/s`);
}

const json = {
  description:
    'The adding problem race: final test MSE and test-MSE curves of a tanh RNN and an LSTM trained with identical settings. Written by scripts/race-adding.ts.',
  settings: {
    hiddenSize: d.H,
    optimizer: { name: 'adam', learningRate: d.learningRate, beta1: ADAM_DEFAULTS.beta1, beta2: ADAM_DEFAULTS.beta2, epsilon: ADAM_DEFAULTS.epsilon },
    batchSize: d.batchSize,
    clipNorm: d.clipNorm,
    updates: d.updates,
    testSize: d.testSize,
    evalEvery: d.evalEvery,
    loss: 'L = (1/B) Σ_b ½(y_b − t_b)² per minibatch; test MSE = (1/N) Σ (y − t)² on fresh sequences',
    init: 'weights uniform in [−1/√H, 1/√H] (readout included), biases 0, LSTM forget-gate bias +1',
    seeds: 'weights randomLcg(seed), minibatches randomLcg(seed + data), test set randomLcg(seed + test)',
    seedOffsets: ADDING_SEED_OFFSETS,
    solved: `test MSE < ${SOLVED}`,
    failed: `test MSE > ${FAILED}`,
  },
  lengths,
  seeds,
  defaultRace: { T: d.T, seed: d.seed },
  runs: runs.map(({ T, seed, rnn, lstm }) => ({
    T,
    seed,
    rnn: { finalMse: rnn.finalMse, curve: rnn.curve },
    lstm: { finalMse: lstm.finalMse, curve: lstm.curve },
  })),
};
writeFileSync(outPath, `${JSON.stringify(json)}\n`);
console.log(`wrote ${outPath}`);
