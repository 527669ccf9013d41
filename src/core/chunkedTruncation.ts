import type { BackpropResult } from './backprop.ts';
import { backwardInto } from './backwardInto.ts';
import { forwardInto } from './forwardInto.ts';
import type { Objective } from './objective.ts';
import { sequenceTargets } from './sequenceTargets.ts';
import type { TruncatedGradients } from './truncatedGradients.ts';
import type { Weights } from './weights.ts';
import { describeValue } from './validate.ts';

/**
 * Truncated BPTT as it is practised (min-char-rnn, d2l): the whole sequence runs forward carrying its state, and
 * the backward pass runs only within consecutive chunks of τ steps, 1..τ, τ+1..2τ, …, the last one possibly shorter.
 * The state entering a chunk is treated as a constant, so chunk c's errors reach only the steps of chunk c:
 * δ_k = Σ_{j=k}^{e} w_rec^{j−k} ∂E_j/∂s_j with e the last step of k's chunk, computed by the recurrence
 * δ_k = ∂E_k/∂s_k + w_rec δ_{k+1} restarted from δ_{e+1} = 0 at each chunk's end. Compare {@link backprop} with
 * `truncate: τ`, where every error looks back τ steps from where it is scored, whichever chunk that falls in.
 *
 * Returns what {@link backprop} returns: states, targets, direct terms, deltas, per-step gradient terms, the exact
 * loss E and ∂E/∂w summed from k = n down. delta[0] = w_rec δ_1 is the error the first chunk sends to s_0, where its
 * backward pass stops. τ ≥ n is one chunk: full BPTT, equal to backprop's; τ = 1 keeps only the direct terms.
 * `t` defaults to the counting targets t_k = x_1 + … + x_k.
 */
export function chunkedGradients(
  x: ArrayLike<number>,
  w: Weights,
  objective: Objective,
  tau: number,
  t?: ArrayLike<number>,
): BackpropResult {
  const { n, targets } = sequenceTargets(x, w, objective, t);
  if (typeof tau !== 'number' || !Number.isInteger(tau) || tau < 1) {
    throw new RangeError(`tau must be an integer ≥ 1, got ${describeValue(tau)}`);
  }
  // s_k = s_{k-1} w_rec + x_k w_x   (forward), carried across the chunks
  const s = forwardInto(x, w.wRec, w.wX, new Float64Array(n + 1));
  const buffers = { local: new Float64Array(n + 1), delta: new Float64Array(n + 1), gradWRec: new Float64Array(n + 1), gradWX: new Float64Array(n + 1) };
  const grad = new Float64Array(2);
  // δ_k = ∂E_k/∂s_k + w_rec δ_{k+1} within a chunk, δ_{k+1} = 0 when step k ends its chunk   (chunked-delta)
  const E = backwardInto(x, s, targets, w.wRec, objective, grad, buffers, tau);
  return { s, t: targets, ...buffers, loss: E, dWRec: grad[0], dWX: grad[1] };
}

/**
 * ∂E/∂w_rec and ∂E/∂w_x of chunked truncation for every chunk length τ = 1..n, in the shape of
 * {@link truncatedGradients}: index τ holds {@link chunkedGradients} with that τ (index 0 holds 0; index n is the exact
 * gradient). One forward pass, then an O(n) backward pass per τ without allocation: O(n²) in all.
 */
export function chunkedTruncatedGradients(x: ArrayLike<number>, w: Weights, objective: Objective, t?: ArrayLike<number>): TruncatedGradients {
  const { n, targets } = sequenceTargets(x, w, objective, t);
  const { wRec, wX } = w;
  const everyStep = objective === 'every-step';
  // s_k = s_{k-1} w_rec + x_k w_x   (forward);   local[k] = ∂E_k/∂s_k = s_k − t_k where E scores step k   (bptt-local)
  const s = forwardInto(x, wRec, wX, new Float64Array(n + 1));
  const local = new Float64Array(n + 1);
  for (let k = everyStep ? 1 : n; k <= n; k++) local[k] = s[k] - targets[k];
  const dWRec = new Float64Array(n + 1);
  const dWX = new Float64Array(n + 1);
  for (let tau = 1; tau <= n; tau++) {
    let gRec = 0;
    let gX = 0;
    let deltaNext = 0;
    // δ_k = ∂E_k/∂s_k + w_rec δ_{k+1} within a chunk, restarted at each chunk's end, summed from k = n down as in chunkedGradients
    for (let k = n; k >= 1; k--) {
      if (k % tau === 0) deltaNext = 0;
      const d = local[k] + wRec * deltaNext;
      gRec += d * s[k - 1];
      gX += d * x[k - 1];
      deltaNext = d;
    }
    dWRec[tau] = gRec;
    dWX[tau] = gX;
  }
  return { dWRec, dWX };
}
