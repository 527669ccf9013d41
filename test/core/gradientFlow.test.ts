import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backprop, gradientFlow, relativeError } from '~/core';
import { weight } from './arbitraries';

describe('gradientFlow', () => {
  it('gradientFlow(0.5, 3) = [0.125, 0.25, 0.5, 1] by hand', () => {
    expect(Array.from(gradientFlow(0.5, 3))).toEqual([0.125, 0.25, 0.5, 1]);
  });

  it('gradientFlow(0, n) has exact zeros before step n', () => {
    expect(Array.from(gradientFlow(0, 3))).toEqual([0, 0, 0, 1]);
  });

  it('gradientFlow(10, 400) overflows to Infinity, alternating signs for negative w_rec', () => {
    expect(gradientFlow(10, 400)[0]).toBe(Infinity);
    const g = gradientFlow(-10, 400);
    expect(g[0]).toBe(Infinity); // (−10)^400
    expect(g[1]).toBe(-Infinity); // (−10)^399
  });

  it('gradientFlow(w_rec, n)[k] equals backprop’s δ_k / δ_n for the final objective (relative error ≤ 1e-12)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), weight, (n, wRec) => {
        const x = new Array(n).fill(1);
        const { delta } = backprop(x, { wRec, wX: 0.3 }, 'final');
        const g = gradientFlow(wRec, n);
        if (delta[n] === 0) return;
        for (let k = 0; k <= n; k++) expect(relativeError(delta[k] / delta[n], g[k])).toBeLessThanOrEqual(1e-12);
      }),
      { seed: 11, numRuns: 200 },
    );
  });
});
