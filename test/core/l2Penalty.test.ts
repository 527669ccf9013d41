import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { l2Penalty } from '~/core/l2Penalty.ts';
import { weight } from './arbitraries';

describe('l2Penalty', () => {
  it('l2Penalty((3, 4), λ = 2) = λ/2 ‖w‖² = 25 with gradient λ w = (6, 8) by hand', () => {
    expect(l2Penalty({ wRec: 3, wX: 4 }, 2)).toEqual({ loss: 25, dWRec: 6, dWX: 8 });
  });

  it('l2Penalty(w, 0) is exactly 0, even where w² overflows (no 0 · ∞ = NaN)', () => {
    expect(l2Penalty({ wRec: 1e200, wX: -1e200 }, 0)).toEqual({ loss: 0, dWRec: 0, dWX: 0 });
  });

  it('l2Penalty’s gradient matches central differences of its value (error ≤ 1e-8 · (|λ w_rec| + λ + 1))', () => {
    // Tolerance: the value is a quadratic, so central differences have no truncation error; only rounding,
    // about 1e-16 · value / h with h = 1e-5 · max(1, |w|), remains: well below 1e-8 of the gradient plus a 1e-8 floor.
    fc.assert(
      fc.property(weight, weight, fc.double({ min: 0, max: 10, noNaN: true }), (wRec, wX, penalty) => {
        const p = l2Penalty({ wRec, wX }, penalty);
        const h = 1e-5 * Math.max(1, Math.abs(wRec));
        const num = (l2Penalty({ wRec: wRec + h, wX }, penalty).loss - l2Penalty({ wRec: wRec - h, wX }, penalty).loss) / (2 * h);
        expect(Math.abs(p.dWRec - num)).toBeLessThanOrEqual(1e-8 * (Math.abs(p.dWRec) + penalty + 1));
      }),
      { seed: 2, numRuns: 200 },
    );
  });
});
