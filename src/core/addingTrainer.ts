/**
 * Training either model on the adding problem, one Adam update at a time, for a Web Worker or a script to drive:
 * each update draws a fresh minibatch, computes the gradient of L = (1/B) Σ_b ½(y_b − t_b)² (adding-loss) by BPTT,
 * clips its global norm (clip-norm) and takes one Adam step (training-adam).
 *
 * A race in a worker: two trainers with the same options but `model` see the same minibatches.
 *   const rnn = addingTrainer({ model: 'rnn', T: 50, seed: 2 }), lstm = addingTrainer({ model: 'lstm', T: 50, seed: 2 });
 *   const testSet = addingProblem({ T: 50, B: 1000, seed: 2 + ADDING_SEED_OFFSETS.test });
 *   while (rnn.update < 1500) { rnn.step(10); lstm.step(10); post(rnn.update, testMse(rnn.model, testSet), testMse(lstm.model, testSet)); }
 */
import { randomLcg } from 'd3-random';
import { adam } from './adam.ts';
import { addingGradient } from './addingGradient.ts';
import { ADDING_BLOCKS, type AddingModel } from './addingModel.ts';
import { addingProblem } from './addingProblem.ts';
import { addingProblemInto } from './addingProblemInto.ts';
import { ADDING_RACE_DEFAULTS, ADDING_SEED_OFFSETS } from './addingRaceDefaults.ts';
import { clipGlobalNorm } from './clipGlobalNorm.ts';
import { lstmRegressionInit } from './lstmRegressionInit.ts';
import { rnnRegressionInit } from './rnnRegressionInit.ts';
import { assertInteger, describeValue } from './validate.ts';
import { zeroGradients } from './zeroGradients.ts';

/** Options of addingTrainer; every default is ADDING_RACE_DEFAULTS'. */
export interface AddingTrainerOptions {
  /** Which model: the tanh RNN or the LSTM, both with the linear readout. */
  readonly model: 'rnn' | 'lstm';
  /** T, the sequence length (integer ≥ 2). */
  readonly T: number;
  /** Seed (integer 0 … 2³¹ − 1) of the weights, `randomLcg(seed)`; the minibatches come from `randomLcg(seed + ADDING_SEED_OFFSETS.data)`. */
  readonly seed: number;
  /** H, the hidden size (default 8). */
  readonly H?: number;
  /** Adam's step size η (default 0.03); β1, β2, ε are Adam's defaults. */
  readonly learningRate?: number;
  /** Sequences per minibatch (default 32). */
  readonly batchSize?: number;
  /** Largest global gradient norm before clipping (default 1; Infinity for none). */
  readonly clipNorm?: number;
  /** The LSTM's initial forget-gate bias (default 1; ignored by the RNN). */
  readonly forgetBias?: number;
}

/** What one update reports. */
export interface AddingUpdate {
  /** Updates taken so far, this one included (1 after the first). */
  readonly update: number;
  /** L = (1/B) Σ_b ½(y_b − t_b)² on this update's minibatch, before the update. */
  readonly loss: number;
  /** The global norm of ∂L/∂θ before clipping. */
  readonly gradNorm: number;
}

/** A model being trained: its weights (updated in place) and a `step` that takes more updates. */
export interface AddingTrainer {
  /** The model being trained; every `step` updates its weights in place (copy them to keep a snapshot). */
  readonly model: AddingModel;
  /** Updates taken so far. */
  readonly update: number;
  /** Takes `count` more updates (integer ≥ 1, default 1) and reports the last. */
  step(count?: number): AddingUpdate;
}

/** A seeded trainer for one model on the adding problem of length T; bad options throw a RangeError here, before any update. */
export function addingTrainer(options: AddingTrainerOptions): AddingTrainer {
  if (options === null || typeof options !== 'object') {
    throw new RangeError(`options must be an object { model, T, seed }, got ${describeValue(options)}`);
  }
  const d = ADDING_RACE_DEFAULTS;
  const { T, H = d.H, learningRate = d.learningRate, batchSize = d.batchSize, clipNorm = d.clipNorm } = options;
  const seed = assertInteger(options.seed, 'seed', 0, 2 ** 31 - 1);
  if (typeof clipNorm !== 'number' || !(clipNorm > 0)) {
    throw new RangeError(`clipNorm must be a number > 0 (or Infinity), got ${describeValue(clipNorm)}`);
  }
  let model: AddingModel;
  if (options.model === 'rnn') model = rnnRegressionInit({ H, D: 2, seed });
  else if (options.model === 'lstm') model = lstmRegressionInit({ H, D: 2, seed, forgetBias: options.forgetBias ?? d.forgetBias });
  else throw new RangeError(`model must be 'rnn' or 'lstm', got ${describeValue(options.model)}`);
  const random = randomLcg(seed + ADDING_SEED_OFFSETS.data);
  // addingProblem checks T and batchSize; the batch is refilled in place at every update
  const batch = addingProblem({ T, B: batchSize, random });
  const grads = zeroGradients(model);
  const names = ADDING_BLOCKS[model.kind];
  const theta = names.map((name) => (model as unknown as Record<string, Float64Array>)[name]);
  const g = names.map((name) => (grads as unknown as Record<string, Float64Array>)[name]);
  const optimizer = adam(theta.map((block) => block.length), { learningRate }, '');
  let update = 0;
  let first = true;
  return {
    model,
    get update() {
      return update;
    },
    step(count = 1) {
      assertInteger(count, 'count', 1, Number.MAX_SAFE_INTEGER);
      let loss = Number.NaN;
      let gradNorm = Number.NaN;
      for (let i = 0; i < count; i++) {
        // the first minibatch was drawn by addingProblem; each later one is drawn fresh from the same stream
        if (!first) addingProblemInto(batch, random);
        first = false;
        loss = addingGradient(model, batch, grads);
        gradNorm = clipGlobalNorm(g, clipNorm);
        optimizer.step(theta, g);
        update += 1;
      }
      return { update, loss, gradNorm };
    },
  };
}
