import { countingTargets } from './countingTargets.ts';
import { forwardInto } from './forwardInto.ts';
import type { Objective } from './objective.ts';
import { sequenceError } from './sequenceError.ts';
import type { Weights } from './weights.ts';
import { assertObjective, assertSequence, assertTargets, assertWeights, sequenceLength } from './validate.ts';

/** The error E of one sequence: ½ (s_n − t_n)² for 'final', Σ_{k=1..n} ½ (s_k − t_k)² for 'every-step'. */
export function loss(
  x: ArrayLike<number>,
  w: Weights,
  objective: Objective,
  t: ArrayLike<number> = countingTargets(x),
): number {
  const n = sequenceLength(x);
  assertWeights(w);
  assertObjective(objective);
  assertTargets(t, n);
  assertSequence(x);
  // s_k = s_{k-1} w_rec + x_k w_x   (forward);   E from s and t   (bptt-error-final, bptt-error-every-step)
  const s = forwardInto(x, w.wRec, w.wX, new Float64Array(n + 1));
  return sequenceError(s, t, n, objective);
}
