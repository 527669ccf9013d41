import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countingDataset, datasetGradient, datasetLoss, penalisedGradient, relativeError } from '~/core';

describe('penalisedGradient', () => {
  it('matches central differences of E + λ/2 ‖w‖² computed from datasetLoss (random weights and λ, relative 1e-6)', () => {
    const data = countingDataset({ count: 5, length: 6, seed: 3 });
    fc.assert(
      fc.property(
        fc.double({ min: -1.5, max: 1.5, noNaN: true }),
        fc.double({ min: -1.5, max: 1.5, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.constantFrom('final' as const, 'every-step' as const),
        (wRec, wX, lambda, objective) => {
          const E = (r: number, x: number) => datasetLoss(data, { wRec: r, wX: x }, objective) + 0.5 * lambda * (r * r + x * x);
          const h = 1e-5;
          const g = penalisedGradient(data, { wRec, wX }, objective, lambda);
          const dWRec = (E(wRec + h, wX) - E(wRec - h, wX)) / (2 * h);
          const dWX = (E(wRec, wX + h) - E(wRec, wX - h)) / (2 * h);
          const scale = Math.max(1, Math.hypot(dWRec, dWX));
          expect(Math.abs(g.dWRec - dWRec) / scale).toBeLessThan(1e-6);
          expect(Math.abs(g.dWX - dWX) / scale).toBeLessThan(1e-6);
          expect(relativeError(g.loss, E(wRec, wX))).toBeLessThan(1e-12);
        },
      ),
      { seed: 5, numRuns: 100 },
    );
  });

  it('with λ = 0 is datasetGradient exactly, also where w² overflows', () => {
    const data = countingDataset({});
    for (const w of [{ wRec: 0.5, wX: 1 }, { wRec: 1e200, wX: 0 }]) {
      expect(penalisedGradient(data, w, 'final', 0)).toEqual(datasetGradient(data, w, 'final'));
    }
  });

  it('rejects a negative penalty with a RangeError naming it', () => {
    expect(() => penalisedGradient(countingDataset({}), { wRec: 1, wX: 1 }, 'final', -1)).toThrow(/penalty/);
  });
});
