import type { BackpropResult } from '~/core';
import { firstNonFinite } from '~/notebook/overflow.ts';

/**
 * What overflowed in a backward pass, in words for the reader, or null when every state, delta and gradient is
 * finite. The cells show ∞ for a number too large to represent and "undefined" for ∞ − ∞ or ∞ × 0.
 */
export function gradientOverflow(r: BackpropResult): string | null {
  const n = r.s.length - 1;
  const largest = 'the largest number a double can hold (about 1.8 × 10³⁰⁸)';
  const cure = 'Make |w_rec| smaller or the sequence shorter to get finite numbers again.';
  const shown = 'Numbers too large to represent are shown as ∞, and results of ∞ − ∞ or ∞ × 0 as "undefined".';
  const sAt = firstNonFinite(r.s);
  if (sAt >= 0) {
    return `Overflow: the states grow by a factor of about |w_rec| per step and pass ${largest} at step ${sAt}, so the error and its gradient cannot be computed in floating point. ${shown} ${cure}`;
  }
  // δ_k is built from k = n down, so the first overflow in the pass is the largest index that is not finite.
  let deltaAt = -1;
  for (let k = n; k >= 1; k--) {
    if (!Number.isFinite(r.delta[k])) {
      deltaAt = k;
      break;
    }
  }
  if (deltaAt >= 0) {
    return `Overflow: the states are finite, but going back in time each δ_k adds w_rec times the next one, and δ_k passes ${largest} at step ${deltaAt}. ${shown} ${cure}`;
  }
  if (!Number.isFinite(r.dWRec) || !Number.isFinite(r.dWX)) {
    return `Overflow: every δ_k is finite, but their sum passes ${largest}. ${shown} ${cure}`;
  }
  return null;
}
