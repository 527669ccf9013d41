import { backwardInto } from './backwardInto.ts';
import { forwardInto } from './forwardInto.ts';
import type { Objective } from './objective.ts';
import { sequenceTargets } from './sequenceTargets.ts';
import type { Weights } from './weights.ts';
import { describeValue } from './validate.ts';

/** Options of {@link backprop}: `truncate` = τ, how many steps back each loss term E_j sends its error. */
export interface BackpropOptions {
  readonly truncate?: number;
}

/** Everything one forward and one backward pass compute; per-step arrays have length n + 1, index k = step k. */
export interface BackpropResult {
  /** s_0..s_n, the states (forward). */
  readonly s: Float64Array;
  /** t_0..t_n, the targets used. */
  readonly t: Float64Array;
  /** local[k] = ∂E_k/∂s_k, the direct term (for 'final' only local[n] is non-zero; local[0] = 0). */
  readonly local: Float64Array;
  /** delta[k] = δ_k = ∂E/∂s_k, the total derivative; delta[0] = ∂E/∂s_0. */
  readonly delta: Float64Array;
  /** gradWRec[k] = δ_k s_{k−1} (index 0 holds 0). */
  readonly gradWRec: Float64Array;
  /** gradWX[k] = δ_k x_k (index 0 holds 0). */
  readonly gradWX: Float64Array;
  /** The error E of the sequence. */
  readonly loss: number;
  /** ∂E/∂w_rec = Σ_k δ_k s_{k−1}   (bptt-grad-wrec). */
  readonly dWRec: number;
  /** ∂E/∂w_x = Σ_k δ_k x_k   (bptt-grad-wx). */
  readonly dWX: number;
}

/**
 * Backpropagation through time on one sequence: states, direct terms, deltas and weight gradients.
 *
 * Without `truncate` the gradient is exact: δ_k = ∂E_k/∂s_k + w_rec δ_{k+1}, δ_{n+1} = 0 (bptt-delta-recurrence), and
 * delta[0] = w_rec δ_1. With `truncate: τ` (an integer ≥ 1) each loss term E_j sends its error back at
 * most τ steps (truncated-delta): E_j contributes w_rec^{j−k} ∂E_j/∂s_j to δ_k only when j − τ < k ≤ j, for every k = 0..n
 * including delta[0]. So τ = 1 keeps only the direct term (δ_k = local[k]), τ ≥ n gives the exact
 * gradients and delta[1..n], and τ > n also the exact delta[0]. The loss is always the exact E.
 * `t` defaults to the counting targets t_k = x_1 + … + x_k.
 */
export function backprop(
  x: ArrayLike<number>,
  w: Weights,
  objective: Objective,
  t?: ArrayLike<number>,
  options: BackpropOptions = {},
): BackpropResult {
  const { n, targets } = sequenceTargets(x, w, objective, t);
  const tau = options?.truncate;
  if (tau !== undefined && (typeof tau !== 'number' || !Number.isInteger(tau) || tau < 1)) {
    throw new RangeError(`options.truncate must be an integer ≥ 1, got ${describeValue(tau)}`);
  }
  const { wRec, wX } = w;
  const everyStep = objective === 'every-step';
  // s_k = s_{k-1} w_rec + x_k w_x   (forward)
  const s = forwardInto(x, wRec, wX, new Float64Array(n + 1));

  const local = new Float64Array(n + 1);
  const delta = new Float64Array(n + 1);
  const gradWRec = new Float64Array(n + 1);
  const gradWX = new Float64Array(n + 1);

  if (tau === undefined || tau > n) {
    // δ_k = ∂E_k/∂s_k + w_rec δ_{k+1}   (bptt-delta-recurrence);   ∂E/∂w = Σ_k δ_k ∂s_k/∂w   (bptt-grad-wrec, bptt-grad-wx)
    const grad = new Float64Array(2);
    const E = backwardInto(x, s, targets, wRec, objective, grad, { local, delta, gradWRec, gradWX });
    return { s, t: targets, local, delta, gradWRec, gradWX, loss: E, dWRec: grad[0], dWX: grad[1] };
  }
  // ∂E_k/∂s_k = s_k − t_k (every step) or only at k = n (final)   (bptt-local), summed from k = n down as above
  let E = 0;
  for (let k = n; k >= (everyStep ? 1 : n); k--) {
    const e = s[k] - targets[k];
    local[k] = e;
    E += 0.5 * e * e;
  }
  truncatedDeltas(local, wRec, tau, delta);
  let dWRec = 0;
  let dWX = 0;
  // ∂E/∂w_rec ≈ Σ_k δ_k s_{k-1};   ∂E/∂w_x ≈ Σ_k δ_k x_k   (bptt-grad-wrec, bptt-grad-wx with the truncated δ_k)
  for (let k = 1; k <= n; k++) {
    const gRec = delta[k] * s[k - 1];
    const gX = delta[k] * x[k - 1];
    gradWRec[k] = gRec;
    gradWX[k] = gX;
    dWRec += gRec;
    dWX += gX;
  }
  return { s, t: targets, local, delta, gradWRec, gradWX, loss: E, dWRec, dWX };
}

/**
 * δ_k = Σ_{j=k}^{min(k+τ−1, n)} w_rec^{j−k} L_j for k = 0..n (L = local), written into `delta`   (truncated-delta).
 *
 * The steps 0..n are cut into blocks of τ. For k in block [a, e] the window k..k+τ−1 is the tail k..e of
 * its own block, computed by the exact recurrence S_k = L_k + w_rec S_{k+1}, plus a head e+1..k+τ−1 of the
 * next block, taken from that block's prefix sums P_m = Σ_{i<m} w_rec^i L_{e+1+i} and scaled by w_rec^{e+1−k}.
 * O(n) with no subtraction of large terms (a sliding window that subtracts w_rec^τ L_{k+τ} is unstable
 * for |w_rec| > 1).
 */
function truncatedDeltas(local: Float64Array, wRec: number, tau: number, delta: Float64Array): void {
  const n = local.length - 1;
  const P = new Float64Array(tau + 1); // prefix sums of the block after the current one
  let pLength = 0; // how many prefix sums P_1..P_pLength are valid (0 for the last block)
  const lastStart = Math.floor(n / tau) * tau;
  for (let a = lastStart; a >= 0; a -= tau) {
    const e = Math.min(a + tau - 1, n);
    let S = 0;
    let pw = 1;
    // S_k = L_k + w_rec S_{k+1};   δ_k = S_k + w_rec^{e+1−k} P_m with m = min(k+τ−1, n) − e
    for (let k = e; k >= a; k--) {
      S = local[k] + wRec * S;
      pw *= wRec;
      const m = Math.min(k + tau - 1, n) - e;
      const head = m > 0 && m <= pLength ? P[m] : 0;
      delta[k] = head === 0 ? S : S + pw * head;
    }
    // P_m = P_{m-1} + w_rec^{m-1} L_{a+m-1}: this block's prefix sums, for the block before it
    let q = 1;
    for (let m = 1; m <= e - a + 1; m++) {
      const L = local[a + m - 1];
      P[m] = L === 0 ? P[m - 1] : P[m - 1] + q * L;
      q *= wRec;
    }
    pLength = e - a + 1;
  }
}
