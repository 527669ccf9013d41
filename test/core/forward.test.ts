import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forward } from '~/core';
import { sequence, weight } from './arbitraries';

const SEED_SEQUENCE = [0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 1, 1];

describe('forward', () => {
  it('forward(seed sequence, w = (1, 1)) counts the ones: s_n = 5', () => {
    const s = forward(SEED_SEQUENCE, { wRec: 1, wX: 1 });
    expect(s).toHaveLength(13);
    expect(Array.from(s)).toEqual([0, 0, 1, 2, 2, 2, 2, 2, 3, 3, 3, 4, 5]);
  });

  it('forward([1, 1], w_rec = 0.5, w_x = 2) gives s = [0, 2, 3] by hand', () => {
    // s_1 = 0·0.5 + 1·2 = 2;  s_2 = 2·0.5 + 1·2 = 3
    expect(Array.from(forward([1, 1], { wRec: 0.5, wX: 2 }))).toEqual([0, 2, 3]);
  });

  it('forward(x, w, s0) starts from the given s_0', () => {
    // s_1 = 4·0.5 + 1·2 = 4;  s_2 = 4·0.5 + 0·2 = 2
    expect(Array.from(forward([1, 0], { wRec: 0.5, wX: 2 }, 4))).toEqual([4, 4, 2]);
  });

  it('forward overflows to Infinity instead of throwing', () => {
    const s = forward(new Array(2000).fill(1), { wRec: 10, wX: 1 });
    expect(s[2000]).toBe(Infinity);
  });

  it('forward(x, w) equals the closed form s_n = w_x Σ_k x_k w_rec^{n−k} (error ≤ 1e-12 · Σ|terms|)', () => {
    // Tolerance: the recurrence and the closed form round differently; both are within a few ulps of the
    // sum of absolute terms, so the error is measured against that scale.
    fc.assert(
      fc.property(
        sequence,
        weight,
        weight,
        (x, wRec, wX) => {
          const n = x.length;
          let closed = 0;
          let scale = 0;
          for (let k = 1; k <= n; k++) {
            const term = wX * x[k - 1] * Math.pow(wRec, n - k);
            closed += term;
            scale += Math.abs(term);
          }
          const s = forward(x, { wRec, wX });
          expect(Math.abs(s[n] - closed)).toBeLessThanOrEqual(1e-12 * scale);
        },
      ),
      { seed: 20240601, numRuns: 300 },
    );
  });
});
