import { describe, expect, it } from 'vitest';
import { numericalGradient, relativeError } from '~/core';

describe('numericalGradient', () => {
  it("numericalGradient([1, 1], (0.5, 2), 'every-step') ≈ (2, 2.5), the hand-worked gradient (relative error ≤ 1e-9)", () => {
    // E(w) = ½(w_x − 1)² + ½(w_x (w_rec + 1) − 2)² is a polynomial of degree 2 in w_x and in w_rec, so
    // central differences are exact up to rounding
    const g = numericalGradient([1, 1], { wRec: 0.5, wX: 2 }, 'every-step');
    expect(relativeError(g.dWRec, 2)).toBeLessThanOrEqual(1e-9);
    expect(relativeError(g.dWX, 2.5)).toBeLessThanOrEqual(1e-9);
  });

  it('numericalGradient with an explicit h uses it (a cubic shows the O(h²) error)', () => {
    // x = [1, 1, 0], w = (1, 1): s_3 = w_rec² + w_rec, t_3 = 2, so E(w_rec) = ½(w_rec² + w_rec − 2)² and E'(1) = 0.
    // With h = 0.1: (E(1.1) − E(0.9)) / 0.2 = (½·0.31² − ½·0.29²) / 0.2 = 0.03, the O(h²) error; the default h is far smaller.
    const coarse = numericalGradient([1, 1, 0], { wRec: 1, wX: 1 }, 'final', undefined, 0.1);
    const fine = numericalGradient([1, 1, 0], { wRec: 1, wX: 1 }, 'final');
    expect(relativeError(coarse.dWRec, 0.03)).toBeLessThanOrEqual(1e-9);
    expect(Math.abs(fine.dWRec)).toBeLessThan(1e-8);
  });
});
