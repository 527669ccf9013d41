import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Objective } from '~/core';
import { backprop, truncatedGradients } from '~/core';
import { sequence, weight } from './arbitraries';

const OBJECTIVES: Objective[] = ['final', 'every-step'];

describe('truncatedGradients', () => {
  it("truncatedGradients([1, 1], w_rec = 0.5, w_x = 2, 'every-step') matches the numbers worked by hand", () => {
    // s = [0, 2, 3], t = [0, 1, 2], local = [0, 1, 1] (backprop's hand-worked case)
    // τ = 1: δ = local → ∂E/∂w_rec = δ_1 s_0 + δ_2 s_1 = 0 + 1·2 = 2;  ∂E/∂w_x = δ_1 x_1 + δ_2 x_2 = 1 + 1 = 2
    // τ = 2: the exact gradient, δ_1 = 1 + 0.5·1 = 1.5 → ∂E/∂w_rec = 0 + 2 = 2;  ∂E/∂w_x = 1.5 + 1 = 2.5
    const r = truncatedGradients([1, 1], { wRec: 0.5, wX: 2 }, 'every-step');
    expect(Array.from(r.dWRec)).toEqual([0, 2, 2]);
    expect(Array.from(r.dWX)).toEqual([0, 2, 2.5]);
  });

  it.each(OBJECTIVES)('truncatedGradients(x, w, %s) equals backprop(x, w, objective, t, { truncate: τ }) for every τ (error ≤ 1e-12 · Σ|terms|)', (objective) => {
    fc.assert(
      fc.property(sequence, weight, weight, (x, wRec, wX) => {
        const n = x.length;
        const all = truncatedGradients(x, { wRec, wX }, objective);
        expect(all.dWRec).toHaveLength(n + 1);
        expect(all.dWX).toHaveLength(n + 1);
        const exact = backprop(x, { wRec, wX }, objective);
        for (let tau = 1; tau <= n; tau++) {
          const r = backprop(x, { wRec, wX }, objective, undefined, { truncate: tau });
          // scale: the sum of the absolute path contributions w_rec^{j−k} ∂E_j/∂s_j · ∂s_k/∂w kept by the window τ,
          // so cancellation does not inflate the error; plus 1e-300 for subnormal rounding
          let scaleRec = 0;
          let scaleX = 0;
          for (let k = 1; k <= n; k++) {
            let pathSum = 0;
            for (let j = k; j <= n && j - tau < k; j++) pathSum += Math.abs(Math.pow(wRec, j - k) * exact.local[j]);
            scaleRec += pathSum * Math.abs(exact.s[k - 1]);
            scaleX += pathSum * Math.abs(x[k - 1]);
          }
          expect(Math.abs(all.dWRec[tau] - r.dWRec)).toBeLessThanOrEqual(1e-12 * scaleRec + 1e-300);
          expect(Math.abs(all.dWX[tau] - r.dWX)).toBeLessThanOrEqual(1e-12 * scaleX + 1e-300);
        }
      }),
      { seed: 23, numRuns: 200 },
    );
  });

  it.each(OBJECTIVES)('truncatedGradients(x, w, %s) at τ = n is the exact gradient of a 1,000-step sequence', (objective) => {
    const x = Array.from({ length: 1000 }, (_, k) => (k % 3 === 0 ? 1 : 0));
    const w = { wRec: 0.97, wX: 0.8 };
    const all = truncatedGradients(x, w, objective);
    const exact = backprop(x, w, objective);
    expect(Math.abs(all.dWRec[1000] - exact.dWRec)).toBeLessThanOrEqual(1e-10 * Math.abs(exact.dWRec));
    expect(Math.abs(all.dWX[1000] - exact.dWX)).toBeLessThanOrEqual(1e-10 * Math.abs(exact.dWX));
  });

  it('truncatedGradients refuses what backprop refuses, naming the argument', () => {
    expect(() => truncatedGradients([], { wRec: 1, wX: 1 }, 'final')).toThrow(RangeError);
    expect(() => truncatedGradients([1, 2 as never], { wRec: Number.NaN, wX: 1 }, 'final')).toThrow(/wRec/);
    expect(() => truncatedGradients([1], { wRec: 1, wX: 1 }, 'last' as Objective)).toThrow(/objective/);
  });
});
