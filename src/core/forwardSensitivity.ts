import type { Objective } from './objective.ts';
import { sequenceTargets } from './sequenceTargets.ts';
import { sequenceError } from './sequenceError.ts';
import type { Weights } from './weights.ts';

/** What {@link forwardSensitivity} computes; per-step arrays have length n + 1, index k = step k. */
export interface ForwardSensitivityResult {
  /** s_0..s_n, the states. */
  readonly s: Float64Array;
  /** t_0..t_n, the targets used. */
  readonly t: Float64Array;
  /** local[k] = ∂E_k/∂s_k = s_k − t_k, the direct term (for 'final' only local[n] is non-zero; local[0] = 0). */
  readonly local: Float64Array;
  /** sigmaRec[k] = σ_k^rec = ∂s_k/∂w_rec, the total sensitivity of the state to w_rec (sigmaRec[0] = 0). */
  readonly sigmaRec: Float64Array;
  /** sigmaX[k] = σ_k^x = ∂s_k/∂w_x (sigmaX[0] = 0). */
  readonly sigmaX: Float64Array;
  /** termWRec[k] = local[k] σ_k^rec, step k's share of ∂E/∂w_rec in the forward reading (index 0 holds 0). */
  readonly termWRec: Float64Array;
  /** termWX[k] = local[k] σ_k^x (index 0 holds 0). */
  readonly termWX: Float64Array;
  /** The error E of the sequence. */
  readonly loss: number;
  /** ∂E/∂w_rec = Σ_k (∂E_k/∂s_k) σ_k^rec   (forward-grad). */
  readonly dWRec: number;
  /** ∂E/∂w_x = Σ_k (∂E_k/∂s_k) σ_k^x   (forward-grad). */
  readonly dWX: number;
}

/**
 * Forward mode (real-time recurrent learning, Williams & Zipser 1989): the exact gradient of E in one pass forward in
 * time, with no backward pass. Beside each state it carries the state's total sensitivity to each weight,
 *
 *   σ_k^rec = ∂s_k/∂w_rec = s_{k−1} + w_rec σ_{k−1}^rec,   σ_k^x = ∂s_k/∂w_x = x_k + w_rec σ_{k−1}^x,   σ_0 = 0
 *                                                                                    (forward-sensitivity)
 * (differentiate s_k = s_{k−1} w_rec + x_k w_x: the weight acts directly, and through s_{k−1}), and adds each error's
 * share as soon as the error is known: ∂E/∂w = Σ_k (∂E_k/∂s_k) σ_k (forward-grad). For one unit this is the same work
 * per step as backpropagation through time, and needs only the current σ, not the past states. The arrays kept here
 * are for showing each step. `t` defaults to the counting targets t_k = x_1 + … + x_k, as in `backprop`.
 */
export function forwardSensitivity(x: ArrayLike<number>, w: Weights, objective: Objective, t?: ArrayLike<number>): ForwardSensitivityResult {
  const { n, targets } = sequenceTargets(x, w, objective, t);
  const { wRec, wX } = w;
  const everyStep = objective === 'every-step';
  const s = new Float64Array(n + 1);
  const local = new Float64Array(n + 1);
  const sigmaRec = new Float64Array(n + 1);
  const sigmaX = new Float64Array(n + 1);
  const termWRec = new Float64Array(n + 1);
  const termWX = new Float64Array(n + 1);
  let dWRec = 0;
  let dWX = 0;
  for (let k = 1; k <= n; k++) {
    const xk = x[k - 1];
    // σ_k^rec = s_{k−1} + w_rec σ_{k−1}^rec,   σ_k^x = x_k + w_rec σ_{k−1}^x   (forward-sensitivity)
    sigmaRec[k] = s[k - 1] + wRec * sigmaRec[k - 1];
    sigmaX[k] = xk + wRec * sigmaX[k - 1];
    // s_k = s_{k−1} w_rec + x_k w_x   (forward)
    s[k] = s[k - 1] * wRec + xk * wX;
    if (everyStep || k === n) {
      // ∂E_k/∂s_k = s_k − t_k for E_k = ½ (s_k − t_k)²   (bptt-local)
      const e = s[k] - targets[k];
      local[k] = e;
      // ∂E/∂w = Σ_k (∂E_k/∂s_k) σ_k   (forward-grad)
      termWRec[k] = e * sigmaRec[k];
      termWX[k] = e * sigmaX[k];
      dWRec += termWRec[k];
      dWX += termWX[k];
    }
  }
  return { s, t: targets, local, sigmaRec, sigmaX, termWRec, termWX, loss: sequenceError(s, targets, n, objective), dWRec, dWX };
}
