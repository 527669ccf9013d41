import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centralDifference, relativeError } from '~/core';

describe('centralDifference', () => {
  it('centralDifference(w ↦ w³, [2], 0) = 12: exact for a cubic (the h² terms cancel), relative error ≤ 1e-12', () => {
    const w = Float64Array.of(2);
    const d = centralDifference(() => w[0] ** 3, w, 0);
    expect(relativeError(d, 12)).toBeLessThanOrEqual(1e-12);
    expect(w[0]).toBe(2);
  });

  it('centralDifference(w ↦ w⁵, [1], 0, h = 0.1) = 5 − 4h⁴ = 4.9996, the O(h⁴) error by hand', () => {
    // D(h) = 5w⁴ + 10w²h² + h⁴ and D(2h) = 5w⁴ + 40w²h² + 16h⁴, so (4 D(h) − D(2h)) / 3 = 5w⁴ − 4h⁴
    const w = Float64Array.of(1);
    const d = centralDifference(() => w[0] ** 5, w, 0, 0.1);
    expect(relativeError(d, 4.9996)).toBeLessThanOrEqual(1e-12);
  });

  it('matches the closed-form derivative of Σ_j sin(w_j) + w_j³/3 and restores the block exactly (fast-check, absolute error ≤ 1e-9)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 1, maxLength: 6 }),
        fc.nat(),
        (values, pick) => {
          const w = Float64Array.from(values);
          const before = Float64Array.from(w);
          const i = pick % w.length;
          const E = () => w.reduce((sum, wj) => sum + Math.sin(wj) + wj ** 3 / 3, 0);
          const d = centralDifference(E, w, i);
          // the closed form, independent of any difference: cos(w_i) + w_i²
          expect(Math.abs(d - (Math.cos(w[i]) + w[i] ** 2))).toBeLessThanOrEqual(1e-9);
          expect(Array.from(w)).toEqual(Array.from(before));
        },
      ),
      { numRuns: 500 },
    );
  });

  it.each([
    // an index past the block
    [() => centralDifference(() => 0, new Float64Array(2), 2), 'i must be an integer from 0 to 1, got 2'],
    // a plain array is not a block
    [() => centralDifference(() => 0, [1] as unknown as Float64Array, 0), 'w must be a Float64Array'],
    // a step that is not positive
    [() => centralDifference(() => 0, new Float64Array(1), 0, 0), 'h must be greater than 0, got 0'],
  ])('refuses bad input with a RangeError naming it (%#)', (call, message) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });
});
