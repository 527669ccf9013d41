/**
 * The forward kernel: writes s_1..s_n into `s` from the s_0 already in s[0], n = x.length (s may be longer; the rest
 * is left as it was). Returns `s`. Unchecked: callers check x and the weights first.
 */
export function forwardInto(x: ArrayLike<number>, wRec: number, wX: number, s: Float64Array): Float64Array {
  const n = x.length;
  let sk = s[0]; // s_{k-1}, kept in a local so that each step waits on arithmetic only, not on a store and load
  // s_k = s_{k-1} w_rec + x_k w_x   (forward)
  for (let k = 1; k <= n; k++) {
    sk = sk * wRec + x[k - 1] * wX;
    s[k] = sk;
  }
  return s;
}
