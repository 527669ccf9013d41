import { countingTargets } from './countingTargets.ts';
import { loss } from './loss.ts';
import type { Objective } from './objective.ts';
import type { Weights } from './weights.ts';
import { assertPositive, assertWeights } from './validate.ts';

/** The default relative step of {@link numericalGradient}: h = 1e-5, scaled by max(1, |w_i|). */
export const NUMERICAL_GRADIENT_STEP = 1e-5;

/**
 * ∂E/∂w_rec and ∂E/∂w_x by central differences, (E(w_i + h_i) − E(w_i − h_i)) / (2 h_i), independent of backprop.
 * The step for each weight is h_i = h · max(1, |w_i|) (default h = 1e-5): its truncation error is O(h_i²)
 * and its rounding error about 1e-16 · E / h_i, so roughly 1e-8 relative for moderate sequences.
 */
export function numericalGradient(
  x: ArrayLike<number>,
  w: Weights,
  objective: Objective,
  t: ArrayLike<number> = countingTargets(x),
  h = NUMERICAL_GRADIENT_STEP,
): { dWRec: number; dWX: number } {
  assertWeights(w);
  assertPositive(h, 'h');
  const { wRec, wX } = w;
  const hRec = h * Math.max(1, Math.abs(wRec));
  const hX = h * Math.max(1, Math.abs(wX));
  // ∂E/∂w ≈ (E(w + h) − E(w − h)) / 2h   (bptt-central-difference)
  const dWRec = (loss(x, { wRec: wRec + hRec, wX }, objective, t) - loss(x, { wRec: wRec - hRec, wX }, objective, t)) / (2 * hRec);
  const dWX = (loss(x, { wRec, wX: wX + hX }, objective, t) - loss(x, { wRec, wX: wX - hX }, objective, t)) / (2 * hX);
  return { dWRec, dWX };
}
