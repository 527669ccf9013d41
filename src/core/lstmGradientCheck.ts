/**
 * The LSTM's backpropagation through time checked against central differences, on one adding-problem sequence:
 *
 *   y = w_outᵀ h_T + b_out,   E = ½ (y − t)²                        (adding-readout, adding-loss)
 *   ∂E/∂θ from lstmBackward (via lstmRegressionBackward)           (lstm-bptt-readout … lstm-bptt-weights)
 *   ∂E/∂θ ≈ (4 D(h) − D(2h)) / 3,  D(h) = (E(θ + h) − E(θ − h)) / 2h   (lstm-check-richardson)
 *   relative error = |a − b| / max(|a|, |b|, 10⁻⁴)                  (lstm-check-error)
 *
 * for a seeded sample of entries from every weight block (W_f, W_i, W_o, W_c̃, their biases, w_out, b_out).
 */
import { randomLcg } from 'd3-random';
import { LSTM_REGRESSION_BLOCKS, type LstmRegression } from './addingModel.ts';
import { addingProblem } from './addingProblem.ts';
import { ADDING_SEED_OFFSETS } from './addingRaceDefaults.ts';
import { centralDifference } from './centralDifference.ts';
import { lstmRegressionBackward } from './lstmRegressionBackward.ts';
import { lstmRegressionForward } from './lstmRegressionForward.ts';
import { lstmRegressionInit } from './lstmRegressionInit.ts';
import { relativeError } from './relativeError.ts';
import { assertFinite, assertInteger, describeValue } from './validate.ts';

/** The floor of the check's relative error: gradients smaller than 10⁻⁴ are compared absolutely (to 10⁻¹⁰). */
export const LSTM_CHECK_FLOOR = 1e-4;

/** The longest sequence the check accepts (it runs 2 forward passes per checked weight). */
export const LSTM_CHECK_MAX_T = 100;

/** Added to the seed for the generator that picks which entries of each block are checked. */
const SAMPLE_OFFSET = 0x51ed27;

/** One of the LSTM's weight blocks. */
export type LstmBlock = (typeof LSTM_REGRESSION_BLOCKS)[number];

/** Options of lstmGradientCheck. */
export interface LstmGradientCheckOptions {
  /** T, the sequence length (2 … 100). */
  readonly T: number;
  /** H, the number of cell units (1 … 64). */
  readonly H: number;
  /** Seeds the weights (`lstmRegressionInit`), the sequence (`addingProblem`, seed + the race's data offset) and the sample. */
  readonly seed: number;
  /** How many entries of each block to check (default 2; a block with fewer is checked whole; Infinity checks every weight). */
  readonly perBlock?: number;
}

/** One checked weight: its block and index, BPTT's derivative, the central difference and their relative error. */
export interface LstmGradientCheckRow {
  readonly block: LstmBlock;
  readonly index: number;
  readonly bptt: number;
  readonly numeric: number;
  readonly relativeError: number;
}

/** What lstmGradientCheck computed. */
export interface LstmGradientCheck {
  /** The seeded LSTM (the race's initialisation: weights uniform in [−1/√H, 1/√H], b_f = 1). */
  readonly model: LstmRegression;
  /** x[k − 1] = x_k = (u_k, m_k), the adding-problem sequence. */
  readonly x: readonly Float64Array[];
  /** t, the sum of the two marked numbers. */
  readonly t: number;
  /** y = w_outᵀ h_T + b_out. */
  readonly y: number;
  /** E = ½ (y − t)². */
  readonly E: number;
  /** The checked weights, block by block in the optimizer's order, indices ascending within a block. */
  readonly rows: readonly LstmGradientCheckRow[];
  /** The largest relative error over the rows. */
  readonly worst: number;
  /** How many weights the model has in all. */
  readonly weightCount: number;
}

/** `count` distinct indices of 0 … length − 1 (all of them if count ≥ length), drawn with `random`, ascending. */
function sample(length: number, count: number, random: () => number): number[] {
  const pool = Array.from({ length }, (_, j) => j);
  const m = Math.min(count, length);
  // a partial Fisher–Yates shuffle: the first m entries are a uniform sample without replacement
  for (let j = 0; j < m; j++) {
    const pick = j + Math.floor(random() * (length - j));
    [pool[j], pool[pick]] = [pool[pick], pool[j]];
  }
  return pool.slice(0, m).sort((a, b) => a - b);
}

/** BPTT's gradient of E = ½(y − t)² for a seeded LSTM on a seeded adding-problem sequence, against central differences. */
export function lstmGradientCheck(options: LstmGradientCheckOptions): LstmGradientCheck {
  if (options === null || typeof options !== 'object') {
    throw new RangeError(`options must be an object { T, H, seed }, got ${describeValue(options)}`);
  }
  const T = assertInteger(options.T, 'T', 2, LSTM_CHECK_MAX_T);
  const H = assertInteger(options.H, 'H', 1, 64);
  const seed = assertFinite(options.seed, 'seed');
  const perBlock = options.perBlock ?? 2;
  if (perBlock !== Infinity) assertInteger(perBlock, 'perBlock', 1, Number.MAX_SAFE_INTEGER);

  const model = lstmRegressionInit({ H, seed });
  const batch = addingProblem({ T, B: 1, seed: seed + ADDING_SEED_OFFSETS.data });
  const x = batch.x[0];
  const t = batch.t[0];
  const loss = (): number => {
    const e = lstmRegressionForward(model, x).y - t;
    // E = ½ (y − t)²   (adding-loss)
    return 0.5 * e * e;
  };
  const trace = lstmRegressionForward(model, x);
  const e = trace.y - t;
  // ∂E/∂y = y − t seeds the backward pass
  const { grads } = lstmRegressionBackward(model, trace, e);

  const random = randomLcg(seed + SAMPLE_OFFSET);
  const rows: LstmGradientCheckRow[] = [];
  let worst = 0;
  let weightCount = 0;
  for (const block of LSTM_REGRESSION_BLOCKS) {
    const w = model[block];
    weightCount += w.length;
    for (const index of sample(w.length, perBlock, random)) {
      const bptt = grads[block][index];
      const numeric = centralDifference(loss, w, index);
      const err = relativeError(bptt, numeric, LSTM_CHECK_FLOOR);
      rows.push({ block, index, bptt, numeric, relativeError: err });
      worst = Math.max(worst, err);
    }
  }
  return { model, x, t, y: trace.y, E: 0.5 * e * e, rows, worst, weightCount };
}
