import { sequenceLength, stepError } from './validate.ts';

/** The counting task's targets t_0..t_n: t_0 = 0 and t_k = x_1 + … + x_k (the running sum). */
export function countingTargets(x: ArrayLike<number>): Float64Array {
  const n = sequenceLength(x);
  const t = new Float64Array(n + 1);
  // t_k = t_{k-1} + x_k   (targets)
  for (let k = 1; k <= n; k++) {
    const xk = x[k - 1];
    if (!Number.isFinite(xk)) throw stepError('x', k - 1, xk);
    t[k] = t[k - 1] + xk;
  }
  return t;
}
