import { randomLcg, randomNormal } from 'd3-random';

/** The state nonlinearity f in s_k = f(W_rec s_{k-1} + W_x x_k + b): tanh, or the identity (the linear RNN of the scalar chapters). */
export type Activation = 'tanh' | 'identity';

/** Largest hidden size H the language model accepts (the LSTM's is LSTM_MAX_HIDDEN). */
export const LM_MAX_HIDDEN = 256;
/** Largest vocabulary size V the language model accepts. */
export const LM_MAX_VOCABULARY = 4096;

/** The five parameter matrices, row-major Float64Arrays (also the shape of a gradient). */
export interface LmWeights {
  /** W_rec, H×H: wRec[i * H + j] multiplies s_{k-1}[j] in unit i. */
  readonly wRec: Float64Array;
  /** W_x, H×V: column v (wX[i * V + v]) is W_x x_k for the one-hot x_k of word v. */
  readonly wX: Float64Array;
  /** b, H: the state bias. */
  readonly b: Float64Array;
  /** W_y, V×H: wY[v * H + j] multiplies s_k[j] in the logit of word v. */
  readonly wY: Float64Array;
  /** b_y, V: the output bias. */
  readonly bY: Float64Array;
}

/** A vector recurrent language model: its sizes, activation and weights. */
export interface Params extends LmWeights {
  /** Hidden size H (number of state units). */
  readonly H: number;
  /** Vocabulary size V (inputs are one-hot over V words, outputs a distribution over V words). */
  readonly V: number;
  /** The state nonlinearity f. */
  readonly activation: Activation;
}

/** Names of the five weight arrays, in serialization order. */
export const WEIGHT_NAMES = ['wRec', 'wX', 'b', 'wY', 'bY'] as const;

/** Options of `initParams`. */
export interface InitOptions {
  /** Seed of the `randomLcg` source (default 1). */
  seed?: number;
  /** State nonlinearity (default 'tanh'). */
  activation?: Activation;
}

/** Throws a RangeError unless H and V are integers in range (1 ≤ H ≤ 256, 2 ≤ V ≤ 4096). */
export function checkSizes(H: number, V: number): void {
  if (!Number.isInteger(H) || H < 1 || H > LM_MAX_HIDDEN) {
    throw new RangeError(`H (hidden size) must be an integer from 1 to ${LM_MAX_HIDDEN}, got ${String(H)}`);
  }
  if (!Number.isInteger(V) || V < 2 || V > LM_MAX_VOCABULARY) {
    throw new RangeError(`V (vocabulary size) must be an integer from 2 to ${LM_MAX_VOCABULARY}, got ${String(V)}`);
  }
}

/** Throws a RangeError unless `activation` is 'tanh' or 'identity'. */
export function checkActivation(activation: unknown): asserts activation is Activation {
  if (activation !== 'tanh' && activation !== 'identity') {
    throw new RangeError(`activation must be "tanh" or "identity", got ${JSON.stringify(activation)}`);
  }
}

/** All-zero weights of the sizes H, V (e.g. a gradient accumulator). */
export function zeroWeights(H: number, V: number): LmWeights {
  checkSizes(H, V);
  return {
    wRec: new Float64Array(H * H),
    wX: new Float64Array(H * V),
    b: new Float64Array(H),
    wY: new Float64Array(V * H),
    bY: new Float64Array(V),
  };
}

/** Parameters with given sizes and all-zero weights, to be filled in by hand (tests, worked examples). */
export function zeroParams(H: number, V: number, activation: Activation = 'tanh'): Params {
  checkActivation(activation);
  return { H, V, activation, ...zeroWeights(H, V) };
}

/** Seeded random parameters: every entry of W_rec, W_x, W_y ~ N(0, 1/H) from `randomNormal.source(randomLcg(seed))`; b, b_y = 0. */
export function initParams(H: number, V: number, options: InitOptions = {}): Params {
  const { seed = 1, activation = 'tanh' } = options;
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${String(seed)}`);
  const params = zeroParams(H, V, activation);
  const normal = randomNormal.source(randomLcg(seed))(0, 1);
  // Entries of standard deviation 1/sqrt(H) keep W_rec s and W_y s of order 1 when |s_j| ≲ 1.
  const sigma = 1 / Math.sqrt(H);
  for (const w of [params.wRec, params.wX, params.wY]) {
    for (let i = 0; i < w.length; i++) w[i] = sigma * normal();
  }
  return params;
}

/** A deep copy of parameters (same sizes, activation and values). */
export function cloneParams(params: Params): Params {
  return {
    H: params.H,
    V: params.V,
    activation: params.activation,
    wRec: params.wRec.slice(),
    wX: params.wX.slice(),
    b: params.b.slice(),
    wY: params.wY.slice(),
    bY: params.bY.slice(),
  };
}
