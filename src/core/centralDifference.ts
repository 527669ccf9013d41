import { assertInteger, assertPositive, describeValue } from './validate.ts';

/** The default relative step of {@link centralDifference}: h = 1e-3, scaled by max(1, |w_i|). */
export const CENTRAL_DIFFERENCE_STEP = 1e-3;

/**
 * ∂E/∂w[i] by central differences with Richardson's correction, for a loss E that reads the block `w` when called:
 * D(h) = (E(w_i + h) − E(w_i − h)) / 2h, then (4 D(h) − D(2h)) / 3, whose h² errors cancel (lstm-check-richardson).
 * The step is h · max(1, |w_i|) (default h = 1e-3): truncation error O(h⁴) ≈ 1e-12, rounding about 1e-16 · |E| / h.
 * w[i] is restored exactly afterwards.
 */
export function centralDifference(loss: () => number, w: Float64Array, i: number, h = CENTRAL_DIFFERENCE_STEP): number {
  if (typeof loss !== 'function') throw new RangeError(`loss must be a function returning E, got ${describeValue(loss)}`);
  if (!(w instanceof Float64Array)) throw new RangeError(`w must be a Float64Array, got ${describeValue(w)}`);
  assertInteger(i, 'i', 0, w.length - 1);
  assertPositive(h, 'h');
  const w0 = w[i];
  const step = h * Math.max(1, Math.abs(w0));
  const at = (offset: number): number => {
    w[i] = w0 + offset;
    const value = loss();
    w[i] = w0;
    return value;
  };
  // D(h) = (E(w + h) − E(w − h)) / 2h   (bptt-central-difference), at h and at 2h
  const dH = (at(step) - at(-step)) / (2 * step);
  const d2H = (at(2 * step) - at(-2 * step)) / (4 * step);
  // ∂E/∂w ≈ (4 D(h) − D(2h)) / 3   (lstm-check-richardson)
  return (4 * dH - d2H) / 3;
}
