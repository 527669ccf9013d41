import { randomLcg } from 'd3-random';
import { ADDING_MAX_HIDDEN, type LstmRegression } from './addingModel.ts';
import { lstmInit } from './lstm.ts';
import { assertFinite, assertInteger } from './validate.ts';

/** Options of lstmRegressionInit. */
export interface LstmRegressionInitOptions {
  /** H, the number of cell units (1..64). */
  readonly H: number;
  /** D, the length of each input vector (default 2, the adding problem's (u_k, m_k)). */
  readonly D?: number;
  /** Seed of the `randomLcg` generator that draws the weights (required: runs must be reproducible). */
  readonly seed: number;
  /** Weights are uniform in [−scale, scale] (default 1/√H). */
  readonly scale?: number;
  /** Initial forget-gate bias b_f (default 1: the gate starts mostly open). */
  readonly forgetBias?: number;
}

/**
 * A seeded LSTM with a linear readout: the cell of `lstmInit` (W_f, W_i, W_o, W_c uniform in [−scale, scale],
 * b_f = forgetBias, other biases 0), then w_out drawn from the same `randomLcg(seed)` stream after the cell's
 * weights; b_out = 0.
 */
export function lstmRegressionInit(options: LstmRegressionInitOptions): LstmRegression {
  const H = assertInteger(options.H, 'H', 1, ADDING_MAX_HIDDEN);
  const D = assertInteger(options.D ?? 2, 'D', 1, 1 << 20);
  const seed = assertFinite(options.seed, 'seed');
  const scale = assertFinite(options.scale ?? 1 / Math.sqrt(H), 'scale');
  const forgetBias = assertFinite(options.forgetBias ?? 1, 'forgetBias');
  const cell = lstmInit({ hiddenSize: H, inputSize: D, seed, scale, forgetBias });
  const random = randomLcg(seed);
  // lstmInit drew 4 · H(H + D) numbers from this stream for W_f, W_i, W_o, W_c: continue after them
  for (let j = 0; j < 4 * H * (H + D); j++) random();
  const wOut = new Float64Array(H);
  for (let j = 0; j < H; j++) wOut[j] = (2 * random() - 1) * scale;
  return {
    kind: 'lstm',
    hiddenSize: H,
    inputSize: D,
    forgetGate: true,
    wF: Float64Array.from(cell.wF),
    wI: Float64Array.from(cell.wI),
    wO: Float64Array.from(cell.wO),
    wC: Float64Array.from(cell.wC),
    bF: Float64Array.from(cell.bF),
    bI: Float64Array.from(cell.bI),
    bO: Float64Array.from(cell.bO),
    bC: Float64Array.from(cell.bC),
    wOut,
    bOut: new Float64Array(1),
  };
}
