import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sigmoid } from '~/core';

describe('sigmoid(a)', () => {
  it.each([
    // σ(0) = 1/2 exactly
    [0, 0.5],
    // σ(ln 3) = 1 / (1 + 1/3) = 3/4
    [Math.log(3), 0.75],
    // saturates without overflow
    [-1000, 0],
    [1000, 1],
  ])('sigmoid(%d) = %d', (a, expected) => {
    expect(Math.abs(sigmoid(a) - expected)).toBeLessThanOrEqual(1e-15);
  });

  it('is symmetric, σ(−a) = 1 − σ(a), and its derivative is σ(1 − σ) (central differences); property, |a| ≤ 30, tolerance 1e-9', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (a) => {
        expect(Math.abs(sigmoid(-a) - (1 - sigmoid(a)))).toBeLessThanOrEqual(1e-15);
        const h = 1e-5;
        const numeric = (sigmoid(a + h) - sigmoid(a - h)) / (2 * h);
        expect(Math.abs(numeric - sigmoid(a) * (1 - sigmoid(a)))).toBeLessThanOrEqual(1e-9);
      }),
    );
  });
});
