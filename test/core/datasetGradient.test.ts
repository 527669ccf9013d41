import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Objective } from '~/core';
import { backprop, countingDataset, datasetFrom, datasetGradient, datasetLoss, relativeError } from '~/core';
import { sequence, weight } from './arbitraries';

describe('datasetGradient', () => {
  it("datasetGradient of [[1, 1], [1]] at (0.5, 2), 'every-step' matches the hand-worked means", () => {
    // [1, 1]: E = 1, ∂E/∂w_rec = 2, ∂E/∂w_x = 2.5 (worked in backprop.test.ts)
    // [1]: s_1 = 2, t_1 = 1: E = 0.5, ∂E/∂w_rec = δ_1 s_0 = 0, ∂E/∂w_x = δ_1 x_1 = 1
    const g = datasetGradient(datasetFrom([[1, 1], [1]]), { wRec: 0.5, wX: 2 }, 'every-step');
    expect(g).toEqual({ loss: 0.75, dWRec: 1, dWX: 1.75 });
  });

  it.each<Objective>(['final', 'every-step'])('datasetGradient(data, w, %s) is the mean of backprop over sequences of mixed lengths (relative error ≤ 1e-12)', (objective) => {
    fc.assert(
      fc.property(fc.array(sequence, { minLength: 1, maxLength: 5 }), weight, weight, (xs, wRec, wX) => {
        const g = datasetGradient(datasetFrom(xs), { wRec, wX }, objective);
        const rs = xs.map((x) => backprop(x, { wRec, wX }, objective));
        const mean = (f: (r: (typeof rs)[number]) => number) => rs.reduce((sum, r) => sum + f(r), 0) / rs.length;
        // the per-sequence sums agree to rounding; Σ|terms| guards against cancellation between sequences
        const scale = (f: (r: (typeof rs)[number]) => Float64Array) =>
          rs.reduce((sum, r) => sum + f(r).reduce((a, v) => a + Math.abs(v), 0), 0) / rs.length;
        expect(relativeError(g.loss, mean((r) => r.loss))).toBeLessThanOrEqual(1e-12);
        expect(Math.abs(g.dWRec - mean((r) => r.dWRec))).toBeLessThanOrEqual(1e-12 * scale((r) => r.gradWRec) + 1e-300);
        expect(Math.abs(g.dWX - mean((r) => r.dWX))).toBeLessThanOrEqual(1e-12 * scale((r) => r.gradWX) + 1e-300);
      }),
      { seed: 12, numRuns: 100 },
    );
  });

  it('datasetGradient on the counting data set matches central differences of datasetLoss (relative error ≤ 1e-6)', () => {
    const data = countingDataset({ count: 20, length: 10, seed: 1 });
    for (const objective of ['final', 'every-step'] as const) {
      for (const w of [{ wRec: 2, wX: -1.5 }, { wRec: 0.7, wX: 1.3 }, { wRec: 1.2, wX: 1.2 }]) {
        const g = datasetGradient(data, w, objective);
        const h = 1e-5 * Math.max(1, Math.abs(w.wRec));
        const hx = 1e-5 * Math.max(1, Math.abs(w.wX));
        const numRec = (datasetLoss(data, { ...w, wRec: w.wRec + h }, objective) - datasetLoss(data, { ...w, wRec: w.wRec - h }, objective)) / (2 * h);
        const numX = (datasetLoss(data, { ...w, wX: w.wX + hx }, objective) - datasetLoss(data, { ...w, wX: w.wX - hx }, objective)) / (2 * hx);
        expect(relativeError(g.dWRec, numRec)).toBeLessThanOrEqual(1e-6);
        expect(relativeError(g.dWX, numX)).toBeLessThanOrEqual(1e-6);
      }
    }
  });
});
