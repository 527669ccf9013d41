/**
 * The running sums of a per-step array taken from the end: out[k] = terms[k] + terms[k+1] + … + terms[n].
 *
 * Added in the order backprop adds its gradient terms (k = n first), so for the exact pass
 * suffixSums(gradWRec)[1] equals dWRec and suffixSums(gradWX)[1] equals dWX to the last bit.
 */
export function suffixSums(terms: ArrayLike<number>): Float64Array {
  const n = terms.length - 1;
  const out = new Float64Array(terms.length);
  let sum = 0;
  // R_k = terms_k + R_{k+1},   R_{n+1} = 0
  for (let k = n; k >= 0; k--) {
    sum += terms[k];
    out[k] = sum;
  }
  return out;
}
