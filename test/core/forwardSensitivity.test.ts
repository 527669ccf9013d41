import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Objective } from '~/core';
import { backprop, forwardSensitivity, numericalGradient } from '~/core';
import { sequence, weight } from './arbitraries';

const OBJECTIVES: Objective[] = ['final', 'every-step'];

describe('forwardSensitivity: hand-worked cases', () => {
  it("forwardSensitivity([1, 1, 0, 1], w = (0.5, 1), 'every-step') carries the sensitivities worked by hand", () => {
    // s = 0, 1, 1.5, 0.75, 1.375;  t = 0, 1, 2, 2, 3;  s_k − t_k = 0, −0.5, −1.25, −1.625 (k = 1..4)
    // σ_k^rec = s_{k−1} + 0.5 σ_{k−1}^rec: 0, 0, 1, 2, 1.75
    // σ_k^x   = x_k     + 0.5 σ_{k−1}^x:   0, 1, 1.5, 0.75, 1.375
    // terms (s_k − t_k) σ_k^rec: 0, −0.5, −2.5, −2.84375          → ∂E/∂w_rec = −5.84375
    // terms (s_k − t_k) σ_k^x:   0, −0.75, −0.9375, −2.234375     → ∂E/∂w_x   = −3.921875
    // E = ½ (0.25 + 1.5625 + 2.640625) = 2.2265625
    const r = forwardSensitivity([1, 1, 0, 1], { wRec: 0.5, wX: 1 }, 'every-step');
    expect(Array.from(r.s)).toEqual([0, 1, 1.5, 0.75, 1.375]);
    expect(Array.from(r.sigmaRec)).toEqual([0, 0, 1, 2, 1.75]);
    expect(Array.from(r.sigmaX)).toEqual([0, 1, 1.5, 0.75, 1.375]);
    expect(Array.from(r.local)).toEqual([0, 0, -0.5, -1.25, -1.625]);
    expect(Array.from(r.termWRec)).toEqual([0, 0, -0.5, -2.5, -2.84375]);
    expect(Array.from(r.termWX)).toEqual([0, 0, -0.75, -0.9375, -2.234375]);
    expect(r.dWRec).toBe(-5.84375);
    expect(r.dWX).toBe(-3.921875);
    expect(r.loss).toBe(2.2265625);
  });

  it("for 'final' only step n's error counts: ∂E/∂w = (s_n − t_n) σ_n", () => {
    // x = [1, 1], w = (0.5, 2): s = 0, 2, 3; t_2 = 2; σ^rec = 0, 0, 2; σ^x = 0, 1, 1.5 (s_2 = w_x (w_rec + 1))
    const r = forwardSensitivity([1, 1], { wRec: 0.5, wX: 2 }, 'final');
    expect(Array.from(r.local)).toEqual([0, 0, 1]);
    expect(r.dWRec).toBe(2);
    expect(r.dWX).toBe(1.5);
    expect(r.loss).toBe(0.5);
  });

  it('uses the given targets', () => {
    const r = forwardSensitivity([1, 1], { wRec: 0.5, wX: 2 }, 'every-step', [0, 2, 3]);
    expect([r.loss, r.dWRec, r.dWX]).toEqual([0, 0, 0]);
  });

  it('refuses what backprop refuses, with the same messages', () => {
    expect(() => forwardSensitivity([], { wRec: 1, wX: 1 }, 'final')).toThrow(/at least 1 step/);
    expect(() => forwardSensitivity([1, Number.NaN], { wRec: 1, wX: 1 }, 'final')).toThrow(/x\[1\]/);
    expect(() => forwardSensitivity([1], { wRec: Number.POSITIVE_INFINITY, wX: 1 }, 'final')).toThrow(/wRec/);
    expect(() => forwardSensitivity([1], { wRec: 1, wX: 1 }, 'last' as Objective)).toThrow(/objective/);
  });
});

describe('forwardSensitivity: the forward reading of the gradient is the backward one', () => {
  it.each(OBJECTIVES)('equals backprop to 1e-12 relative, with the same states and loss (%s)', (objective) => {
    fc.assert(
      fc.property(sequence, weight, weight, (x, wRec, wX) => {
        const w = { wRec, wX };
        const f = forwardSensitivity(x, w, objective);
        const b = backprop(x, w, objective);
        expect(Array.from(f.s)).toEqual(Array.from(b.s));
        // the loss is sequenceError's sum from k = 1 up; backprop adds the same terms from k = n down
        expect(Math.abs(f.loss - b.loss)).toBeLessThanOrEqual(1e-12 * b.loss);
        // the two orders of summation differ in rounding only; the scale is the size of the terms summed
        const scale = (terms: Float64Array) => terms.reduce((m, v) => Math.max(m, Math.abs(v)), 0) * x.length;
        expect(Math.abs(f.dWRec - b.dWRec)).toBeLessThanOrEqual(1e-12 * Math.max(Math.abs(b.dWRec), scale(b.gradWRec), 1e-300));
        expect(Math.abs(f.dWX - b.dWX)).toBeLessThanOrEqual(1e-12 * Math.max(Math.abs(b.dWX), scale(b.gradWX), 1e-300));
      }),
      { seed: 20261126, numRuns: 500 },
    );
  });

  it.each(OBJECTIVES)('matches central differences (relative error ≤ 1e-6) (%s)', (objective) => {
    fc.assert(
      fc.property(sequence, weight, weight, (x, wRec, wX) => {
        const w = { wRec, wX };
        const f = forwardSensitivity(x, w, objective);
        const num = numericalGradient(x, w, objective);
        const floor = 1e-4 * (1 + f.loss);
        const err = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), floor);
        expect(err(f.dWRec, num.dWRec)).toBeLessThanOrEqual(1e-6);
        expect(err(f.dWX, num.dWX)).toBeLessThanOrEqual(1e-6);
      }),
      { seed: 424243, numRuns: 300 },
    );
  });

  it('each sensitivity is the derivative of its state: σ_k = ∂s_k/∂w by central differences', () => {
    const x = [0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 1, 1];
    const w = { wRec: 0.9, wX: 1.1 };
    const h = 1e-6;
    const f = forwardSensitivity(x, w, 'every-step');
    const up = forwardSensitivity(x, { ...w, wRec: w.wRec + h }, 'every-step').s;
    const down = forwardSensitivity(x, { ...w, wRec: w.wRec - h }, 'every-step').s;
    const upX = forwardSensitivity(x, { ...w, wX: w.wX + h }, 'every-step').s;
    const downX = forwardSensitivity(x, { ...w, wX: w.wX - h }, 'every-step').s;
    for (let k = 1; k <= x.length; k++) {
      expect(f.sigmaRec[k]).toBeCloseTo((up[k] - down[k]) / (2 * h), 6);
      expect(f.sigmaX[k]).toBeCloseTo((upX[k] - downX[k]) / (2 * h), 6);
    }
  });
});
