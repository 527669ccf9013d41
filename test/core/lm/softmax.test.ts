import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { softmax } from '~/core/lm/softmax';
import { relErr } from './fixtures';

describe('softmax', () => {
  it('softmax([0, ln 2, ln 3]) is (1/6, 2/6, 3/6)', () => {
    const y = softmax([0, Math.log(2), Math.log(3)]);
    [1 / 6, 2 / 6, 3 / 6].forEach((p, i) => expect(relErr(y[i], p)).toBeLessThanOrEqual(1e-15));
  });

  it('softmax(z, T) at T = 1e-300 is one-hot on the max, without overflow', () => {
    expect(Array.from(softmax([1000, 3, 999.5], 1e-300))).toEqual([1, 0, 0]);
  });

  it('softmax(z, T) sums to 1 (within 1e-12) with every entry in [0, 1] (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.double({ min: 1e-6, max: 100, noNaN: true }),
        (z, temperature) => {
          const y = softmax(z, temperature);
          const sum = y.reduce((a, b) => a + b, 0);
          return Math.abs(sum - 1) <= 1e-12 && y.every((p) => p >= 0 && p <= 1);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it('softmax(z, T) equals y^{1/T} renormalized, y = softmax(z) (fast-check, relative error ≤ 1e-9, floor 1e-300)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 2, maxLength: 10 }),
        fc.double({ min: 0.2, max: 5, noNaN: true }),
        (z, temperature) => {
          const y = softmax(z);
          const powered = Array.from(y, (p) => p ** (1 / temperature));
          const sum = powered.reduce((a, b) => a + b, 0);
          const tempered = softmax(z, temperature);
          return powered.every((p, i) => relErr(tempered[i], p / sum, 1e-300) <= 1e-9);
        },
      ),
      { seed: 7, numRuns: 200 },
    );
  });

  it.each([
    // zero temperature
    [0],
    // negative
    [-1],
    // not a number
    [Number.NaN],
    // infinite
    [Number.POSITIVE_INFINITY],
  ])('softmax(z, %d) throws a RangeError for the temperature', (temperature) => {
    expect(() => softmax([1, 2], temperature)).toThrow(/temperature must be a finite number > 0/);
  });

  it('softmax([]) and softmax([1, NaN]) throw RangeErrors naming the argument', () => {
    expect(() => softmax([])).toThrow(/z must hold at least one logit/);
    expect(() => softmax([1, Number.NaN])).toThrow('z[1] must be a finite number, got NaN');
  });
});
