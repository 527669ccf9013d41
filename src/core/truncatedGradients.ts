import { forwardInto } from './forwardInto.ts';
import type { Objective } from './objective.ts';
import { sequenceTargets } from './sequenceTargets.ts';
import type { Weights } from './weights.ts';

/** The truncated gradients for every window: index τ = 1..n holds backprop's with `truncate: τ` (index 0 holds 0). */
export interface TruncatedGradients {
  /** dWRec[τ] = ∂E/∂w_rec of truncated BPTT with window τ; dWRec[n] is the exact gradient. */
  readonly dWRec: Float64Array;
  /** dWX[τ] = ∂E/∂w_x of truncated BPTT with window τ; dWX[n] is the exact gradient. */
  readonly dWX: Float64Array;
}

/**
 * ∂E/∂w_rec and ∂E/∂w_x of truncated BPTT for every window τ = 1..n in one pass, as {@link backprop} with
 * `{ truncate: τ }` gives them one window at a time.
 *
 * The window τ keeps the paths from E_j back to step k = j − τ + 1 that window τ − 1 did not, so
 * g(τ) = g(τ − 1) + Σ_{j=τ}^{n} w_rec^{τ−1} ∂E_j/∂s_j ∂s_k/∂w   (truncated-delta, bptt-grad-wrec, bptt-grad-wx)
 * with ∂s_k/∂w_rec = s_{k−1} and ∂s_k/∂w_x = x_k. The factors w_rec^{τ−1} ∂E_j/∂s_j are carried from one τ to the
 * next, never formed as a power and a product, so they overflow only where a kept path does. 'final' scores
 * only E_n: O(n); 'every-step': n(n + 1)/2 multiply-adds. `t` defaults to the counting targets.
 */
export function truncatedGradients(x: ArrayLike<number>, w: Weights, objective: Objective, t?: ArrayLike<number>): TruncatedGradients {
  const { n, targets } = sequenceTargets(x, w, objective, t);
  const { wRec, wX } = w;
  const everyStep = objective === 'every-step';
  // s_k = s_{k-1} w_rec + x_k w_x   (forward)
  const s = forwardInto(x, wRec, wX, new Float64Array(n + 1));
  // carried[j] = w_rec^{τ−1} ∂E_j/∂s_j, starting from ∂E_j/∂s_j = s_j − t_j where E scores step j   (bptt-local)
  const carried = new Float64Array(n + 1);
  for (let j = everyStep ? 1 : n; j <= n; j++) carried[j] = s[j] - targets[j];
  const dWRec = new Float64Array(n + 1);
  const dWX = new Float64Array(n + 1);
  let gRec = 0;
  let gX = 0;
  for (let tau = 1; tau <= n; tau++) {
    // the paths of length τ − 1: from E_j back to k = j − τ + 1, for j = τ..n
    for (let j = everyStep ? tau : n; j <= n; j++) {
      const c = carried[j];
      if (c === 0) continue;
      const k = j - tau + 1;
      // a zero factor adds nothing, even to an overflowed path (∞ · 0 would be NaN)
      if (s[k - 1] !== 0) gRec += c * s[k - 1];
      if (x[k - 1] !== 0) gX += c * x[k - 1];
      carried[j] = c * wRec;
    }
    dWRec[tau] = gRec;
    dWX[tau] = gX;
  }
  return { dWRec, dWX };
}
