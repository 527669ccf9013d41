import type { Weights } from './weights.ts';
import { assertFinite, assertWeights, sequenceLength, stepError } from './validate.ts';

/** The states s_0..s_n of the linear recurrent network on input x (s_0 = s0, default 0). */
export function forward(x: ArrayLike<number>, w: Weights, s0 = 0): Float64Array {
  const n = sequenceLength(x);
  assertWeights(w);
  assertFinite(s0, 's0');
  const { wRec, wX } = w;
  const s = new Float64Array(n + 1);
  s[0] = s0;
  // s_k = s_{k-1} w_rec + x_k w_x   (eq. 1)
  for (let k = 1; k <= n; k++) {
    const xk = x[k - 1];
    if (!Number.isFinite(xk)) throw stepError('x', k - 1, xk);
    s[k] = s[k - 1] * wRec + xk * wX;
  }
  return s;
}
