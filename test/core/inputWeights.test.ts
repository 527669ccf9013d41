import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forward, inputWeights } from '~/core';

describe('inputWeights', () => {
  it('inputWeights(0.5, 2, 3) is the hand-worked [0, 0.5, 1, 2]', () => {
    // a_k = w_x w_rec^{n−k}: 2 · 0.25, 2 · 0.5, 2 · 1
    expect(Array.from(inputWeights(0.5, 2, 3))).toEqual([0, 0.5, 1, 2]);
  });

  it('is exactly 0 everywhere for w_x = 0, even where w_rec^{n−k} overflows', () => {
    const a = inputWeights(3, 0, 1000);
    expect(a.every((value) => value === 0)).toBe(true);
  });

  it('overflows to ∞ (never NaN) for large w_rec and long sequences', () => {
    const a = inputWeights(3, 1, 1000);
    expect(a[1]).toBe(Infinity);
    expect(a.some(Number.isNaN)).toBe(false);
  });

  it('Σ_k a_k x_k equals forward()’s s_n within relative 1e-12 (the closed form)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 1, maxLength: 50 }),
        fc.double({ min: -1.5, max: 1.5, noNaN: true }),
        fc.double({ min: -1.5, max: 1.5, noNaN: true }),
        (x, wRec, wX) => {
          const a = inputWeights(wRec, wX, x.length);
          const closed = x.reduce((sum, xk, i) => sum + a[i + 1] * xk, 0);
          const sn = forward(x, { wRec, wX })[x.length];
          expect(Math.abs(closed - sn)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(sn)));
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });

  it('refuses a non-finite w_x with a RangeError naming it', () => {
    expect(() => inputWeights(1, NaN, 3)).toThrow(RangeError);
    expect(() => inputWeights(1, NaN, 3)).toThrow(/wX/);
  });
});
