import { describe, expect, it } from 'vitest';
import type { Objective } from '~/core';
import { countingDataset, datasetFrom, datasetLoss, lossSurface, lossSurfaceDirect } from '~/core';

describe('lossSurface', () => {
  it("lossSurface on a 2 × 2 grid over [[1, 1]], 'final' matches hand-worked values", () => {
    // s_2 = w_x (w_rec + 1), t_2 = 2.  (w_rec, w_x) = (0, 0): ½·4 = 2; (0, 2): ½·0 = 0;
    // (1, 0): 2; (1, 2): s_2 = 4, ½·4 = 2.  Row-major: rows are w_rec.
    const surface = lossSurface(datasetFrom([[1, 1]]), { wX: [0, 2, 2], wRec: [0, 1, 2] }, 'final');
    expect(Array.from(surface.values)).toEqual([2, 0, 2, 2]);
    expect(Array.from(surface.wX)).toEqual([0, 2]);
    expect(Array.from(surface.wRec)).toEqual([0, 1]);
  });

  it.each([
    // objective, penalty λ, data-set seed
    ['final', 0, 1],
    ['every-step', 0, 1],
    ['final', 0.5, 2],
    ['every-step', 0.5, 2],
    ['final', 3, 3],
    ['every-step', 3, 3],
  ] as const)('lossSurface(data, grid, %s, { penalty: %s }) equals the direct evaluation at every point (error ≤ 1e-9 · max(1, value))', (objective: Objective, penalty, seed) => {
    const data = countingDataset({ count: 20, length: 10, seed });
    const grid = { wX: [-3, 3, 41], wRec: [-2, 2.5, 37] } as const;
    const fast = lossSurface(data, grid, objective, { penalty });
    const direct = lossSurfaceDirect(data, grid, objective, { penalty });
    expect(fast.values).toHaveLength(41 * 37);
    for (let i = 0; i < fast.values.length; i++) {
      expect(Math.abs(fast.values[i] - direct.values[i])).toBeLessThanOrEqual(1e-9 * Math.max(1, direct.values[i]));
    }
  });

  it('lossSurfaceDirect(data, grid)[r, c] is datasetLoss at (wRec[r], wX[c])', () => {
    const data = countingDataset({ count: 3, length: 4, seed: 4 });
    const s = lossSurfaceDirect(data, { wX: [-1, 1, 3], wRec: [0, 2, 4] }, 'every-step');
    expect(s.values[2 * 3 + 1]).toBe(datasetLoss(data, { wRec: s.wRec[2], wX: s.wX[1] }, 'every-step'));
  });

  it('lossSurface falls back to the direct value where the quadratic overflows (huge w_rec)', () => {
    // w_rec = ±1e200: u_k overflows, so the row is computed point by point; w_x = 0 gives the finite E = ½ t_n²
    const data = datasetFrom([[1, 1, 1]]);
    const fast = lossSurface(data, { wX: [-1, 1, 3], wRec: [-1e200, 1e200, 2] }, 'final');
    const direct = lossSurfaceDirect(data, { wX: [-1, 1, 3], wRec: [-1e200, 1e200, 2] }, 'final');
    expect(Array.from(fast.values)).toEqual(Array.from(direct.values));
    expect(fast.values[1]).toBe(4.5);
  });

  it('lossSurface(data, grid, objective, { out }) writes into and returns the given array', () => {
    const data = countingDataset({ count: 5, length: 6, seed: 2 });
    const grid = { wX: [-1, 2, 7], wRec: [-1, 1.5, 5] } as const;
    const out = new Float64Array(35).fill(NaN);
    const surface = lossSurface(data, grid, 'every-step', { out });
    expect(surface.values).toBe(out);
    expect(Array.from(out)).toEqual(Array.from(lossSurface(data, grid, 'every-step').values));
  });
});
