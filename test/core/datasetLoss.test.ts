import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Objective } from '~/core';
import { datasetFrom, datasetLoss, loss, relativeError } from '~/core';
import { sequence, weight } from './arbitraries';

describe('datasetLoss', () => {
  it("datasetLoss of [[1, 1], [1]] at (0.5, 2), 'final' = (0.5 + 0.5) / 2 by hand", () => {
    // [1, 1]: s_2 = 3, t_2 = 2 → 0.5;  [1]: s_1 = 2, t_1 = 1 → 0.5
    expect(datasetLoss(datasetFrom([[1, 1], [1]]), { wRec: 0.5, wX: 2 }, 'final')).toBe(0.5);
  });

  it.each<Objective>(['final', 'every-step'])('datasetLoss(data, w, %s) is the mean of loss over the sequences (relative error ≤ 1e-12)', (objective) => {
    fc.assert(
      fc.property(fc.array(sequence, { minLength: 1, maxLength: 5 }), weight, weight, (xs, wRec, wX) => {
        const mean = xs.reduce((sum, x) => sum + loss(x, { wRec, wX }, objective), 0) / xs.length;
        expect(relativeError(datasetLoss(datasetFrom(xs), { wRec, wX }, objective), mean)).toBeLessThanOrEqual(1e-12);
      }),
      { seed: 8, numRuns: 100 },
    );
  });
});
