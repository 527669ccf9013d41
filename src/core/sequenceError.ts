import type { Objective } from './objective.ts';

/**
 * The error E of one sequence from its states s_0..s_n and targets t_0..t_n: ½ (s_n − t_n)² for 'final',
 * Σ_{k=1..n} ½ (s_k − t_k)² for 'every-step', summed from k = 1 up. Unchecked: callers check their arguments.
 */
export function sequenceError(s: ArrayLike<number>, t: ArrayLike<number>, n: number, objective: Objective): number {
  // E = ½ (s_n − t_n)²   (bptt-error-final)
  if (objective !== 'every-step') return 0.5 * (s[n] - t[n]) * (s[n] - t[n]);
  let E = 0;
  // E = Σ_k E_k,   E_k = ½ (s_k − t_k)²   (bptt-error-every-step)
  for (let k = 1; k <= n; k++) E += 0.5 * (s[k] - t[k]) * (s[k] - t[k]);
  return E;
}
