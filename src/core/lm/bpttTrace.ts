/**
 * Backpropagation through time for the vector language model, one step at a time: what the backward pass of
 * `lmGradients` holds at each step k = n, n − 1, …, 1, in the order it visits them.
 *
 *   e_k  = y_k − onehot(t_k)                                   (lm-output-error)
 *   δ_k  = ∂E/∂s_k = W_yᵀ e_k + W_recᵀ δa_{k+1},  δ_{n+1} = 0    (lm-delta)
 *   δa_k = ∂E/∂a_k = f'(a_k) ⊙ δ_k,  f'(a_k) = 1 − s_k² (tanh) or 1 (identity)
 *   Σ_{j=k}^{n} δa_j s_{j-1}ᵀ, δa_j x_jᵀ, δa_j                     (lm-grad-state, summed over steps n … k)
 *   Σ_{j=k}^{n} e_j s_jᵀ, e_j                                      (lm-grad-output, summed over steps n … k)
 *
 * Each step is the core's own backward step (`lmBackwardStep`), so the sums after step 1 are `lmGradients`' grads.
 */
import { lmBackwardStep } from './backward.ts';
import { lmForward, type LmForward } from './forward.ts';
import { zeroWeights, type LmWeights, type Params } from './params.ts';

/** The quantities of one step k of the backward pass. */
export interface LmBpttStep {
  /** The step k (1 ≤ k ≤ n). */
  readonly k: number;
  /** e_k = y_k − onehot(t_k), length V   (lm-output-error). */
  readonly outputError: Float64Array;
  /** δ_k = ∂E/∂s_k, length H   (lm-delta). */
  readonly delta: Float64Array;
  /** f'(a_k): 1 − s_k² for tanh, 1 for the identity, length H. */
  readonly derivative: Float64Array;
  /** δa_k = ∂E/∂a_k = f'(a_k) ⊙ δ_k, length H. */
  readonly deltaA: Float64Array;
  /** The gradients summed over steps n … k: ∂E/∂W_x, ∂E/∂W_rec, ∂E/∂b (lm-grad-state) and ∂E/∂W_y, ∂E/∂b_y (lm-grad-output). */
  readonly sums: LmWeights;
}

/** The backward pass of one sentence, step by step. */
export interface LmBpttTrace {
  /** Number of predictions n (tokens.length − 1). */
  readonly n: number;
  /** E = Σ_k −log y_k[t_k]. */
  readonly loss: number;
  /** The forward pass the trace runs back through. */
  readonly forward: LmForward;
  /** steps[i] is step k = n − i: steps[0] is k = n, the first visited; steps[n − 1] is k = 1. */
  readonly steps: LmBpttStep[];
}

/** The backward pass of full BPTT over a sentence's tokens t_0 … t_n (n ≥ 1), with what it holds after each step k = n … 1. */
export function lmBpttTrace(params: Params, tokens: readonly number[]): LmBpttTrace {
  const forward = lmForward(params, tokens);
  const { H, V } = params;
  const { n, s } = forward;
  const tanh = params.activation === 'tanh';
  const delta: Float64Array[] = [];
  for (let k = 0; k <= n; k++) delta.push(new Float64Array(H));
  const grads = zeroWeights(H, V);
  const steps: LmBpttStep[] = [];
  for (let k = n; k >= 1; k--) {
    const outputError = new Float64Array(V);
    const deltaA = new Float64Array(H);
    lmBackwardStep(params, forward, k, delta, grads, outputError, deltaA);
    // f'(a_k) = 1 − s_k² (s_k = tanh a_k): the factor lmBackwardStep multiplied δ_k by
    const derivative = new Float64Array(H);
    for (let i = 0; i < H; i++) derivative[i] = tanh ? 1 - s[k][i] * s[k][i] : 1;
    const sums: LmWeights = { wRec: grads.wRec.slice(), wX: grads.wX.slice(), b: grads.b.slice(), wY: grads.wY.slice(), bY: grads.bY.slice() };
    steps.push({ k, outputError, delta: delta[k].slice(), derivative, deltaA, sums });
  }
  return { n, loss: forward.loss, forward, steps };
}
