import type { BackpropResult } from '~/core';
import { firstNonFinite, lastNonFinite } from './overflow.ts';
import { LARGEST_DOUBLE, OVERFLOW_CURE } from './overflowMessage.ts';

/**
 * What overflowed in a backward pass, in words for the reader, or null when every state, delta and gradient is
 * finite. The cells show ∞ for a number too large to represent and "undefined" for ∞ − ∞ or ∞ × 0.
 */
export function gradientOverflow(r: BackpropResult): string | null {
  const shown = 'Numbers too large to represent are shown as ∞, and results of ∞ − ∞ or ∞ × 0 as "undefined".';
  const cure = `${OVERFLOW_CURE} to get finite numbers again.`;
  const sAt = firstNonFinite(r.s);
  if (sAt >= 0) {
    return `Overflow: the states grow by a factor of about |w_rec| per step and pass ${LARGEST_DOUBLE} at step ${sAt}, so the error and its gradient cannot be computed in floating point. ${shown} ${cure}`;
  }
  // δ_k is built from k = n down, so the first overflow in the pass is the largest index that is not finite.
  const deltaAt = lastNonFinite(r.delta, 1);
  if (deltaAt >= 0) {
    return `Overflow: the states are finite, but going back in time each δ_k adds w_rec times the next one, and δ_k passes ${LARGEST_DOUBLE} at step ${deltaAt}. ${shown} ${cure}`;
  }
  if (!Number.isFinite(r.dWRec) || !Number.isFinite(r.dWX)) {
    return `Overflow: every δ_k is finite, but their sum passes ${LARGEST_DOUBLE}. ${shown} ${cure}`;
  }
  return null;
}
