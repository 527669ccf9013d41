import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Objective } from '~/core';
import { backprop, countingTargets, forward, numericalGradient, relativeError } from '~/core';
import { sequence, weight } from './arbitraries';

const SEED_SEQUENCE = [0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 1, 1];
const OBJECTIVES: Objective[] = ['final', 'every-step'];

describe('backprop: hand-worked cases', () => {
  it.each(OBJECTIVES)('backprop(seed sequence, w = (1, 1), %s) has s_n = 5, zero loss and zero gradient', (objective) => {
    const r = backprop(SEED_SEQUENCE, { wRec: 1, wX: 1 }, objective);
    expect(r.s[12]).toBe(5);
    expect(r.loss).toBe(0);
    expect(r.dWRec).toBe(0);
    expect(r.dWX).toBe(0);
    expect(r.delta.every((d) => d === 0)).toBe(true);
  });

  it("backprop([1, 1], w_rec = 0.5, w_x = 2, 'every-step') matches the numbers worked by hand", () => {
    // s = [0, 2, 3] (s_1 = 2, s_2 = 0.5·2 + 2 = 3); t = [0, 1, 2]
    // E_1 = ½(2 − 1)² = 0.5, E_2 = ½(3 − 2)² = 0.5, E = 1
    // local = [0, 1, 1] (∂E_k/∂s_k = s_k − t_k)
    // δ_2 = 1, δ_1 = 1 + 0.5·1 = 1.5, δ_0 = 0.5·1.5 = 0.75
    // gradWRec = [0, δ_1 s_0, δ_2 s_1] = [0, 0, 2]   → ∂E/∂w_rec = 2
    // gradWX   = [0, δ_1 x_1, δ_2 x_2] = [0, 1.5, 1] → ∂E/∂w_x = 2.5
    const r = backprop([1, 1], { wRec: 0.5, wX: 2 }, 'every-step');
    expect(Array.from(r.s)).toEqual([0, 2, 3]);
    expect(Array.from(r.t)).toEqual([0, 1, 2]);
    expect(r.loss).toBe(1);
    expect(Array.from(r.local)).toEqual([0, 1, 1]);
    expect(Array.from(r.delta)).toEqual([0.75, 1.5, 1]);
    expect(Array.from(r.gradWRec)).toEqual([0, 0, 2]);
    expect(Array.from(r.gradWX)).toEqual([0, 1.5, 1]);
    expect(r.dWRec).toBe(2);
    expect(r.dWX).toBe(2.5);
  });

  it("backprop([1, 1], w_rec = 0.5, w_x = 2, 'final') matches the numbers worked by hand", () => {
    // E = ½(s_2 − t_2)² = ½(3 − 2)² = 0.5; local = [0, 0, 1]
    // δ_2 = 1, δ_1 = 0 + 0.5·1 = 0.5, δ_0 = 0.25
    // gradWRec = [0, 0.5·0, 1·2] = [0, 0, 2];  gradWX = [0, 0.5·1, 1·1] = [0, 0.5, 1]
    // check: s_2 = w_x (w_rec + 1), so ∂s_2/∂w_rec = w_x = 2 and ∂s_2/∂w_x = 1.5
    const r = backprop([1, 1], { wRec: 0.5, wX: 2 }, 'final');
    expect(r.loss).toBe(0.5);
    expect(Array.from(r.local)).toEqual([0, 0, 1]);
    expect(Array.from(r.delta)).toEqual([0.25, 0.5, 1]);
    expect(Array.from(r.gradWRec)).toEqual([0, 0, 2]);
    expect(Array.from(r.gradWX)).toEqual([0, 0.5, 1]);
    expect(r.dWRec).toBe(2);
    expect(r.dWX).toBe(1.5);
  });

  it('backprop(x, w, objective, t) uses the given targets', () => {
    // t = [0, 2, 3] equals s, so everything is zero
    const r = backprop([1, 1], { wRec: 0.5, wX: 2 }, 'every-step', [0, 2, 3]);
    expect(r.loss).toBe(0);
    expect(r.dWRec).toBe(0);
    expect(r.dWX).toBe(0);
  });

  it('backprop overflows to ±Infinity or NaN instead of throwing', () => {
    const r = backprop(new Array(1000).fill(1), { wRec: 3, wX: 1 }, 'final');
    expect(Number.isFinite(r.loss)).toBe(false);
    expect(Number.isFinite(r.dWRec)).toBe(false);
  });
});

describe('backprop against independent computations', () => {
  // Tolerance: relative error ≤ 1e-6, where the denominator has a floor of 1e-4 · (1 + E): central
  // differences with h = 1e-5 lose about 1e-16 · E / h ≈ 1e-11 · E to rounding, which swamps a gradient
  // that is near zero through cancellation. Above the floor this is a plain relative error.
  const TOLERANCE = 1e-6;
  const floorOf = (E: number) => 1e-4 * (1 + E);

  it.each(OBJECTIVES)('backprop(x, w, %s) matches central differences (relative error ≤ 1e-6)', (objective) => {
    fc.assert(
      fc.property(sequence, weight, weight, (x, wRec, wX) => {
        const w = { wRec, wX };
        const r = backprop(x, w, objective);
        const num = numericalGradient(x, w, objective);
        const floor = floorOf(r.loss);
        const err = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), floor);
        expect(err(r.dWRec, num.dWRec)).toBeLessThanOrEqual(TOLERANCE);
        expect(err(r.dWX, num.dWX)).toBeLessThanOrEqual(TOLERANCE);
      }),
      { seed: 424242, numRuns: 300 },
    );
  });

  it.each(OBJECTIVES)('backprop(x, w, %s).delta satisfies δ_k = local_k + w_rec δ_{k+1}, δ_{n+1} = 0, δ_0 = w_rec δ_1', (objective) => {
    fc.assert(
      fc.property(sequence, weight, weight, (x, wRec, wX) => {
        const n = x.length;
        const r = backprop(x, { wRec, wX }, objective);
        const s = forward(x, { wRec, wX });
        const t = countingTargets(x);
        expect(r.delta[n]).toBe(r.local[n]);
        expect(r.delta[0]).toBe(wRec * r.delta[1]);
        for (let k = 1; k < n; k++) expect(r.delta[k]).toBe(r.local[k] + wRec * r.delta[k + 1]);
        for (let k = 1; k <= n; k++) {
          // the direct term, recomputed from forward and the targets
          const direct = objective === 'every-step' || k === n ? s[k] - t[k] : 0;
          expect(r.local[k]).toBe(direct);
          expect(r.gradWRec[k]).toBe(r.delta[k] * s[k - 1]);
          expect(r.gradWX[k]).toBe(r.delta[k] * x[k - 1]);
        }
        expect(r.gradWRec[0]).toBe(0);
        expect(r.gradWX[0]).toBe(0);
      }),
      { seed: 99, numRuns: 200 },
    );
  });

  it("the seed's pitfall: Σ local_k s_{k−1} is not ∂E/∂w_rec for 'every-step', Σ δ_k s_{k−1} is", () => {
    // The seed article sums only the direct terms ∂E_k/∂s_k; at w = (1.2, 1.2) that misses the
    // error each E_j sends back through the later states.
    const w = { wRec: 1.2, wX: 1.2 };
    const r = backprop(SEED_SEQUENCE, w, 'every-step');
    const num = numericalGradient(SEED_SEQUENCE, w, 'every-step');
    let localOnly = 0;
    let total = 0;
    for (let k = 1; k <= SEED_SEQUENCE.length; k++) {
      localOnly += r.local[k] * r.s[k - 1];
      total += r.delta[k] * r.s[k - 1];
    }
    expect(relativeError(localOnly, num.dWRec)).toBeGreaterThan(0.5);
    expect(relativeError(total, num.dWRec)).toBeLessThanOrEqual(1e-6);
  });
});

describe('backprop with truncation', () => {
  /** δ_k = Σ_{j = k}^{min(k + τ − 1, n)} w_rec^{j−k} ∂E_j/∂s_j by a double loop over the kept paths. */
  function truncatedByPaths(x: number[], wRec: number, wX: number, objective: Objective, tau: number) {
    const n = x.length;
    const s = forward(x, { wRec, wX });
    const t = countingTargets(x);
    const delta = new Array<number>(n + 1).fill(0);
    for (let k = 0; k <= n; k++) {
      for (let j = Math.max(k, 1); j <= n; j++) {
        if (!(j - tau < k)) continue;
        if (objective === 'final' && j !== n) continue;
        delta[k] += Math.pow(wRec, j - k) * (s[j] - t[j]);
      }
    }
    let dWRec = 0;
    let dWX = 0;
    for (let k = 1; k <= n; k++) {
      dWRec += delta[k] * s[k - 1];
      dWX += delta[k] * x[k - 1];
    }
    return { delta, dWRec, dWX };
  }

  it('backprop(x, w, objective, t, { truncate: 1 }) keeps only the direct term: δ_k = local_k', () => {
    const r = backprop(SEED_SEQUENCE, { wRec: 1.2, wX: 1.2 }, 'every-step', undefined, { truncate: 1 });
    expect(Array.from(r.delta)).toEqual(Array.from(r.local));
  });

  it.each(OBJECTIVES)('backprop(x, w, %s, t, { truncate: τ ≥ n }) equals the exact gradient', (objective) => {
    fc.assert(
      fc.property(sequence, weight, weight, fc.integer({ min: 0, max: 5 }), (x, wRec, wX, extra) => {
        const n = x.length;
        const exact = backprop(x, { wRec, wX }, objective);
        const cut = backprop(x, { wRec, wX }, objective, undefined, { truncate: n + extra });
        // error ≤ 1e-12 of |δ_k| and of Σ|terms| for the sums, + 1e-300 for subnormal rounding
        let scaleRec = 0;
        let scaleX = 0;
        for (let k = 1; k <= n; k++) {
          scaleRec += Math.abs(exact.gradWRec[k]);
          scaleX += Math.abs(exact.gradWX[k]);
          expect(Math.abs(cut.delta[k] - exact.delta[k])).toBeLessThanOrEqual(1e-12 * Math.abs(exact.delta[k]) + 1e-300);
        }
        expect(Math.abs(cut.dWRec - exact.dWRec)).toBeLessThanOrEqual(1e-12 * scaleRec + 1e-300);
        expect(Math.abs(cut.dWX - exact.dWX)).toBeLessThanOrEqual(1e-12 * scaleX + 1e-300);
        expect(cut.loss).toBe(exact.loss);
      }),
      { seed: 5, numRuns: 200 },
    );
  });

  it.each(OBJECTIVES)('backprop(x, w, %s, t, { truncate: τ }) equals the sum over the kept paths (error ≤ 1e-12 · Σ|terms|)', (objective) => {
    fc.assert(
      fc.property(sequence, weight, weight, fc.integer({ min: 1, max: 60 }), (x, wRec, wX, tau) => {
        const n = x.length;
        const r = backprop(x, { wRec, wX }, objective, undefined, { truncate: tau });
        const ref = truncatedByPaths(x, wRec, wX, objective, tau);
        // scale: the sum of the absolute path contributions, so cancellation does not inflate the error;
        // plus 1e-300 absolute, for powers of tiny w_rec that round in the subnormal range
        const s = r.s;
        for (let k = 0; k <= n; k++) {
          let scale = 0;
          for (let j = Math.max(k, 1); j <= n && j - tau < k; j++) scale += Math.abs(Math.pow(wRec, j - k) * r.local[j]);
          expect(Math.abs(r.delta[k] - ref.delta[k])).toBeLessThanOrEqual(1e-12 * scale + 1e-300);
        }
        let scaleRec = 0;
        let scaleX = 0;
        for (let k = 1; k <= n; k++) {
          let pathSum = 0;
          for (let j = k; j <= n && j - tau < k; j++) pathSum += Math.abs(Math.pow(wRec, j - k) * r.local[j]);
          scaleRec += pathSum * Math.abs(s[k - 1]);
          scaleX += pathSum * Math.abs(x[k - 1]);
        }
        expect(Math.abs(r.dWRec - ref.dWRec)).toBeLessThanOrEqual(1e-12 * scaleRec + 1e-300);
        expect(Math.abs(r.dWX - ref.dWX)).toBeLessThanOrEqual(1e-12 * scaleX + 1e-300);
      }),
      { seed: 17, numRuns: 300 },
    );
  });

  it('backprop with truncation stays finite for |w_rec| > 1 where a sliding-window difference would not', () => {
    // 300 steps at w_rec = 1.5: w_rec^300 ≈ 1e53, but each kept path is at most 1.5^9 long
    const x = new Array(300).fill(1);
    const r = backprop(x, { wRec: 1.5, wX: 1e-50 }, 'every-step', undefined, { truncate: 10 });
    const ref = truncatedByPaths(x, 1.5, 1e-50, 'every-step', 10);
    for (let k = 0; k <= 300; k++) expect(relativeError(r.delta[k], ref.delta[k])).toBeLessThanOrEqual(1e-12);
  });
});
