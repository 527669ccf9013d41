import { randomLcg } from 'd3-random';
import { ADDING_MAX_HIDDEN, type RnnRegression } from './addingModel.ts';
import { assertFinite, assertInteger, describeValue } from './validate.ts';

/** Options of rnnRegressionInit. */
export interface RnnRegressionInitOptions {
  /** H, the number of units (1..64). */
  readonly H: number;
  /** D, the length of each input vector (default 2, the adding problem's (u_k, m_k)). */
  readonly D?: number;
  /** Seed of the `randomLcg` generator that draws the weights (required: runs must be reproducible). */
  readonly seed: number;
  /** Weights are uniform in [−scale, scale] (default 1/√H). */
  readonly scale?: number;
  /** The state nonlinearity (default 'tanh'). */
  readonly activation?: 'tanh' | 'identity';
}

/** A seeded tanh RNN with a linear readout: W_rec, W_x, w_out uniform in [−scale, scale] from `randomLcg(seed)`, in that order; b, b_out = 0. */
export function rnnRegressionInit(options: RnnRegressionInitOptions): RnnRegression {
  const H = assertInteger(options.H, 'H', 1, ADDING_MAX_HIDDEN);
  const D = assertInteger(options.D ?? 2, 'D', 1, 1 << 20);
  const seed = assertFinite(options.seed, 'seed');
  const scale = assertFinite(options.scale ?? 1 / Math.sqrt(H), 'scale');
  const activation = options.activation ?? 'tanh';
  if (activation !== 'tanh' && activation !== 'identity') {
    throw new RangeError(`activation must be 'tanh' or 'identity', got ${describeValue(activation)}`);
  }
  const random = randomLcg(seed);
  const draw = (length: number): Float64Array => {
    const w = new Float64Array(length);
    for (let j = 0; j < length; j++) w[j] = (2 * random() - 1) * scale;
    return w;
  };
  const wRec = draw(H * H);
  const wX = draw(H * D);
  const wOut = draw(H);
  return { kind: 'rnn', H, D, activation, wRec, wX, b: new Float64Array(H), wOut, bOut: new Float64Array(1) };
}
