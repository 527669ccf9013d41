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

  it.each([
    // below the floor 1e-4 the difference is measured against the floor: 1e-10 / 1e-4
    [2e-10, 1e-10, 1e-4, 1e-6],
    // above it the floor plays no part: |Δ| = 0.5, max = 1.5
    [1, 1.5, 1e-4, 1 / 3],
    // equal values are 0 whatever the floor
    [0, 0, 1e-4, 0],
  ])('relativeError(%s, %s, floor %s) = %s', (a, b, floor, expected) => {
    // relative tolerance 1e-12
    expect(Math.abs(relativeError(a, b, floor) - expected)).toBeLessThanOrEqual(1e-12 * Math.max(expected, 1e-300));
  });

  it('relativeError is symmetric', () => {
    expect(relativeError(3, 7)).toBe(relativeError(7, 3));
  });
});
