/**
 * Backpropagation through time for the vector recurrent language model (the matrix form of the scalar
 * chapters' δ_k = ∂E_k/∂s_k + w_rec δ_{k+1}).
 *
 *   e_k = y_k − onehot(next_k)                                  (lm-output-error)  = ∂E_k/∂(W_y s_k + b_y)
 *   δ_k = ∂E/∂s_k = W_yᵀ e_k + W_recᵀ (f'(a_{k+1}) ⊙ δ_{k+1})  (lm-delta)  local term + recurrent term, δ_{n+1} = 0
 *         f'(a) = 1 − s² for tanh (s = tanh a), 1 for the identity
 *   δa_k = f'(a_k) ⊙ δ_k = ∂E/∂a_k                              the derivative with respect to a_k (the text before lm-grad-state)
 *   ∂E/∂W_y = Σ_k e_k s_kᵀ,   ∂E/∂b_y = Σ_k e_k                 (lm-grad-output)
 *   ∂E/∂W_rec = Σ_k δa_k s_{k-1}ᵀ,  ∂E/∂W_x = Σ_k δa_k x_kᵀ,  ∂E/∂b = Σ_k δa_k   (lm-grad-state)
 *
 * δ_0 = W_recᵀ (f'(a_1) ⊙ δ_1) is reported too (s_0 has no output, so no local term).
 * With identity f, H = 1 and W_yᵀ e_k = ∂E_k/∂s_k, (lm-delta) is exactly (bptt-delta-recurrence), δ_k = ∂E_k/∂s_k + w_rec δ_{k+1}.
 *
 * Truncation to τ steps: E_j contributes to δ_k only for j − τ < k ≤ j (the scalar core's convention), so
 * δ_k = Σ_{j=k}^{min(k+τ−1, n)} ∂E_j/∂s_k, each term carried back through at most τ − 1 recurrent steps.
 */
import type { LmForward } from './forward.ts';
import { lmForward } from './forward.ts';
import type { Params, LmWeights } from './params.ts';
import { zeroWeights } from './params.ts';
import { rnnStepBackward } from '../rnnStepBackward.ts';

/** Options of `lmBackward` / `lmGradients`. */
export interface BackwardOptions {
  /** Truncate BPTT to the last τ steps of each E_j (integer ≥ 1); omitted = full BPTT. */
  truncation?: number;
}

/** What `lmGradients` returns for one sentence. */
export interface LmGradients {
  /** E = Σ_k −log y_k[next_k] (summed over the n steps). */
  readonly loss: number;
  /** ∂E/∂θ for every weight array θ (not divided by n). */
  readonly grads: LmWeights;
  /** delta[k] = δ_k = ∂E/∂s_k (truncated if asked), k = 0 … n. */
  readonly delta: Float64Array[];
  /** The forward pass the gradients came from. */
  readonly forward: LmForward;
}

/** Throws a RangeError unless τ is an integer ≥ 1 (or undefined). */
export function checkTruncation(truncation: number | undefined): void {
  if (truncation !== undefined && (!Number.isInteger(truncation) || truncation < 1)) {
    throw new RangeError(`truncation (τ) must be an integer ≥ 1, got ${String(truncation)}`);
  }
}

/** Writes e = y_k − onehot(next_k) into `e`   (lm-output-error). */
function outputError(yk: Float64Array, next: number, e: Float64Array): void {
  e.set(yk);
  e[next] -= 1;
}

/** Adds W_yᵀ e to `out`: the local term ∂E_k/∂s_k of (lm-delta). */
function addLocal(params: Params, e: Float64Array, out: Float64Array): void {
  const { H, V, wY } = params;
  // out[j] += Σ_v W_y[v][j] e[v]
  for (let v = 0; v < V; v++) {
    const ev = e[v];
    const row = v * H;
    for (let j = 0; j < H; j++) out[j] += wY[row + j] * ev;
  }
}

/** Adds ∂E/∂W_y += e_k s_kᵀ and ∂E/∂b_y += e_k to `grads`   (lm-grad-output). */
function addOutputGradients(params: Params, e: Float64Array, sk: Float64Array, grads: LmWeights): void {
  const { H, V } = params;
  for (let v = 0; v < V; v++) {
    const ev = e[v];
    const row = v * H;
    grads.bY[v] += ev;
    for (let j = 0; j < H; j++) grads.wY[row + j] += ev * sk[j];
  }
}

/**
 * Step k of full BPTT, k = n down to 1. On entry delta[k] holds the recurrent term W_recᵀ (f'(a_{k+1}) ⊙ δ_{k+1}),
 * written by step k + 1 (zeros at k = n). Writes e_k into `e` (length V) and completes δ_k = W_yᵀ e_k + delta[k]
 * (lm-output-error, lm-delta); adds step k's gradients to `grads` (lm-grad-output, lm-grad-state), writes
 * δa_k = f'(a_k) ⊙ δ_k into `g` (length H) and W_recᵀ δa_k into delta[k − 1]. Unchecked, for hot loops.
 */
export function lmBackwardStep(params: Params, fwd: LmForward, k: number, delta: Float64Array[], grads: LmWeights, e: Float64Array, g: Float64Array): void {
  const { tokens, s, y } = fwd;
  outputError(y[k], tokens[k], e);
  addLocal(params, e, delta[k]);
  addOutputGradients(params, e, s[k], grads);
  rnnStepBackward(params, s[k - 1], s[k], tokens[k - 1], delta[k], g, grads, delta[k - 1]);
}

/**
 * Adds ∂E/∂θ of one sentence to `grads` (accumulates, does not reset) and returns δ_0 … δ_n,
 * from a forward pass `fwd` of the same parameters. The state layer's backward step (δa_k = f'(a_k) ⊙ δ_k,
 * its weight gradients and W_recᵀ δa_k) is `rnnStepBackward`, shared with the adding problem's RNN.
 */
export function lmBackward(params: Params, fwd: LmForward, grads: LmWeights, options: BackwardOptions = {}): Float64Array[] {
  const { truncation } = options;
  checkTruncation(truncation);
  const { H, V } = params;
  const { n, tokens, s, y } = fwd;
  const delta: Float64Array[] = [];
  for (let k = 0; k <= n; k++) delta.push(new Float64Array(H));
  const e = new Float64Array(V);
  const g = new Float64Array(H);
  const carried = new Float64Array(H);
  const c = new Float64Array(H);

  if (truncation === undefined || truncation > n) {
    // δ_k = W_yᵀ e_k + W_recᵀ (f'(a_{k+1}) ⊙ δ_{k+1}),  δ_{n+1} = 0   (lm-delta), for k = n down to 1
    for (let k = n; k >= 1; k--) lmBackwardStep(params, fwd, k, delta, grads, e, g);
  } else {
    // δ_k = Σ_{j=k}^{k+τ−1} ∂E_j/∂s_k: for each E_j, start from W_yᵀ e_j at k = j and carry back while k > j − τ + 1
    for (let j = n; j >= 1; j--) {
      outputError(y[j], tokens[j], e);
      c.fill(0);
      addLocal(params, e, c);
      const kMin = Math.max(j - truncation + 1, 0);
      for (let k = j; k >= kMin; k--) {
        for (let i = 0; i < H; i++) delta[k][i] += c[i];
        if (k > kMin) {
          // carried = W_recᵀ (f'(a_k) ⊙ c): the carry alone, no gradients
          rnnStepBackward(params, s[k - 1], s[k], tokens[k - 1], c, g, null, carried);
          c.set(carried);
        }
      }
    }
    // the gradients (lm-grad-output, lm-grad-state) from the truncated δ_1 … δ_n
    for (let k = n; k >= 1; k--) {
      outputError(y[k], tokens[k], e);
      addOutputGradients(params, e, s[k], grads);
      rnnStepBackward(params, s[k - 1], s[k], tokens[k - 1], delta[k], g, grads, null);
    }
  }
  return delta;
}

/** Loss E, gradients ∂E/∂θ and δ_0 … δ_n of one sentence t_0 … t_n (forward pass, then BPTT). */
export function lmGradients(params: Params, tokens: readonly number[], options: BackwardOptions = {}): LmGradients {
  checkTruncation(options.truncation);
  const forward = lmForward(params, tokens);
  const grads = zeroWeights(params.H, params.V);
  const delta = lmBackward(params, forward, grads, options);
  return { loss: forward.loss, grads, delta, forward };
}
