import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forward } from '~/core';
import { forwardInto } from '~/core/forwardInto.ts';
import { sequence, weight } from './arbitraries';

describe('forwardInto', () => {
  it('forwardInto([1, 1], 0.5, 2, s) writes s = [0, 2, 3] by hand and returns s', () => {
    // s_1 = 0·0.5 + 1·2 = 2;  s_2 = 2·0.5 + 1·2 = 3
    const s = new Float64Array(3);
    expect(forwardInto([1, 1], 0.5, 2, s)).toBe(s);
    expect(Array.from(s)).toEqual([0, 2, 3]);
  });

  it('forwardInto starts from the s_0 in s[0] and leaves entries past n as they were', () => {
    // s_1 = 4·0.5 + 1·2 = 4;  s_2 = 4·0.5 + 0·2 = 2;  s[3], s[4] are not steps of this sequence
    const s = Float64Array.from([4, NaN, NaN, 7, 8]);
    forwardInto([1, 0], 0.5, 2, s);
    expect(Array.from(s)).toEqual([4, 4, 2, 7, 8]);
  });

  it('forwardInto(x, w_rec, 1, u) gives the unit-input states u_k with s_k = w_x u_k (the loss surface’s rows)', () => {
    // u = [0, 1, 1.5, 1.75] for x = (1, 1, 1), w_rec = 0.5; times w_x = 2: forward gives [0, 2, 3, 3.5]
    const u = forwardInto([1, 1, 1], 0.5, 1, new Float64Array(4));
    expect(Array.from(u)).toEqual([0, 1, 1.5, 1.75]);
    expect(Array.from(forward([1, 1, 1], { wRec: 0.5, wX: 2 }))).toEqual(Array.from(u, (v) => 2 * v));
  });

  it('forwardInto(x, w_rec, w_x, s)[n] equals the closed form w_x Σ_k x_k w_rec^{n−k} (error ≤ 1e-12 · Σ|terms|)', () => {
    // Tolerance: the recurrence and the closed form round differently; both are within a few ulps of the sum of
    // absolute terms (n ≤ 50), so the error is measured against that scale.
    fc.assert(
      fc.property(sequence, weight, weight, (x, wRec, wX) => {
        const n = x.length;
        let closed = 0;
        let scale = 0;
        for (let k = 1; k <= n; k++) {
          const term = wX * x[k - 1] * Math.pow(wRec, n - k);
          closed += term;
          scale += Math.abs(term);
        }
        const s = forwardInto(x, wRec, wX, new Float64Array(n + 1));
        expect(Math.abs(s[n] - closed)).toBeLessThanOrEqual(1e-12 * scale);
      }),
      { seed: 20250117, numRuns: 300 },
    );
  });

  it('forwardInto into a longer, reused buffer gives exactly the states forward returns (tolerance 0: same arithmetic)', () => {
    const buffer = new Float64Array(51);
    fc.assert(
      fc.property(sequence, weight, weight, (x, wRec, wX) => {
        const n = x.length;
        forwardInto(x, wRec, wX, buffer);
        expect(Array.from(buffer.subarray(0, n + 1))).toEqual(Array.from(forward(x, { wRec, wX })));
      }),
      { seed: 77, numRuns: 200 },
    );
  });
});
