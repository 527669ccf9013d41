import { describe, expect, it } from 'vitest';
import { relativeError } from '~/core';

describe('relativeError', () => {
  it.each([
    // both zero: defined as 0
    [0, 0, 0],
    // the same infinity: equal, so 0
    [Infinity, Infinity, 0],
    // 1 vs 1.5: |Δ| = 0.5, max = 1.5
    [1, 1.5, 1 / 3],
    // opposite signs: |Δ| = 2, max = 1
    [1, -1, 2],
    // tiny values use the 1e-12 floor: 1e-13 / 1e-12
    [1e-13, 0, 0.1],
  ])('relativeError(%s, %s) = %s', (a, b, expected) => {
    expect(relativeError(a, b)).toBeCloseTo(expected, 14);
  });

  it('relativeError is symmetric', () => {
    expect(relativeError(3, 7)).toBe(relativeError(7, 3));
  });
});
