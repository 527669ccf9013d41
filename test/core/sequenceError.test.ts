import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OBJECTIVES, backprop, countingTargets } from '~/core';
import { forwardInto } from '~/core/forwardInto.ts';
import { sequenceError } from '~/core/sequenceError.ts';
import { sequence, weight } from './arbitraries';

describe('sequenceError', () => {
  it.each([
    // s = [0, 2, 3], t = [0, 1, 2]: ½·1² = 0.5 at the last step only
    ['final', 0.5],
    // ½·1² + ½·1² = 1 over both steps
    ['every-step', 1],
  ] as const)('sequenceError([0, 2, 3], [0, 1, 2], 2, %s) = %s by hand', (objective, expected) => {
    expect(sequenceError([0, 2, 3], [0, 1, 2], 2, objective)).toBe(expected);
  });

  it.each(OBJECTIVES)('sequenceError(%s) equals backprop’s E, summed the other way round (relative 1e-12)', (objective) => {
    // Tolerance: the two sums add the same n ≤ 50 non-negative terms in opposite orders, so they differ by a few ulps.
    fc.assert(
      fc.property(sequence, weight, weight, (x, wRec, wX) => {
        const n = x.length;
        const E = sequenceError(forwardInto(x, wRec, wX, new Float64Array(n + 1)), countingTargets(x), n, objective);
        const reference = backprop(x, { wRec, wX }, objective).loss;
        expect(Math.abs(E - reference)).toBeLessThanOrEqual(1e-12 * reference + 1e-300);
      }),
      { seed: 31, numRuns: 200 },
    );
  });
});
