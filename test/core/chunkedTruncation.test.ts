import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Objective, Weights } from '~/core';
import { backprop, chunkedGradients, chunkedTruncatedGradients, countingTargets, relativeError } from '~/core';
import { sequence, weight } from './arbitraries';

const OBJECTIVES: Objective[] = ['final', 'every-step'];

/**
 * The chunked gradient by brute force: for each chunk a..e of τ steps, the chunk's own error as a function of the
 * weights with the state entering it frozen at its forward value, differentiated by central differences; summed.
 */
function bruteForce(x: number[], w: Weights, objective: Objective, tau: number): { dWRec: number; dWX: number } {
  const n = x.length;
  const t = countingTargets(x);
  // the forward pass with the given weights, written out
  const s = [0];
  for (let k = 1; k <= n; k++) s.push(s[k - 1] * w.wRec + x[k - 1] * w.wX);
  /** Chunk a..e's error Σ_j ½ (s_j − t_j)² with s_{a−1} frozen and the chunk's states recomputed from (wRec, wX). */
  const chunkError = (a: number, e: number, wRec: number, wX: number) => {
    let state = s[a - 1];
    let error = 0;
    for (let j = a; j <= e; j++) {
      state = state * wRec + x[j - 1] * wX;
      if (objective === 'every-step' || j === n) error += 0.5 * (state - t[j]) ** 2;
    }
    return error;
  };
  const h = 1e-6;
  let dWRec = 0;
  let dWX = 0;
  for (let a = 1; a <= n; a += tau) {
    const e = Math.min(a + tau - 1, n);
    dWRec += (chunkError(a, e, w.wRec + h, w.wX) - chunkError(a, e, w.wRec - h, w.wX)) / (2 * h);
    dWX += (chunkError(a, e, w.wRec, w.wX + h) - chunkError(a, e, w.wRec, w.wX - h)) / (2 * h);
  }
  return { dWRec, dWX };
}

/** The values as plain numbers with −0 read as 0 (v + 0 is +0 for either zero and v otherwise). */
const numbers = (values: ArrayLike<number>): number[] => Array.from(values, (v) => v + 0);

describe('chunkedGradients', () => {
  it("chunkedGradients([1, 1, 0, 1], w_rec = 0.5, w_x = 1, 'every-step', τ = 2) matches the numbers worked by hand, and differs from the window τ = 2", () => {
    // chapter 5's worked example: s = 0, 1, 1.5, 0.75, 1.375;  t = 1, 2, 2, 3;  s_k − t_k = 0, −0.5, −1.25, −1.625
    // chunks {1, 2} and {3, 4}, each backpropagated on its own:
    //   δ_2 = −0.5,  δ_1 = 0 + 0.5·(−0.5) = −0.25;  δ_4 = −1.625,  δ_3 = −1.25 + 0.5·(−1.625) = −2.0625
    //   ∂E/∂w_rec = Σ δ_k s_{k−1} = 0 − 0.5·1 − 2.0625·1.5 − 1.625·0.75 = −4.8125
    //   ∂E/∂w_x = Σ δ_k x_k = −0.25 − 0.5 + 0 − 1.625 = −2.375
    // the window τ = 2 lets E_3 reach step 2 across the chunk boundary: δ_2 = −0.5 + 0.5·(−1.25) = −1.125, so
    //   ∂E/∂w_rec = −1.125 − 3.09375 − 1.21875 = −5.4375 and ∂E/∂w_x = −0.25 − 1.125 − 1.625 = −3
    // against the exact −5.84375 and −3.921875: the chunked gradient is further off, for both weights
    const w = { wRec: 0.5, wX: 1 };
    const r = chunkedGradients([1, 1, 0, 1], w, 'every-step', 2);
    expect(Array.from(r.delta.subarray(1))).toEqual([-0.25, -0.5, -2.0625, -1.625]);
    expect([r.dWRec, r.dWX]).toEqual([-4.8125, -2.375]);
    expect(r.loss).toBe(2.2265625);
    const window = backprop([1, 1, 0, 1], w, 'every-step', undefined, { truncate: 2 });
    expect([window.dWRec, window.dWX]).toEqual([-5.4375, -3]);
    const exact = backprop([1, 1, 0, 1], w, 'every-step');
    expect(relativeError(r.dWRec, exact.dWRec)).toBeGreaterThan(relativeError(window.dWRec, exact.dWRec));
    expect(relativeError(r.dWX, exact.dWX)).toBeGreaterThan(relativeError(window.dWX, exact.dWX));
  });

  it("chunkedGradients(x, w, 'final', τ) sends the final error back only to the start of the last chunk", () => {
    // n = 10, τ = 3: chunks {1..3}, {4..6}, {7..9}, {10}; the final error reaches step 10 only, where the window
    // τ = 3 reaches steps 8, 9 and 10
    const x = [1, 0, 1, 1, 0, 1, 1, 1, 0, 1];
    const r = chunkedGradients(x, { wRec: 0.9, wX: 1 }, 'final', 3);
    expect(Array.from(r.delta.subarray(1, 10))).toEqual(new Array(9).fill(0));
    expect(r.delta[10]).toBe(r.local[10]);
    const window = backprop(x, { wRec: 0.9, wX: 1 }, 'final', undefined, { truncate: 3 });
    expect(window.delta[8]).not.toBe(0);
  });

  it.each(OBJECTIVES)('chunkedGradients(x, w, %s, τ ≥ n) is full backprop, bit for bit', (objective) => {
    fc.assert(
      fc.property(sequence, weight, weight, fc.integer({ min: 0, max: 5 }), (x, wRec, wX, extra) => {
        const r = chunkedGradients(x, { wRec, wX }, objective, x.length + extra);
        expect(r).toEqual(backprop(x, { wRec, wX }, objective));
      }),
    );
  });

  it.each(OBJECTIVES)('chunkedGradients(x, w, %s, 1) is the local-only reading: δ_k = ∂E_k/∂s_k, as backprop with truncate: 1', (objective) => {
    fc.assert(
      fc.property(sequence, weight, weight, (x, wRec, wX) => {
        const r = chunkedGradients(x, { wRec, wX }, objective, 1);
        const literal = backprop(x, { wRec, wX }, objective, undefined, { truncate: 1 });
        // equal as numbers: the chunk's δ_k = L_k + w_rec · 0 turns a direct term of −0 into +0, which toEqual would
        // tell apart (x = [−2, 2, 0], w_rec = 0, w_x = −1e-100 gives L_3 = −0)
        expect(numbers(r.delta.subarray(1))).toEqual(numbers(r.local.subarray(1)));
        expect(numbers(r.delta.subarray(1))).toEqual(numbers(literal.delta.subarray(1)));
        expect(numbers(r.gradWRec)).toEqual(numbers(literal.gradWRec));
        expect(numbers(r.gradWX)).toEqual(numbers(literal.gradWX));
        expect(r.loss).toBe(literal.loss);
        // the same terms, summed in the opposite order: equal to 1e-12 of the sum of their sizes (plus 1e-300 for
        // subnormal rounding)
        const size = (terms: Float64Array) => terms.reduce((sum, v) => sum + Math.abs(v), 0);
        expect(Math.abs(r.dWRec - literal.dWRec)).toBeLessThanOrEqual(1e-12 * size(r.gradWRec) + 1e-300);
        expect(Math.abs(r.dWX - literal.dWX)).toBeLessThanOrEqual(1e-12 * size(r.gradWX) + 1e-300);
      }),
      // the case above, always run
      { examples: [[[-2, 2, 0], 0, -1e-100]] },
    );
  });

  it.each(OBJECTIVES)('chunkedGradients(x, w, %s, τ) agrees with central differences of each chunk with its incoming state frozen (|Δ| ≤ 1e-6 · max(1, |g|))', (objective) => {
    // short sequences and |w| ≤ 1.2 keep the states small enough for central differences with h = 1e-6 to be
    // accurate to about 1e-8
    const short = fc.array(fc.oneof(fc.constantFrom(0, 1), fc.double({ min: -2, max: 2, noNaN: true })), { minLength: 1, maxLength: 20 });
    const w12 = fc.double({ min: -1.2, max: 1.2, noNaN: true });
    fc.assert(
      fc.property(short, w12, w12, fc.integer({ min: 1, max: 25 }), (x, wRec, wX, tau) => {
        const r = chunkedGradients(x, { wRec, wX }, objective, tau);
        const b = bruteForce(x, { wRec, wX }, objective, tau);
        expect(Math.abs(r.dWRec - b.dWRec)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(b.dWRec)));
        expect(Math.abs(r.dWX - b.dWX)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(b.dWX)));
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    // not an integer
    [1.5, 'tau must be an integer ≥ 1, got 1.5'],
    // below 1
    [0, 'tau must be an integer ≥ 1, got 0'],
    // not a number
    [Number.NaN, 'tau must be an integer ≥ 1, got NaN'],
  ])('chunkedGradients(x, w, objective, %s) throws a RangeError naming τ', (tau, message) => {
    expect(() => chunkedGradients([1, 0], { wRec: 1, wX: 1 }, 'final', tau)).toThrow(new RangeError(message));
  });
});

describe('chunkedTruncatedGradients', () => {
  it.each(OBJECTIVES)('chunkedTruncatedGradients(x, w, %s) holds chunkedGradients(x, w, objective, τ) at index τ, bit for bit, for every τ = 1..n', (objective) => {
    fc.assert(
      fc.property(sequence, weight, weight, (x, wRec, wX) => {
        const n = x.length;
        const all = chunkedTruncatedGradients(x, { wRec, wX }, objective);
        expect(all.dWRec).toHaveLength(n + 1);
        expect([all.dWRec[0], all.dWX[0]]).toEqual([0, 0]);
        for (let tau = 1; tau <= n; tau++) {
          const one = chunkedGradients(x, { wRec, wX }, objective, tau);
          expect([all.dWRec[tau], all.dWX[tau]]).toEqual([one.dWRec, one.dWX]);
        }
        const exact = backprop(x, { wRec, wX }, objective);
        expect([all.dWRec[n], all.dWX[n]]).toEqual([exact.dWRec, exact.dWX]);
      }),
    );
  });
});
