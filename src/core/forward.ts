import { forwardInto } from './forwardInto.ts';
import type { Weights } from './weights.ts';
import { assertFinite, assertSequence, assertWeights, sequenceLength } from './validate.ts';

/** The states s_0..s_n of the linear recurrent network on input x (s_0 = s0, default 0). */
export function forward(x: ArrayLike<number>, w: Weights, s0 = 0): Float64Array {
  const n = sequenceLength(x);
  assertWeights(w);
  assertFinite(s0, 's0');
  assertSequence(x);
  const s = new Float64Array(n + 1);
  s[0] = s0;
  // s_k = s_{k-1} w_rec + x_k w_x   (forward)
  return forwardInto(x, w.wRec, w.wX, s);
}
