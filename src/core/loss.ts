import { countingTargets } from './countingTargets.ts';
import type { Objective } from './objective.ts';
import type { Weights } from './weights.ts';
import { assertObjective, assertTargets, assertWeights, sequenceLength, stepError } from './validate.ts';

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
  const { wRec, wX } = w;
  const everyStep = objective === 'every-step';
  let s = 0;
  let E = 0;
  // s_k = s_{k-1} w_rec + x_k w_x   (eq. 1);   E_k = ½ (s_k − t_k)²
  for (let k = 1; k <= n; k++) {
    const xk = x[k - 1];
    if (!Number.isFinite(xk)) throw stepError('x', k - 1, xk);
    s = s * wRec + xk * wX;
    if (everyStep) E += 0.5 * (s - t[k]) * (s - t[k]);
  }
  return everyStep ? E : 0.5 * (s - t[n]) * (s - t[n]);
}
