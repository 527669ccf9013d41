import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countingDataset, datasetFrom, datasetGradient, datasetLoss, relativeError } from '~/core';
import { penalisedOptimum } from '~/core/penalisedOptimum.ts';

describe('penalisedOptimum', () => {
  it.each([
    // λ = 0: the least-squares fit w_x = 1; w_rec does not affect s_1, so the penalty-free search may stop anywhere on the
    // grid's minimum row: only w_x is checked
    [0, 1],
    // λ = 1: E_λ = ½ (w_x − 1)² + ½ (w_rec² + w_x²) is least at w_x = 1/2, w_rec = 0
    [1, 0.5],
    // λ = 3: w_x = 1/(1 + 3) = 0.25
    [3, 0.25],
  ])("penalisedOptimum(x = (1), 'final', λ = %s) finds w_x = 1/(1 + λ) = %s (relative error < 1e-9)", (lambda, wX) => {
    const r = penalisedOptimum(datasetFrom([[1]]), 'final', lambda);
    expect(relativeError(r.w.wX, wX)).toBeLessThan(1e-9);
    if (lambda > 0) expect(Math.abs(r.w.wRec)).toBeLessThan(1e-9);
    // E = ½ (w_x − 1)²
    expect(relativeError(r.dataLoss, 0.5 * (wX - 1) ** 2)).toBeLessThan(1e-9);
  });

  it.each([
    // the counting data set of chapter 6, both objectives, a weak and a strong penalty
    ['final', 0.1],
    ['final', 10],
    ['every-step', 0.1],
    ['every-step', 10],
  ] as const)("penalisedOptimum(counting data, %s, λ = %s) is a stationary point: ‖∇E + λ w‖ < 1e-6 by the exact gradient", (objective, lambda) => {
    const data = countingDataset({});
    const r = penalisedOptimum(data, objective, lambda);
    const g = datasetGradient(data, r.w, objective);
    expect(Math.hypot(g.dWRec + lambda * r.w.wRec, g.dWX + lambda * r.w.wX)).toBeLessThan(1e-6);
    // loss and dataLoss agree with an independent evaluation (relative 1e-12)
    const E = datasetLoss(data, r.w, objective);
    expect(relativeError(r.dataLoss, E)).toBeLessThan(1e-12);
    expect(relativeError(r.loss, E + 0.5 * lambda * (r.w.wRec ** 2 + r.w.wX ** 2))).toBeLessThan(1e-12);
  });

  it('penalisedOptimum(counting data, λ = 0) is the exact fit (1, 1) with zero loss', () => {
    for (const objective of ['final', 'every-step'] as const) {
      const r = penalisedOptimum(countingDataset({}), objective, 0);
      expect(r.w).toEqual({ wRec: 1, wX: 1 });
      expect(r.loss).toBe(0);
    }
  });

  it('penalisedOptimum: a larger λ never gives a larger ‖w‖ and never a lower data loss (random data and penalties, tolerance 1e-9)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.constantFrom('final' as const, 'every-step' as const),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        (seed, objective, l1, extra) => {
          const data = countingDataset({ count: 5, length: 6, seed });
          const a = penalisedOptimum(data, objective, l1);
          const b = penalisedOptimum(data, objective, l1 + extra);
          const norm = (w: { wRec: number; wX: number }) => Math.hypot(w.wRec, w.wX);
          expect(norm(b.w)).toBeLessThanOrEqual(norm(a.w) + 1e-9);
          expect(b.dataLoss).toBeGreaterThanOrEqual(a.dataLoss - 1e-9);
        },
      ),
      { seed: 7, numRuns: 40 },
    );
  });

  it.each([
    // a negative penalty
    [{ penalty: -1 }, /penalty/],
    // a range with min ≥ max
    [{ range: [1, 1] as const }, /options\.range\[1\]/],
    // a grid of one point
    [{ gridSize: 1 }, /options\.gridSize/],
  ])('penalisedOptimum rejects bad input %o with a RangeError naming it', (bad, message) => {
    const { penalty = 0, ...options } = bad as { penalty?: number };
    expect(() => penalisedOptimum(countingDataset({}), 'final', penalty, options)).toThrow(RangeError);
    expect(() => penalisedOptimum(countingDataset({}), 'final', penalty, options)).toThrow(message);
  });
});
