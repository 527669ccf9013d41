import { countingTargets } from './countingTargets.ts';
import type { Objective } from './objective.ts';
import type { Weights } from './weights.ts';
import { assertObjective, assertSequence, assertTargets, assertWeights, sequenceLength } from './validate.ts';

/**
 * Checks the arguments every gradient of one sequence takes (x, w, the objective and optional targets t_0..t_n) and
 * returns n with the targets: t as given, or the counting targets t_k = x_1 + … + x_k. Every x_k is checked either way.
 */
export function sequenceTargets(x: ArrayLike<number>, w: Weights, objective: Objective, t?: ArrayLike<number>): { n: number; targets: Float64Array } {
  const n = sequenceLength(x);
  assertWeights(w);
  assertObjective(objective);
  if (t !== undefined) assertTargets(t, n);
  // t_k = t_{k-1} + x_k   (targets), which checks each x_k as it goes
  if (t === undefined) return { n, targets: countingTargets(x) };
  assertSequence(x);
  return { n, targets: Float64Array.from(t) };
}
