/**
 * One long short-term memory (LSTM) cell run over a sequence: forward pass, backward pass
 * (backpropagation through time) and a seeded initializer.
 *
 * Notation (hidden size H, input size D, z_k = [h_{k-1}; x_k] of length H + D):
 *
 *   f_k = σ(W_f z_k + b_f)        forget gate     (lstm-gates; Gers, Schmidhuber & Cummins 2000)
 *   i_k = σ(W_i z_k + b_i)        input gate      (lstm-gates)
 *   o_k = σ(W_o z_k + b_o)        output gate     (lstm-gates)
 *   c̃_k = tanh(W_c̃ z_k + b_c̃)     candidate cell input, "c tilde"   (lstm-gates)
 *   c_k = f_k ⊙ c_{k-1} + i_k ⊙ c̃_k                      (lstm-cell)
 *   h_k = o_k ⊙ tanh(c_k)                                (lstm-output)
 *
 * With `forgetGate: false` the cell is the original one of Hochreiter & Schmidhuber (1997):
 * f_k ≡ 1, so c_k = c_{k-1} + i_k ⊙ c̃_k (the "constant error carousel").
 *
 * Each W_G, G ∈ {f, i, o, c̃} (W_c̃ is the field `wC`), is stored row-major as a Float64Array
 * of length H·(H + D): row r holds the weights of unit r, columns 0..H-1 multiply h_{k-1} and
 * columns H..H+D-1 multiply x_k.
 */
import { randomLcg } from 'd3-random';
import { sigmoid } from './sigmoid.ts';
import { assertBoolean, assertFinite, assertInteger, assertVector, describeValue } from './validate.ts';

/** Largest hidden size the cell accepts (the demos are small; this bounds the work per step). */
export const LSTM_MAX_HIDDEN = 64;

/** The weights of one LSTM cell: matrices W_f, W_i, W_o, W_c (H × (H + D), row-major) and biases b_f, b_i, b_o, b_c (length H). */
export interface LstmParams {
  /** H, the number of cell units (1..64). */
  readonly hiddenSize: number;
  /** D, the length of each input vector x_k. */
  readonly inputSize: number;
  /** false runs the 1997 cell without a forget gate (f_k ≡ 1; wF and bF are then unused). */
  readonly forgetGate: boolean;
  readonly wF: ArrayLike<number>;
  readonly wI: ArrayLike<number>;
  readonly wO: ArrayLike<number>;
  readonly wC: ArrayLike<number>;
  readonly bF: ArrayLike<number>;
  readonly bI: ArrayLike<number>;
  readonly bO: ArrayLike<number>;
  readonly bC: ArrayLike<number>;
}

/** Options of lstmInit. */
export interface LstmInitOptions {
  /** H, the number of cell units (1..64). */
  hiddenSize: number;
  /** D, the length of each input vector (default 1). */
  inputSize?: number;
  /** Seed of the `randomLcg` generator that draws the weights (required: runs must be reproducible). */
  seed: number;
  /** Weights are uniform in [−scale, scale] (default 1/√H). */
  scale?: number;
  /** Initial forget-gate bias b_f (default 1: the gate starts mostly open). */
  forgetBias?: number;
  /** false builds the 1997 cell without a forget gate (default true). */
  forgetGate?: boolean;
}

/** The initial state (h_0, c_0); both default to zero vectors. */
export interface LstmState {
  h0?: ArrayLike<number>;
  c0?: ArrayLike<number>;
}

/**
 * Everything the forward pass computed. Arrays indexed by step have length n + 1 and `a[k]` is the
 * value at step k; `h[0]`, `c[0]` are the initial state. No gate acts at step 0, so `f[0]`, `i[0]`,
 * `o[0]`, `cTilde[0]` are filled with NaN. `x[k-1]` is x_k (length n). Each row is a length-H view
 * into one buffer per quantity.
 */
export interface LstmTrace {
  readonly n: number;
  readonly hiddenSize: number;
  readonly inputSize: number;
  readonly forgetGate: boolean;
  readonly x: Float64Array[];
  readonly f: Float64Array[];
  readonly i: Float64Array[];
  readonly o: Float64Array[];
  /** cTilde[k] = c̃_k, the candidate cell input. */
  readonly cTilde: Float64Array[];
  readonly c: Float64Array[];
  readonly h: Float64Array[];
  /** tanh(c_k), kept for the backward pass. */
  readonly tanhC: Float64Array[];
}

/** The names of the cell's weight blocks: the four gate matrices W_G and their biases b_G. */
export const LSTM_BLOCKS = ['wF', 'wI', 'wO', 'wC', 'bF', 'bI', 'bO', 'bC'] as const;

/** One Float64Array per weight block of the cell, by name. */
export type LstmBlocks = { readonly [K in (typeof LSTM_BLOCKS)[number]]: Float64Array };

/** Gradients of a loss E: one entry per parameter, plus ∂E/∂h_k, ∂E/∂c_k (k = 0..n) and ∂E/∂x_k. */
export interface LstmGradients extends LstmBlocks {
  /** dh[k] = ∂E/∂h_k (total, through every later step); dh[0] is the gradient for h_0. */
  readonly dh: Float64Array[];
  /** dc[k] = ∂E/∂c_k (total); dc[0] is the gradient for c_0. */
  readonly dc: Float64Array[];
  /** dx[k-1] = ∂E/∂x_k. */
  readonly dx: Float64Array[];
}

/** Checks every field of an LSTM's parameters; throws a RangeError naming the field, value and position. */
export function checkLstmParams(params: LstmParams): void {
  if (params === null || typeof params !== 'object') {
    throw new RangeError(`params must be an object, got ${describeValue(params)}`);
  }
  const H = assertInteger(params.hiddenSize, 'params.hiddenSize', 1, LSTM_MAX_HIDDEN);
  const D = assertInteger(params.inputSize, 'params.inputSize', 1, 1 << 20);
  assertBoolean(params.forgetGate, 'params.forgetGate');
  for (const name of LSTM_BLOCKS) {
    assertVector(params[name], name[0] === 'w' ? H * (H + D) : H, `params.${name}`);
  }
}

/** A seeded LSTM cell: weights uniform in [−scale, scale] from `randomLcg(seed)`, b_f = forgetBias, other biases 0. */
export function lstmInit(options: LstmInitOptions): LstmParams {
  const H = assertInteger(options.hiddenSize, 'hiddenSize', 1, LSTM_MAX_HIDDEN);
  const D = assertInteger(options.inputSize ?? 1, 'inputSize', 1, 1 << 20);
  const seed = assertFinite(options.seed, 'seed');
  const scale = assertFinite(options.scale ?? 1 / Math.sqrt(H), 'scale');
  const forgetBias = assertFinite(options.forgetBias ?? 1, 'forgetBias');
  const forgetGate = assertBoolean(options.forgetGate ?? true, 'forgetGate');
  const random = randomLcg(seed);
  // The weights are drawn in the same order whatever forgetGate is, so a cell with and one without
  // a forget gate built from the same seed share W_i, W_o, W_c.
  const draw = (): Float64Array => {
    const w = new Float64Array(H * (H + D));
    for (let j = 0; j < w.length; j++) w[j] = (2 * random() - 1) * scale;
    return w;
  };
  const wF = draw();
  const wI = draw();
  const wO = draw();
  const wC = draw();
  return {
    hiddenSize: H,
    inputSize: D,
    forgetGate,
    wF,
    wI,
    wO,
    wC,
    bF: new Float64Array(H).fill(forgetBias),
    bI: new Float64Array(H),
    bO: new Float64Array(H),
    bC: new Float64Array(H),
  };
}

function rows(n: number, width: number, fill = 0): Float64Array[] {
  const buffer = new Float64Array(n * width).fill(fill);
  const out: Float64Array[] = [];
  for (let k = 0; k < n; k++) out.push(buffer.subarray(k * width, (k + 1) * width));
  return out;
}

/**
 * Runs the cell over x (x[k-1] = x_k: a length-D vector, or a plain number when D = 1) from (h_0, c_0)
 * and returns every gate and state per step.
 */
export function lstmForward(
  params: LstmParams,
  x: ReadonlyArray<number | ArrayLike<number>>,
  state: LstmState = {},
): LstmTrace {
  checkLstmParams(params);
  const H = params.hiddenSize;
  const D = params.inputSize;
  const Z = H + D;
  if (!Array.isArray(x)) throw new RangeError(`x must be an array of inputs, got ${describeValue(x)}`);
  const n = x.length;
  const xs = rows(n, D);
  for (let k = 1; k <= n; k++) {
    const xk = x[k - 1];
    if (D === 1 && (xk === null || typeof xk !== 'object')) xs[k - 1][0] = assertFinite(xk, `x[${k - 1}]`);
    else xs[k - 1].set(assertVector(xk, D, `x[${k - 1}]`));
  }
  const f = rows(n + 1, H, Number.NaN);
  const i = rows(n + 1, H, Number.NaN);
  const o = rows(n + 1, H, Number.NaN);
  const cTilde = rows(n + 1, H, Number.NaN);
  const c = rows(n + 1, H);
  const h = rows(n + 1, H);
  const tanhC = rows(n + 1, H);
  if (state.h0 !== undefined) h[0].set(assertVector(state.h0, H, 'h0'));
  if (state.c0 !== undefined) c[0].set(assertVector(state.c0, H, 'c0'));
  for (let r = 0; r < H; r++) tanhC[0][r] = Math.tanh(c[0][r]);
  const { wF, wI, wO, wC, bF, bI, bO, bC, forgetGate } = params;

  for (let k = 1; k <= n; k++) {
    const hPrev = h[k - 1];
    const xk = xs[k - 1];
    for (let r = 0; r < H; r++) {
      // a_G = W_G [h_{k-1}; x_k] + b_G for each gate G   (lstm-preactivation)
      let aF = bF[r];
      let aI = bI[r];
      let aO = bO[r];
      let aC = bC[r];
      const row = r * Z;
      for (let j = 0; j < H; j++) {
        aF += wF[row + j] * hPrev[j];
        aI += wI[row + j] * hPrev[j];
        aO += wO[row + j] * hPrev[j];
        aC += wC[row + j] * hPrev[j];
      }
      for (let j = 0; j < D; j++) {
        aF += wF[row + H + j] * xk[j];
        aI += wI[row + H + j] * xk[j];
        aO += wO[row + H + j] * xk[j];
        aC += wC[row + H + j] * xk[j];
      }
      // f_k = σ(a_f) (≡ 1 without a forget gate), i_k = σ(a_i), o_k = σ(a_o), c̃_k = tanh(a_c)   (lstm-gates)
      f[k][r] = forgetGate ? sigmoid(aF) : 1;
      i[k][r] = sigmoid(aI);
      o[k][r] = sigmoid(aO);
      cTilde[k][r] = Math.tanh(aC);
      // c_k = f_k ⊙ c_{k-1} + i_k ⊙ c̃_k   (lstm-cell);   h_k = o_k ⊙ tanh(c_k)   (lstm-output)
      c[k][r] = f[k][r] * c[k - 1][r] + i[k][r] * cTilde[k][r];
      tanhC[k][r] = Math.tanh(c[k][r]);
      h[k][r] = o[k][r] * tanhC[k][r];
    }
  }
  return { n, hiddenSize: H, inputSize: D, forgetGate, x: xs, f, i, o, cTilde, c, h, tanhC };
}

function assertPerStep(v: unknown, n: number, H: number, name: string): ArrayLike<ArrayLike<number>> {
  if (!Array.isArray(v) || v.length !== n + 1) {
    throw new RangeError(
      `${name} must be an array of n + 1 = ${n + 1} vectors, got ${Array.isArray(v) ? `length ${v.length}` : describeValue(v)}`,
    );
  }
  for (let k = 0; k <= n; k++) assertVector(v[k], H, `${name}[${k}]`);
  return v;
}

/**
 * Backpropagation through time for a loss E whose direct derivatives are dLdh[k] = ∂E/∂h_k and
 * (optionally) dLdc[k] = ∂E/∂c_k, k = 0..n (explicit dependence only); returns the total gradients.
 */
export function lstmBackward(
  params: LstmParams,
  trace: LstmTrace,
  dLdh: ReadonlyArray<ArrayLike<number>>,
  dLdc?: ReadonlyArray<ArrayLike<number>>,
): LstmGradients {
  checkLstmParams(params);
  const H = params.hiddenSize;
  const D = params.inputSize;
  const Z = H + D;
  if (
    trace === null ||
    typeof trace !== 'object' ||
    trace.hiddenSize !== H ||
    trace.inputSize !== D ||
    trace.forgetGate !== params.forgetGate
  ) {
    throw new RangeError(
      `trace must come from lstmForward with these params (H = ${H}, D = ${D}, forgetGate = ${params.forgetGate})`,
    );
  }
  const { n, x, f, i, o, cTilde, c, h, tanhC } = trace;
  assertPerStep(dLdh, n, H, 'dLdh');
  if (dLdc !== undefined) assertPerStep(dLdc, n, H, 'dLdc');
  const { wF, wI, wO, wC, forgetGate } = params;

  const grad = {
    wF: new Float64Array(H * Z),
    wI: new Float64Array(H * Z),
    wO: new Float64Array(H * Z),
    wC: new Float64Array(H * Z),
    bF: new Float64Array(H),
    bI: new Float64Array(H),
    bO: new Float64Array(H),
    bC: new Float64Array(H),
  };
  const dh = rows(n + 1, H);
  const dc = rows(n + 1, H);
  const dx = rows(n, D);
  for (let k = 0; k <= n; k++) {
    dh[k].set(dLdh[k]);
    if (dLdc !== undefined) dc[k].set(dLdc[k]);
  }
  // δa_G: the derivative of E with respect to the pre-activation a_G of gate G at the current step (lstm-preactivation).
  const daF = new Float64Array(H);
  const daI = new Float64Array(H);
  const daO = new Float64Array(H);
  const daC = new Float64Array(H);

  // On entry to step k, dh[k] and dc[k] already hold everything from steps > k (added at step k+1).
  for (let k = n; k >= 1; k--) {
    for (let r = 0; r < H; r++) {
      // ∂E/∂c_k += ∂E/∂h_k ⊙ o_k ⊙ (1 − tanh²c_k)   (lstm-bptt-c: the path through h_k)
      dc[k][r] += dh[k][r] * o[k][r] * (1 - tanhC[k][r] * tanhC[k][r]);
      // δa_o = ∂E/∂h_k ⊙ tanh(c_k) ⊙ o_k(1 − o_k)   (lstm-bptt-gates)
      daO[r] = dh[k][r] * tanhC[k][r] * o[k][r] * (1 - o[k][r]);
      // δa_f = ∂E/∂c_k ⊙ c_{k-1} ⊙ f_k(1 − f_k)   (lstm-bptt-gates; 0 without a forget gate)
      daF[r] = forgetGate ? dc[k][r] * c[k - 1][r] * f[k][r] * (1 - f[k][r]) : 0;
      // δa_i = ∂E/∂c_k ⊙ c̃_k ⊙ i_k(1 − i_k),   δa_c̃ = ∂E/∂c_k ⊙ i_k ⊙ (1 − c̃_k²)   (lstm-bptt-gates)
      daI[r] = dc[k][r] * cTilde[k][r] * i[k][r] * (1 - i[k][r]);
      daC[r] = dc[k][r] * i[k][r] * (1 - cTilde[k][r] * cTilde[k][r]);
      // ∂E/∂c_{k-1} += ∂E/∂c_k ⊙ f_k   (lstm-bptt-c: the cell-state path)
      dc[k - 1][r] += dc[k][r] * f[k][r];
    }
    const hPrev = h[k - 1];
    const xk = x[k - 1];
    for (let r = 0; r < H; r++) {
      const row = r * Z;
      // ∂E/∂W_G += δa_G [h_{k-1}; x_k]ᵀ,   ∂E/∂b_G += δa_G   (lstm-bptt-weights)
      grad.bF[r] += daF[r];
      grad.bI[r] += daI[r];
      grad.bO[r] += daO[r];
      grad.bC[r] += daC[r];
      for (let j = 0; j < H; j++) {
        grad.wF[row + j] += daF[r] * hPrev[j];
        grad.wI[row + j] += daI[r] * hPrev[j];
        grad.wO[row + j] += daO[r] * hPrev[j];
        grad.wC[row + j] += daC[r] * hPrev[j];
      }
      for (let j = 0; j < D; j++) {
        grad.wF[row + H + j] += daF[r] * xk[j];
        grad.wI[row + H + j] += daI[r] * xk[j];
        grad.wO[row + H + j] += daO[r] * xk[j];
        grad.wC[row + H + j] += daC[r] * xk[j];
      }
    }
    // [∂E/∂h_{k-1}; ∂E/∂x_k] += Σ_G W_Gᵀ δa_G   (lstm-bptt-h: the paths through the gates)
    for (let r = 0; r < H; r++) {
      const row = r * Z;
      for (let j = 0; j < H; j++) {
        dh[k - 1][j] +=
          wF[row + j] * daF[r] + wI[row + j] * daI[r] + wO[row + j] * daO[r] + wC[row + j] * daC[r];
      }
      for (let j = 0; j < D; j++) {
        dx[k - 1][j] +=
          wF[row + H + j] * daF[r] +
          wI[row + H + j] * daI[r] +
          wO[row + H + j] * daO[r] +
          wC[row + H + j] * daC[r];
      }
    }
  }
  return { ...grad, dh, dc, dx };
}

/** The loss E = ½‖h_n − target‖² of a run and its direct derivatives dLdh (zero except dLdh[n] = h_n − target). */
export function lstmFinalLoss(
  trace: LstmTrace,
  target: ArrayLike<number>,
): { E: number; dLdh: Float64Array[] } {
  const { n, hiddenSize: H, h } = trace;
  assertVector(target, H, 'target');
  const dLdh = rows(n + 1, H);
  let E = 0;
  // E = ½ Σ_r (h_{n,r} − target_r)²,   ∂E/∂h_n = h_n − target
  for (let r = 0; r < H; r++) {
    const e = h[n][r] - target[r];
    dLdh[n][r] = e;
    E += 0.5 * e * e;
  }
  return { E, dLdh };
}
