import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OBJECTIVES, countingTargets, loss, numericalGradient } from '~/core';
import { backwardInto } from '~/core/backwardInto.ts';
import { forwardInto } from '~/core/forwardInto.ts';
import { sequence, weight } from './arbitraries';

/** Runs both kernels on one sequence with fresh buffers and returns everything they computed. */
function pass(x: number[], wRec: number, wX: number, objective: 'final' | 'every-step', t = countingTargets(x)) {
  const n = x.length;
  const s = forwardInto(x, wRec, wX, new Float64Array(n + 1));
  const into = { local: new Float64Array(n + 1), delta: new Float64Array(n + 1), gradWRec: new Float64Array(n + 1), gradWX: new Float64Array(n + 1) };
  const grad = new Float64Array(2);
  const E = backwardInto(x, s, t, wRec, objective, grad, into);
  return { s, ...into, E, dWRec: grad[0], dWX: grad[1] };
}

describe('backwardInto', () => {
  it("backwardInto on x = (1, 1), w = (0.5, 2), 'every-step' matches the hand-worked pass", () => {
    // s = [0, 2, 3], t = [0, 1, 2]: local = s − t = [·, 1, 1], E = ½ + ½ = 1.
    // δ_2 = 1, δ_1 = 1 + 0.5·1 = 1.5, δ_0 = 0.5·1.5 = 0.75; ∂E/∂w_rec = 1.5·0 + 1·2 = 2; ∂E/∂w_x = 1.5·1 + 1·1 = 2.5
    const r = pass([1, 1], 0.5, 2, 'every-step');
    expect(r.E).toBe(1);
    expect(Array.from(r.local)).toEqual([0, 1, 1]);
    expect(Array.from(r.delta)).toEqual([0.75, 1.5, 1]);
    expect(Array.from(r.gradWRec)).toEqual([0, 0, 2]);
    expect(Array.from(r.gradWX)).toEqual([0, 1.5, 1]);
    expect([r.dWRec, r.dWX]).toEqual([2, 2.5]);
  });

  it("backwardInto on x = (1, 1), w = (0.5, 2), 'final' scores only step n", () => {
    // local = [·, 0, 1], E = ½; δ_2 = 1, δ_1 = 0.5, δ_0 = 0.25; ∂E/∂w_rec = 1·2 = 2; ∂E/∂w_x = 0.5 + 1 = 1.5
    const r = pass([1, 1], 0.5, 2, 'final');
    expect(r.E).toBe(0.5);
    expect(Array.from(r.local)).toEqual([0, 0, 1]);
    expect(Array.from(r.delta)).toEqual([0.25, 0.5, 1]);
    expect([r.dWRec, r.dWX]).toEqual([2, 1.5]);
  });

  it('backwardInto adds to grad (so one grad sums a data set) and, without buffers, computes the same sums', () => {
    // sequences (1, 1) and (1) at w = (0.5, 2), 'final': ∂E/∂w_rec = 2 + 0, ∂E/∂w_x = 1.5 + 1·1 (s_1 = 2, t_1 = 1)
    const grad = new Float64Array(2);
    const s = new Float64Array(3);
    let E = 0;
    for (const x of [[1, 1], [1]]) {
      forwardInto(x, 0.5, 2, s);
      E += backwardInto(x, s, countingTargets(x), 0.5, 'final', grad);
    }
    expect(E).toBe(1);
    expect(Array.from(grad)).toEqual([2, 2.5]);
  });

  it.each(OBJECTIVES)('backwardInto(%s) matches central differences of loss (relative error ≤ 1e-6 above a floor)', (objective) => {
    // Tolerance: relative error ≤ 1e-6 with a denominator floor of 1e-4 · (1 + E), as in backprop's test: central
    // differences with h = 1e-5 lose about 1e-11 · E to rounding, which swamps a gradient near zero.
    fc.assert(
      fc.property(sequence, weight, weight, (x, wRec, wX) => {
        const r = pass(x, wRec, wX, objective);
        const num = numericalGradient(x, { wRec, wX }, objective);
        const floor = 1e-4 * (1 + r.E);
        const err = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), floor);
        expect(err(r.dWRec, num.dWRec)).toBeLessThanOrEqual(1e-6);
        expect(err(r.dWX, num.dWX)).toBeLessThanOrEqual(1e-6);
      }),
      { seed: 515, numRuns: 300 },
    );
  });

  it.each(OBJECTIVES)('backwardInto(%s): δ_k equals the unrolled sum Σ_{j≥k} w_rec^{j−k} ∂E_j/∂s_j and E equals loss (relative 1e-12)', (objective) => {
    // Tolerance: the recurrence and the unrolled sum (bptt-delta-unrolled) round differently, within a few ulps of
    // the sum of absolute terms (n ≤ 50), so |δ_k − sum| ≤ 1e-12 · Σ|terms| + 1e-300 (the 1e-300 absorbs terms that
    // underflow to subnormals one way and to 0 the other); E is summed in the opposite order from loss, so the two
    // agree to 1e-12 relative (plus 1e-300 for E = 0).
    fc.assert(
      fc.property(sequence, weight, weight, (x, wRec, wX) => {
        const n = x.length;
        const t = countingTargets(x);
        const r = pass(x, wRec, wX, objective, t);
        for (let k = 1; k <= n; k++) {
          let sum = 0;
          let scale = 0;
          for (let j = k; j <= n; j++) {
            const local = objective === 'every-step' || j === n ? r.s[j] - t[j] : 0;
            const term = Math.pow(wRec, j - k) * local;
            sum += term;
            scale += Math.abs(term);
          }
          expect(Math.abs(r.delta[k] - sum)).toBeLessThanOrEqual(1e-12 * scale + 1e-300);
        }
        const E = loss(x, { wRec, wX }, objective, t);
        expect(Math.abs(r.E - E)).toBeLessThanOrEqual(1e-12 * E + 1e-300);
      }),
      { seed: 8080, numRuns: 300 },
    );
  });
});
