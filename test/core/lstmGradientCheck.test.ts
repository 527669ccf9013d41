import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ADDING_SEED_OFFSETS,
  LSTM_CHECK_FLOOR,
  LSTM_REGRESSION_BLOCKS,
  addingProblem,
  lstmGradientCheck,
  lstmRegressionBackward,
  lstmRegressionForward,
  lstmRegressionInit,
  relativeError,
} from '~/core';

describe('lstmGradientCheck', () => {
  it('lstmGradientCheck({ T: 6, H: 2, seed: 1 }) checks 2 weights of every block (1 of b_out), 19 of the 43, all within 1e-6', () => {
    const check = lstmGradientCheck({ T: 6, H: 2, seed: 1 });
    // 4 matrices of H(H + 2) = 8, 4 biases of 2, w_out of 2, b_out of 1
    expect(check.weightCount).toBe(43);
    expect(check.rows).toHaveLength(19);
    for (const block of LSTM_REGRESSION_BLOCKS) {
      const indices = check.rows.filter((row) => row.block === block).map((row) => row.index);
      expect(indices).toHaveLength(block === 'bOut' ? 1 : 2);
      expect(new Set(indices).size).toBe(indices.length);
      expect([...indices].sort((a, b) => a - b)).toEqual(indices);
    }
    expect(check.rows.map((row) => row.block)).toEqual(
      LSTM_REGRESSION_BLOCKS.flatMap((block) => (block === 'bOut' ? [block] : [block, block])),
    );
    expect(check.worst).toBeLessThanOrEqual(1e-6);
    expect(check.worst).toBe(Math.max(...check.rows.map((row) => row.relativeError)));
  });

  it('runs the race’s LSTM on an adding-problem sequence and reports lstmRegressionBackward’s gradient unchanged', () => {
    const [T, H, seed] = [5, 3, 17];
    const check = lstmGradientCheck({ T, H, seed });
    const model = lstmRegressionInit({ H, seed });
    const batch = addingProblem({ T, B: 1, seed: seed + ADDING_SEED_OFFSETS.data });
    expect(check.x.map((xk) => Array.from(xk))).toEqual(batch.x[0].map((xk) => Array.from(xk)));
    expect(check.t).toBe(batch.t[0]);
    const trace = lstmRegressionForward(model, batch.x[0]);
    expect(check.y).toBe(trace.y);
    expect(check.E).toBe(0.5 * (trace.y - batch.t[0]) ** 2);
    const { grads } = lstmRegressionBackward(model, trace, trace.y - batch.t[0]);
    for (const row of check.rows) {
      expect(row.bptt).toBe(grads[row.block][row.index]);
      expect(row.relativeError).toBe(relativeError(row.bptt, row.numeric, LSTM_CHECK_FLOOR));
    }
    // the weights were put back after every difference
    for (const block of LSTM_REGRESSION_BLOCKS) expect(Array.from(check.model[block])).toEqual(Array.from(model[block]));
  });

  it('its central differences for the readout match the closed forms ∂E/∂b_out = y − t and ∂E/∂w_out = (y − t) h_T (relative error ≤ 1e-9)', () => {
    const check = lstmGradientCheck({ T: 8, H: 4, seed: 3, perBlock: Infinity });
    const hT = lstmRegressionForward(check.model, check.x).cell.h[8];
    const e = check.y - check.t;
    for (const row of check.rows) {
      if (row.block === 'bOut') expect(relativeError(row.numeric, e, LSTM_CHECK_FLOOR)).toBeLessThanOrEqual(1e-9);
      if (row.block === 'wOut') expect(relativeError(row.numeric, e * hT[row.index], LSTM_CHECK_FLOOR)).toBeLessThanOrEqual(1e-9);
    }
    // perBlock: Infinity checks every weight once
    expect(check.rows).toHaveLength(check.weightCount);
  });

  it('agrees with central differences to 1e-6 for every weight, T = 2 … 8, H = 1 … 4, any seed (fast-check, floor 1e-4)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 1_000_000 }), (T, H, seed) => {
        const check = lstmGradientCheck({ T, H, seed, perBlock: Infinity });
        expect(check.worst).toBeLessThanOrEqual(1e-6);
        expect(check.rows).toHaveLength(4 * H * (H + 2) + 5 * H + 1);
      }),
      { numRuns: 200 },
    );
  });

  it('is reproducible: the same options give the same rows', () => {
    expect(lstmGradientCheck({ T: 4, H: 2, seed: 9 })).toEqual(lstmGradientCheck({ T: 4, H: 2, seed: 9 }));
  });

  it.each([
    // one step has no first half for a marker
    [{ T: 1, H: 2, seed: 1 }, 'T must be an integer from 2 to 100, got 1'],
    [{ T: 101, H: 2, seed: 1 }, 'T must be an integer from 2 to 100, got 101'],
    [{ T: 4, H: 0, seed: 1 }, 'H must be an integer from 1 to 64, got 0'],
    [{ T: 4, H: 2, seed: Number.NaN }, 'seed must be a finite number, got NaN'],
    [{ T: 4, H: 2, seed: 1, perBlock: 0 }, 'perBlock must be an integer'],
  ])('lstmGradientCheck(%j) throws a RangeError naming the argument', (options, message) => {
    expect(() => lstmGradientCheck(options)).toThrow(RangeError);
    expect(() => lstmGradientCheck(options)).toThrow(message);
  });
});
