/**
 * How much of the error at step n reaches step k, through a plain linear recurrence and through an
 * LSTM's cell state.
 *
 * Plain recurrence s_k = s_{k-1} w_rec + x_k w_x   (forward):   ∂s_n/∂s_k = w_rec^{n−k}   (vanishing-power)
 * LSTM cell state c_k = f_k ⊙ c_{k-1} + i_k ⊙ c̃_k   (lstm-cell), along the cell path only:
 *                                                          ∂c_n/∂c_k = Π_{j=k+1..n} f_j   (lstm-cell-flow)
 * In the 1997 cell (no forget gate) f_j ≡ 1 and the factor is exactly 1 for every k: the error neither
 * vanishes nor explodes along that path (Hochreiter & Schmidhuber 1997). With the forget gate
 * (Gers, Schmidhuber & Cummins 2000) f_j ∈ (0, 1) scales it down, by the network's own choice.
 *
 * This eases vanishing gradients; it does not cure exploding ones. The cell path is only one of the
 * paths from c_k to c_n: c_k also reaches h_k = o_k ⊙ tanh(c_k), which feeds every gate of step k+1
 * through the recurrent weights W_G, and those paths multiply by weights just as w_rec does.
 * `cellFlow` measures the sum over all paths so the two can be compared.
 */
import { gradientFlow } from './gradientFlow.ts';
import { lstmBackward, type LstmParams, type LstmTrace } from './lstm.ts';
import { assertFinite, assertInInterval, assertInteger, describeValue } from './validate.ts';

/** Inputs of errorFlow: the horizon n, the plain recurrent weight, and a forget-gate value or sequence. */
export interface ErrorFlowOptions {
  /** The last step n (integer, 0..1 000 000). */
  n: number;
  /** The plain network's recurrent weight w_rec (finite). */
  wRec: number;
  /**
   * The forget gate: one value f ∈ [0, 1] used at every step, or a sequence with forget[j-1] = f_j,
   * j = 1..n (like x), each in [0, 1]. Default 1 (the 1997 cell).
   */
  forget?: number | ArrayLike<number>;
}

/** The idealised error-flow factors for k = 0..n (arrays of length n + 1, index k = step k). */
export interface ErrorFlow {
  /** plain[k] = w_rec^{n−k}. */
  readonly plain: Float64Array;
  /** cell[k] = Π_{j=k+1..n} f_j (an empty product is 1). */
  readonly cell: Float64Array;
}

/** The largest horizon n errorFlow accepts. */
const MAX_STEPS = 1_000_000;

/**
 * The factors w_rec^{n−k} and Π_{j=k+1..n} f_j for k = 0..n, by repeated multiplication from k = n
 * down: zeros stay exact zeros, overflow becomes ±Infinity (never NaN: w_rec is finite and f_j ≤ 1).
 */
export function errorFlow({ n, wRec, forget = 1 }: ErrorFlowOptions): ErrorFlow {
  assertInteger(n, 'n', 0, MAX_STEPS);
  assertFinite(wRec, 'wRec');
  const fs = new Float64Array(n);
  if (typeof forget === 'number') {
    fs.fill(assertInInterval(forget, 'forget', 0, 1));
  } else {
    if (forget === null || typeof forget !== 'object' || forget.length !== n) {
      throw new RangeError(
        `forget must be a number or an array of n = ${n} gate values, got ${
          forget !== null && typeof forget === 'object' ? `length ${forget.length}` : describeValue(forget)
        }`,
      );
    }
    for (let j = 1; j <= n; j++) fs[j - 1] = assertInInterval(forget[j - 1], `forget[${j - 1}]`, 0, 1);
  }
  // ∂s_n/∂s_k = w_rec^{n−k}   (vanishing-power)
  const plain = gradientFlow(wRec, n);
  const cell = new Float64Array(n + 1);
  cell[n] = 1;
  // ∂c_n/∂c_k = f_{k+1} ∂c_n/∂c_{k+1}   (lstm-cell-flow)
  for (let k = n - 1; k >= 0; k--) cell[k] = cell[k + 1] * fs[k];
  return { plain, cell };
}

function assertTrace(trace: LstmTrace): void {
  if (trace === null || typeof trace !== 'object' || !Array.isArray(trace.f) || trace.f.length !== trace.n + 1) {
    throw new RangeError(`trace must be the result of lstmForward, got ${describeValue(trace)}`);
  }
}

/**
 * Measured from a run: cellPath[k][r] = ∂c_{n,r}/∂c_{k,r} along the cell-state path only, i.e. the
 * product Π_{j=k+1..n} f_{j,r} of the forget gates lstmForward produced (length n + 1, rows of length H).
 */
export function cellPathFlow(trace: LstmTrace): Float64Array[] {
  assertTrace(trace);
  const { n, hiddenSize: H, f } = trace;
  const buffer = new Float64Array((n + 1) * H);
  const out: Float64Array[] = [];
  for (let k = 0; k <= n; k++) out.push(buffer.subarray(k * H, (k + 1) * H));
  out[n].fill(1);
  // ∂c_n/∂c_k |cell path = f_{k+1} ⊙ ∂c_n/∂c_{k+1} |cell path   (lstm-cell-flow)
  for (let k = n - 1; k >= 0; k--) {
    for (let r = 0; r < H; r++) out[k][r] = out[k + 1][r] * f[k + 1][r];
  }
  return out;
}

/**
 * Measured from a run: total[k][r] = ∂c_{n,r}/∂c_{k,r} summed over every path (the cell path and the
 * paths through h and the gates), by one backward pass per unit r seeded with ∂E/∂c_n = e_r. For k ≥ 1
 * a change of c_k moves h_k = o_k ⊙ tanh(c_k) with it; at k = 0, h_0 is a separate initial state.
 */
export function cellFlow(params: LstmParams, trace: LstmTrace): Float64Array[] {
  assertTrace(trace);
  const { n, hiddenSize: H } = trace;
  const buffer = new Float64Array((n + 1) * H);
  const out: Float64Array[] = [];
  const zeros: Float64Array[] = [];
  const seed: Float64Array[] = [];
  for (let k = 0; k <= n; k++) {
    out.push(buffer.subarray(k * H, (k + 1) * H));
    zeros.push(new Float64Array(H));
    seed.push(new Float64Array(H));
  }
  for (let r = 0; r < H; r++) {
    // E = c_{n,r}: ∂E/∂c_n = e_r, no direct dependence on h
    seed[n].fill(0);
    seed[n][r] = 1;
    const { dc } = lstmBackward(params, trace, zeros, seed);
    for (let k = 0; k <= n; k++) out[k][r] = dc[k][r];
  }
  return out;
}
