/**
 * The adding-problem race's Web Worker: trains the tanh RNN and the LSTM with the core's `addingTrainer`, in
 * alternation, off the main thread, in time slices so that pause and resume are heard between updates. Every
 * `evalEvery` updates (and after the last) it scores both on the same fresh test sequences (`testMse`), as the core's
 * `addingRace` does; at the end it posts the final test MSEs and both trained models' ‖∂E/∂state_k‖ on one test sequence.
 */
import { addingProblem, type AddingBatch } from '~/core/addingProblem.ts';
import { ADDING_RACE_DEFAULTS, ADDING_SEED_OFFSETS } from '~/core/addingRaceDefaults.ts';
import { addingTrainer, type AddingTrainer } from '~/core/addingTrainer.ts';
import { constantPredictorMse } from '~/core/constantPredictorMse.ts';
import { stateGradientNorms } from '~/core/stateGradientNorms.ts';
import { testMse } from '~/core/testMse.ts';
import type { RaceCommand, RaceEvaluation, RaceReport, RaceSettings, RaceSpeed } from './addingRaceMessages.ts';

/** How long one slice of training runs before the worker yields to its message queue (ms). */
const SLICE_MS = 30;
/** Most updates per model between two looks at the clock. */
const CHUNK = 5;

interface WorkerScope {
  postMessage(message: RaceReport): void;
  onmessage: ((event: MessageEvent<RaceCommand>) => void) | null;
}
const scope = self as unknown as WorkerScope;

interface Race {
  settings: RaceSettings;
  testSet: AddingBatch;
  rnn: AddingTrainer;
  lstm: AddingTrainer;
  /** Training time of each model so far (ms), evaluations excluded. */
  ms: { rnn: number; lstm: number };
  pending: RaceEvaluation[];
  /** The latest evaluation (after the last update, once the race is over). */
  latest: RaceEvaluation | undefined;
}

let race: Race | undefined;
let paused = false;
let scheduled = false;

scope.onmessage = (event) => {
  const command = event.data;
  try {
    if (command.type === 'start') start(command.settings);
    else if (command.type === 'pause') {
      paused = true;
      scope.postMessage({ type: 'paused' });
    } else if (command.type === 'resume') {
      paused = false;
      scope.postMessage({ type: 'resumed' });
      schedule();
    }
  } catch (error) {
    fail(error);
  }
};

function fail(error: unknown): void {
  race = undefined;
  scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}

function start(settings: RaceSettings): void {
  const { T, seed } = settings;
  // addingProblem and addingTrainer check T and seed and throw a RangeError before any update
  const testSet = addingProblem({ T, B: ADDING_RACE_DEFAULTS.testSize, seed: seed + ADDING_SEED_OFFSETS.test });
  const rnn = addingTrainer({ model: 'rnn', T, seed });
  const lstm = addingTrainer({ model: 'lstm', T, seed });
  race = { settings, testSet, rnn, lstm, ms: { rnn: 0, lstm: 0 }, pending: [], latest: undefined };
  paused = false;
  scope.postMessage({ type: 'started', settings, baseline: constantPredictorMse(testSet) });
  evaluate(race);
  schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setTimeout(slice, 0);
}

/** Both models' test MSE at their current (equal) number of updates, queued for the next report. */
function evaluate(r: Race): void {
  r.latest = { update: r.rnn.update, rnn: testMse(r.rnn.model, r.testSet), lstm: testMse(r.lstm.model, r.testSet) };
  r.pending.push(r.latest);
}

function speed(r: Race): RaceSpeed {
  const rate = (trainer: AddingTrainer, ms: number) => (ms > 0 ? (1000 * trainer.update) / ms : 0);
  return { rnn: rate(r.rnn, r.ms.rnn), lstm: rate(r.lstm, r.ms.lstm) };
}

/** Trains both models, a few updates each in turn, for about SLICE_MS; reports what was evaluated, then yields. */
function slice(): void {
  scheduled = false;
  const r = race;
  if (paused || r === undefined) return;
  const { updates } = r.settings;
  const every = ADDING_RACE_DEFAULTS.evalEvery;
  const began = performance.now();
  try {
    while (r.rnn.update < updates && performance.now() - began < SLICE_MS) {
      const done = r.rnn.update;
      const count = Math.min(CHUNK, every - (done % every), updates - done);
      const t0 = performance.now();
      r.rnn.step(count);
      const t1 = performance.now();
      r.lstm.step(count);
      r.ms.rnn += t1 - t0;
      r.ms.lstm += performance.now() - t1;
      if (r.rnn.update % every === 0 || r.rnn.update === updates) evaluate(r);
    }
    if (r.pending.length > 0) scope.postMessage({ type: 'progress', evaluations: r.pending.splice(0), speed: speed(r) });
    if (r.rnn.update >= updates) finish(r);
    else schedule();
  } catch (error) {
    fail(error);
  }
}

function finish(r: Race): void {
  race = undefined;
  const x = r.testSet.x[0];
  const t = r.testSet.t[0];
  const gradients = { rnn: stateGradientNorms(r.rnn.model, x, t), lstm: stateGradientNorms(r.lstm.model, x, t) };
  const final = { rnn: r.latest!.rnn, lstm: r.latest!.lstm };
  scope.postMessage({ type: 'done', updates: r.rnn.update, final, gradients, speed: speed(r) });
}
