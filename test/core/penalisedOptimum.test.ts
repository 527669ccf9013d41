import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countingDataset, datasetFrom, datasetGradient, datasetLoss, relativeError } from '~/core';
import { penalisedOptimum, penalisedOptimumNear } from '~/core/penalisedOptimum.ts';

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
  ] as const)("penalisedOptimum(counting data, %s, λ = %s) is a stationary point: ‖∇E + λ w‖ < 1e-9 by the exact gradient", (objective, lambda) => {
    const data = countingDataset({});
    const r = penalisedOptimum(data, objective, lambda);
    const g = datasetGradient(data, r.w, objective);
    expect(Math.hypot(g.dWRec + lambda * r.w.wRec, g.dWX + lambda * r.w.wX)).toBeLessThan(1e-9);
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

  it('penalisedOptimum reports the penalty it was given', () => {
    expect(penalisedOptimum(countingDataset({}), 'final', 0.25).penalty).toBe(0.25);
  });

  it('penalisedOptimum(…, { start }) refines from the start without a grid: from far off it finds the same stationary point', () => {
    const data = countingDataset({});
    const global = penalisedOptimum(data, 'every-step', 2);
    const local = penalisedOptimum(data, 'every-step', 2, { start: { wRec: 0.8, wX: 0.7 } });
    expect(Math.hypot(local.w.wRec - global.w.wRec, local.w.wX - global.w.wX)).toBeLessThan(1e-7);
    expect(() => penalisedOptimum(data, 'final', 1, { start: { wRec: Number.NaN, wX: 0 } })).toThrow(/options\.start/);
  });
});

describe('penalisedOptimumNear', () => {
  // the penalty demo's ladder of globally searched penalties
  const LADDER = [0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 3, 5, 7, 10];

  it.each(['final', 'every-step'] as const)(
    'penalisedOptimumNear(default counting data, %s) matches the global search at every 0.05 of λ in [0, 10] (distance < 1e-6, loss no higher)',
    (objective) => {
      const data = countingDataset({});
      const known = LADDER.map((l) => penalisedOptimum(data, objective, l));
      for (let i = 0; i <= 200; i++) {
        const lambda = i * 0.05;
        const near = penalisedOptimumNear(data, objective, lambda, known);
        const global = penalisedOptimum(data, objective, lambda);
        expect(near.penalty).toBe(lambda);
        expect(Math.hypot(near.w.wRec - global.w.wRec, near.w.wX - global.w.wX)).toBeLessThan(1e-6);
        expect(near.loss).toBeLessThanOrEqual(global.loss * (1 + 1e-9) + 1e-15);
      }
    },
    60_000,
  );

  it('penalisedOptimumNear matches the global search for random counting data sets and penalties within the pages\' limits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 50 }),
        fc.constantFrom('final' as const, 'every-step' as const),
        // the slider's positions: 0 to 10 in steps of 0.01
        fc.integer({ min: 0, max: 1000 }).map((i) => i / 100),
        (seed, count, length, objective, lambda) => {
          const data = countingDataset({ seed, count, length });
          const known = LADDER.map((l) => penalisedOptimum(data, objective, l));
          const near = penalisedOptimumNear(data, objective, lambda, known);
          const global = penalisedOptimum(data, objective, lambda);
          // compared by the penalised loss (relative 1e-9, absolute 1e-15 near a zero loss): where the valley is flat
          // the weights may differ a little more
          expect(Math.abs(near.loss - global.loss)).toBeLessThanOrEqual(1e-9 * global.loss + 1e-15);
        },
      ),
      { seed: 11, numRuns: 100 },
    );
    // 100 runs, each with 14 global searches: seconds, not milliseconds
  }, 60_000);

  it('penalisedOptimumNear returns the known optimum itself when its penalty is asked for', () => {
    const data = countingDataset({});
    const known = [penalisedOptimum(data, 'final', 0), penalisedOptimum(data, 'final', 1)];
    expect(penalisedOptimumNear(data, 'final', 1, known)).toBe(known[1]);
  });

  it.each([
    [-1, 'a negative penalty', /penalty/],
    [1, 'no known optima', /known/],
  ])('penalisedOptimumNear rejects %s (%s) with a RangeError naming it', (penalty, _what, message) => {
    const data = countingDataset({});
    const known = penalty < 0 ? [penalisedOptimum(data, 'final', 0)] : [];
    expect(() => penalisedOptimumNear(data, 'final', penalty, known)).toThrow(RangeError);
    expect(() => penalisedOptimumNear(data, 'final', penalty, known)).toThrow(message);
  });
});

