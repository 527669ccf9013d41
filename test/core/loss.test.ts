import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Objective } from '~/core';
import { backprop, countingTargets, forward, loss, relativeError } from '~/core';
import { sequence, weight } from './arbitraries';

describe('loss', () => {
  it("loss([1, 1], (0.5, 2)) is 0.5 for 'final' and 1 for 'every-step' by hand", () => {
    // s = [0, 2, 3], t = [0, 1, 2]: final ½(3 − 2)² = 0.5; every step ½·1² + ½·1² = 1
    expect(loss([1, 1], { wRec: 0.5, wX: 2 }, 'final')).toBe(0.5);
    expect(loss([1, 1], { wRec: 0.5, wX: 2 }, 'every-step')).toBe(1);
  });

  it('loss(seed sequence, (1, 1)) is 0 for both objectives', () => {
    const x = [0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 1, 1];
    expect(loss(x, { wRec: 1, wX: 1 }, 'final')).toBe(0);
    expect(loss(x, { wRec: 1, wX: 1 }, 'every-step')).toBe(0);
  });

  it.each<Objective>(['final', 'every-step'])('loss(x, w, %s) equals ½ Σ (s_k − t_k)² from forward and backprop’s loss (relative error ≤ 1e-12)', (objective) => {
    fc.assert(
      fc.property(sequence, weight, weight, (x, wRec, wX) => {
        const s = forward(x, { wRec, wX });
        const t = countingTargets(x);
        const n = x.length;
        let E = 0;
        for (let k = objective === 'final' ? n : 1; k <= n; k++) E += 0.5 * (s[k] - t[k]) ** 2;
        const value = loss(x, { wRec, wX }, objective);
        expect(relativeError(value, E)).toBeLessThanOrEqual(1e-12);
        expect(relativeError(value, backprop(x, { wRec, wX }, objective).loss)).toBeLessThanOrEqual(1e-12);
      }),
      { seed: 3, numRuns: 200 },
    );
  });
});
