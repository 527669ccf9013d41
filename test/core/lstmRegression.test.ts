import fc from 'fast-check';
import { randomLcg } from 'd3-random';
import { describe, expect, it } from 'vitest';
import type { LstmRegression } from '~/core/addingModel.ts';
import { addingProblem } from '~/core/addingProblem.ts';
import { lstmForward, lstmInit } from '~/core/lstm.ts';
import { lstmRegressionBackward } from '~/core/lstmRegressionBackward.ts';
import { lstmRegressionForward } from '~/core/lstmRegressionForward.ts';
import { lstmRegressionInit } from '~/core/lstmRegressionInit.ts';
import { relErr, REL, worstGradientError } from './addingFixtures.ts';

function sig(a: number): number {
  return 1 / (1 + Math.exp(-a));
}

/**
 * The hand-worked case: H = 1, D = 2, T = 1, h_0 = c_0 = 0, x_1 = (u_1, m_1) = (0.5, 1), target t = 1. Each W_G is
 * [w_h, w_u, w_m]; h_0 = 0, so w_h does not act.
 *   W_f = [0.3, 1, 0.5],  b_f = 0  →  a_f = 1,   f_1 = σ(1) (c_0 = 0: the forget gate has no effect)
 *   W_i = [0.3, 0, 0],    b_i = 0  →  a_i = 0,   i_1 = 0.5
 *   W_o = [0.3, 2, 1],    b_o = −1 →  a_o = 1,   o_1 = σ(1) ≈ 0.7310586
 *   W_c = [0.3, 1, 0],    b_c = 0  →  a_c = 0.5, c̃_1 = tanh 0.5 ≈ 0.4621172
 *   c_1 = i_1 c̃_1 ≈ 0.2310586,  h_1 = o_1 tanh c_1 ≈ 0.1659741
 *   y = 2 h_1 + 0.1 ≈ 0.4319483,  e = y − t ≈ −0.5680517,  E = ½ e² ≈ 0.1613414
 * Backward: ∂E/∂h_1 = 2e;  ∂E/∂c_1 = 2e o_1 (1 − tanh² c_1);  δa_o = 2e tanh(c_1) o_1(1 − o_1);
 *   δa_i = ∂E/∂c_1 c̃_1 i_1(1 − i_1);  δa_c = ∂E/∂c_1 i_1 (1 − c̃_1²);  δa_f = ∂E/∂c_1 c_0 f_1(1 − f_1) = 0.
 *   ∂E/∂W_G = δa_G [h_0, u_1, m_1] = δa_G [0, 0.5, 1],  ∂E/∂b_G = δa_G,  ∂E/∂w_out = e h_1,  ∂E/∂b_out = e.
 */
function handModel(): LstmRegression {
  return {
    kind: 'lstm',
    hiddenSize: 1,
    inputSize: 2,
    forgetGate: true,
    wF: Float64Array.of(0.3, 1, 0.5),
    wI: Float64Array.of(0.3, 0, 0),
    wO: Float64Array.of(0.3, 2, 1),
    wC: Float64Array.of(0.3, 1, 0),
    bF: Float64Array.of(0),
    bI: Float64Array.of(0),
    bO: Float64Array.of(-1),
    bC: Float64Array.of(0),
    wOut: Float64Array.of(2),
    bOut: Float64Array.of(0.1),
  };
}
const handX = [Float64Array.of(0.5, 1)];

function halfSquare(model: LstmRegression, x: readonly ArrayLike<number>[], t: number): number {
  const e = lstmRegressionForward(model, x).y - t;
  return 0.5 * e * e;
}

describe('lstmRegressionForward', () => {
  it('lstmRegressionForward(hand model) gives the hand-worked c_1, h_1 and y', () => {
    const { cell, y } = lstmRegressionForward(handModel(), handX);
    const c1 = 0.5 * Math.tanh(0.5);
    const h1 = sig(1) * Math.tanh(c1);
    expect(relErr(cell.c[1][0], c1, 1e-300)).toBeLessThanOrEqual(1e-15);
    expect(relErr(cell.h[1][0], h1, 1e-300)).toBeLessThanOrEqual(1e-15);
    expect(relErr(y, 2 * h1 + 0.1, 1e-300)).toBeLessThanOrEqual(1e-15);
    expect(Math.abs(y - 0.4319483)).toBeLessThan(1e-7);
  });

  it('lstmRegressionForward reads y = w_outᵀ h_T + b_out off lstmForward', () => {
    const model = lstmRegressionInit({ H: 4, seed: 8 });
    const { x } = addingProblem({ T: 12, B: 1, seed: 8 });
    const trace = lstmForward(model, x[0]);
    const hT = trace.h[12];
    const expected = model.bOut[0] + hT.reduce((sum, v, j) => sum + model.wOut[j] * v, 0);
    expect(lstmRegressionForward(model, x[0]).y).toBe(expected);
  });
});

describe('lstmRegressionBackward', () => {
  it('lstmRegressionBackward(hand model, dy = y − t) gives the hand-derived gradients', () => {
    const model = handModel();
    const trace = lstmRegressionForward(model, handX);
    const e = trace.y - 1;
    const { grads, dh, dc } = lstmRegressionBackward(model, trace, e);
    const o1 = sig(1);
    const cTilde1 = Math.tanh(0.5);
    const c1 = 0.5 * cTilde1;
    const h1 = o1 * Math.tanh(c1);
    const dh1 = 2 * e;
    const dc1 = dh1 * o1 * (1 - Math.tanh(c1) ** 2);
    const daO = dh1 * Math.tanh(c1) * o1 * (1 - o1);
    const daI = dc1 * cTilde1 * 0.25;
    const daC = dc1 * 0.5 * (1 - cTilde1 * cTilde1);
    const cases: Array<[string, number, number]> = [
      ['∂E/∂h_1', dh[1][0], dh1],
      ['∂E/∂c_1', dc[1][0], dc1],
      ['∂E/∂W_o[u]', grads.wO[1], daO * 0.5],
      ['∂E/∂W_o[m]', grads.wO[2], daO],
      ['∂E/∂b_o', grads.bO[0], daO],
      ['∂E/∂W_i[u]', grads.wI[1], daI * 0.5],
      ['∂E/∂b_i', grads.bI[0], daI],
      ['∂E/∂W_c[u]', grads.wC[1], daC * 0.5],
      ['∂E/∂W_c[m]', grads.wC[2], daC],
      ['∂E/∂b_c', grads.bC[0], daC],
      ['∂E/∂w_out', grads.wOut[0], e * h1],
      ['∂E/∂b_out', grads.bOut[0], e],
    ];
    for (const [what, got, want] of cases) expect(relErr(got, want, 1e-300), what).toBeLessThanOrEqual(1e-14);
    // c_0 = 0 and h_0 = 0: the forget gate and every recurrent weight get exactly zero gradient
    expect([...grads.wF, ...grads.bF, grads.wI[0], grads.wO[0], grads.wC[0]].every((v) => v === 0)).toBe(true);
  });

  it('lstmRegressionBackward matches central differences of ½(y − t)² for every entry of every block (H = 3, T = 9)', () => {
    const model = lstmRegressionInit({ H: 3, seed: 4, scale: 1 });
    const random = randomLcg(5);
    for (const b of [model.bF, model.bI, model.bO, model.bC]) for (let r = 0; r < 3; r++) b[r] += 2 * random() - 1;
    model.bOut[0] = 0.3;
    const { x, t } = addingProblem({ T: 9, B: 1, seed: 4 });
    const tr = lstmRegressionForward(model, x[0]);
    const { grads } = lstmRegressionBackward(model, tr, tr.y - t[0]);
    expect(worstGradientError(model, grads, () => halfSquare(model, x[0], t[0]))).toBeLessThanOrEqual(REL);
  });

  it('lstmRegressionBackward matches central differences over random models and sequences (fast-check, relative error ≤ 1e-6, floor 1e-4)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 2, max: 10 }),
        fc.nat(10_000),
        fc.double({ min: 0.2, max: 1.5, noNaN: true }),
        (H, T, seed, scale) => {
          const model = lstmRegressionInit({ H, seed, scale });
          const random = randomLcg(seed + 1);
          for (const b of [model.bF, model.bI, model.bO, model.bC]) for (let r = 0; r < H; r++) b[r] += 2 * random() - 1;
          model.bOut[0] = 2 * random() - 1;
          const { x, t } = addingProblem({ T, B: 1, seed });
          const tr = lstmRegressionForward(model, x[0]);
          const { grads } = lstmRegressionBackward(model, tr, tr.y - t[0]);
          return worstGradientError(model, grads, () => halfSquare(model, x[0], t[0])) <= REL;
        },
      ),
      { seed: 12, numRuns: 30 },
    );
  });
});

describe('lstmRegressionInit', () => {
  it('lstmRegressionInit({H, seed}) is lstmInit’s cell (b_f = 1) with w_out drawn next from the same randomLcg(seed) stream', () => {
    const H = 3;
    const model = lstmRegressionInit({ H, seed: 42 });
    const cell = lstmInit({ hiddenSize: H, inputSize: 2, seed: 42 });
    for (const name of ['wF', 'wI', 'wO', 'wC', 'bF', 'bI', 'bO', 'bC'] as const) expect(Array.from(model[name])).toEqual(Array.from(cell[name]));
    expect(Array.from(model.bF)).toEqual([1, 1, 1]);
    const random = randomLcg(42);
    const scale = 1 / Math.sqrt(H);
    const stream = Array.from({ length: 4 * H * (H + 2) + H }, () => (2 * random() - 1) * scale);
    expect(Array.from(model.wOut)).toEqual(stream.slice(4 * H * (H + 2)));
    expect(Array.from(model.bOut)).toEqual([0]);
    expect(Array.from(model.wC)).toEqual(stream.slice(3 * H * (H + 2), 4 * H * (H + 2)));
  });

  it.each([
    // hidden size above LSTM_MAX_HIDDEN
    ['H = 65', () => lstmRegressionInit({ H: 65, seed: 1 }), 'H must be an integer from 1 to 64, got 65'],
    // non-finite forget bias
    ['forgetBias NaN', () => lstmRegressionInit({ H: 2, seed: 1, forgetBias: NaN }), 'forgetBias must be a finite number, got NaN'],
    // an empty sequence
    ['empty x', () => lstmRegressionForward(handModel(), []), 'x must have at least 1 step, got an empty sequence'],
    // an input vector of the wrong length (lstmForward's check)
    ['x[0] of length 3', () => lstmRegressionForward(handModel(), [[1, 0, 0]]), 'x[0] must have length 2, got length 3'],
    // a readout of the wrong length
    ['wOut too long', () => lstmRegressionForward({ ...handModel(), wOut: Float64Array.of(1, 2) }, handX), 'model.wOut must have length 1, got length 2'],
    // a non-finite cell weight (lstmForward's check)
    ['wC NaN', () => lstmRegressionForward({ ...handModel(), wC: Float64Array.of(0, NaN, 0) }, handX), 'params.wC[1] must be a finite number, got NaN'],
  ])('%s throws RangeError', (_name, call, message) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });
});
