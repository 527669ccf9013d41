import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backprop } from '~/core';
import { suffixSums } from '~/core/suffixSums.ts';
import { bits, weight } from './arbitraries.ts';

describe('suffixSums', () => {
  it.each([
    // empty array: no sums
    [[], []],
    // one term: the term itself
    [[2], [2]],
    // the gradWRec terms of x = 1101, w = (0.5, 1), every step, worked by hand in chapter 5:
    // δ_k s_{k−1} = 0, −1.53125, −3.09375, −1.21875 for k = 1..4
    [[0, 0, -1.53125, -3.09375, -1.21875], [-5.84375, -5.84375, -5.84375, -4.3125, -1.21875]],
  ])('suffixSums(%j) = %j', (terms, expected) => {
    expect(Array.from(suffixSums(terms))).toEqual(expected);
  });

  it('suffixSums(terms)[k] matches the sum of terms[k..n] added from the front (relative tolerance 1e-12)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 60 }), (terms) => {
        const out = suffixSums(terms);
        const scale = terms.reduce((a, v) => a + Math.abs(v), 0);
        for (let k = 0; k < terms.length; k++) {
          let direct = 0;
          for (let j = k; j < terms.length; j++) direct += terms[j];
          // Relative to the sum of magnitudes: cancellation makes a relative error of the sum itself meaningless.
          expect(Math.abs(out[k] - direct)).toBeLessThanOrEqual(1e-12 * Math.max(scale, 1e-300));
        }
      }),
      { seed: 5, numRuns: 200 },
    );
  });

  it('suffixSums(backprop(...).gradWRec)[1] equals dWRec and gradWX likewise, bit for bit', () => {
    fc.assert(
      fc.property(bits, weight, weight, fc.constantFrom('final', 'every-step' as const), (x, wRec, wX, objective) => {
        const r = backprop(x, { wRec, wX }, objective);
        expect(suffixSums(r.gradWRec)[1]).toBe(r.dWRec);
        expect(suffixSums(r.gradWX)[1]).toBe(r.dWX);
      }),
      { seed: 5, numRuns: 200 },
    );
  });
});
