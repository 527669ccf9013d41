import fc from 'fast-check';
import { randomLcg } from 'd3-random';
import { describe, expect, it } from 'vitest';
import type { RnnRegression } from '~/core/addingModel.ts';
import { addingProblem } from '~/core/addingProblem.ts';
import { linearReadout } from '~/core/linearReadout.ts';
import { rnnRegressionBackward } from '~/core/rnnRegressionBackward.ts';
import { rnnRegressionForward } from '~/core/rnnRegressionForward.ts';
import { rnnRegressionInit } from '~/core/rnnRegressionInit.ts';
import { relErr, REL, worstGradientError } from './addingFixtures.ts';

/**
 * The hand-worked case: H = 1, D = 2, T = 2, tanh, w_rec = 0.5, W_x = (1, −0.5), b = 0.1, w_out = 2, b_out = 0.5,
 * x_1 = (0.5, 1), x_2 = (0.25, 0), target t = 0.75.
 *   a_1 = 0.1 + 0.5 − 0.5 = 0.1                 h_1 = tanh 0.1 ≈ 0.0996680
 *   a_2 = 0.1 + 0.25 + 0.5 h_1 ≈ 0.3998340      h_2 ≈ 0.3798069
 *   y = 2 h_2 + 0.5 ≈ 1.2596138,  e = y − t ≈ 0.5096138,  E = ½ e² ≈ 0.1298531
 * Backward: ∂E/∂h_2 = 2e,  g_2 = (1 − h_2²) 2e ≈ 0.8722007,  ∂E/∂h_1 = 0.5 g_2,  g_1 = (1 − h_1²) 0.5 g_2 ≈ 0.4317683
 *   ∂E/∂w_rec = g_2 h_1 + g_1 h_0 ≈ 0.0869305,  ∂E/∂W_x = g_2 x_2 + g_1 x_1 ≈ (0.4339343, 0.4317683),
 *   ∂E/∂b = g_1 + g_2 ≈ 1.3039690,  ∂E/∂w_out = e h_2 ≈ 0.1935549,  ∂E/∂b_out = e
 */
function handModel(): RnnRegression {
  return {
    kind: 'rnn',
    H: 1,
    D: 2,
    activation: 'tanh',
    wRec: Float64Array.of(0.5),
    wX: Float64Array.of(1, -0.5),
    b: Float64Array.of(0.1),
    wOut: Float64Array.of(2),
    bOut: Float64Array.of(0.5),
  };
}
const handX = [Float64Array.of(0.5, 1), Float64Array.of(0.25, 0)];

/** E = ½(y − t)² of one sequence. */
function halfSquare(model: RnnRegression, x: Float64Array[], t: number): number {
  const e = rnnRegressionForward(model, x).y - t;
  return 0.5 * e * e;
}

describe('rnnRegressionForward', () => {
  it('rnnRegressionForward(hand model) gives the hand-worked h_1, h_2 and y', () => {
    const { h, y, T } = rnnRegressionForward(handModel(), handX);
    const h1 = Math.tanh(0.1);
    const h2 = Math.tanh(0.1 + 0.25 + 0.5 * h1);
    expect(T).toBe(2);
    expect(h[0][0]).toBe(0);
    expect(relErr(h[1][0], h1, 1e-300)).toBeLessThanOrEqual(1e-15);
    expect(relErr(h[2][0], h2, 1e-300)).toBeLessThanOrEqual(1e-15);
    expect(relErr(y, 2 * h2 + 0.5, 1e-300)).toBeLessThanOrEqual(1e-15);
    expect(Math.abs(h[2][0] - 0.3798069)).toBeLessThan(1e-7);
    expect(Math.abs(y - 1.2596138)).toBeLessThan(1e-7);
  });

  it('rnnRegressionForward with the identity and H = 1 equals the closed form y = w_out Σ_k w_rec^{T−k} (W_x x_k + b) + b_out (fast-check, rel 1e-12)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.nat(1000), fc.double({ min: -1.2, max: 1.2, noNaN: true }), (T, seed, wRec) => {
        const model = { ...rnnRegressionInit({ H: 1, seed, activation: 'identity' }), wRec: Float64Array.of(wRec), b: Float64Array.of(0.3) };
        const { x } = addingProblem({ T, B: 1, seed });
        let closed = 0;
        let absolute = 0;
        for (let k = 1; k <= T; k++) {
          const term = wRec ** (T - k) * (model.wX[0] * x[0][k - 1][0] + model.wX[1] * x[0][k - 1][1] + 0.3);
          closed += term;
          absolute += Math.abs(term);
        }
        const y = rnnRegressionForward(model, x[0]).y;
        // the sums differ only by rounding: relative to Σ|terms| it is ≤ T ε ≈ 1e-14
        expect(Math.abs(y - (model.wOut[0] * closed + model.bOut[0]))).toBeLessThanOrEqual(1e-12 * (Math.abs(model.wOut[0]) * absolute + 1e-300));
      }),
      { seed: 9, numRuns: 50 },
    );
  });
});

describe('rnnRegressionBackward', () => {
  it('rnnRegressionBackward(hand model, dy = y − t) gives the hand-derived gradients', () => {
    const model = handModel();
    const trace = rnnRegressionForward(model, handX);
    const e = trace.y - 0.75;
    const { grads, dh } = rnnRegressionBackward(model, trace, e);
    const h1 = trace.h[1][0];
    const h2 = trace.h[2][0];
    const g2 = (1 - h2 * h2) * 2 * e;
    const g1 = (1 - h1 * h1) * 0.5 * g2;
    const cases: Array<[string, number, number, number]> = [
      // [what, got, formula, rounded hand value]
      ['∂E/∂w_rec', grads.wRec[0], g2 * h1, 0.0869305],
      ['∂E/∂W_x[0]', grads.wX[0], g2 * 0.25 + g1 * 0.5, 0.4339343],
      ['∂E/∂W_x[1]', grads.wX[1], g1, 0.4317683],
      ['∂E/∂b', grads.b[0], g1 + g2, 1.303969],
      ['∂E/∂w_out', grads.wOut[0], e * h2, 0.1935549],
      ['∂E/∂b_out', grads.bOut[0], e, 0.5096138],
      ['∂E/∂h_2', dh[2][0], 2 * e, 1.0192277],
      ['∂E/∂h_1', dh[1][0], 0.5 * g2, 0.4361004],
      ['∂E/∂h_0', dh[0][0], 0.5 * g1, 0.2158841],
    ];
    for (const [what, got, want, rounded] of cases) {
      expect(relErr(got, want, 1e-300), what).toBeLessThanOrEqual(1e-14);
      expect(Math.abs(got - rounded), what).toBeLessThan(1e-7);
    }
  });

  it('rnnRegressionBackward matches central differences of ½(y − t)² for every entry of every block (hand model and H = 3)', () => {
    const model = handModel();
    const trace = rnnRegressionForward(model, handX);
    const { grads } = rnnRegressionBackward(model, trace, trace.y - 0.75);
    expect(worstGradientError(model, grads, () => halfSquare(model, handX, 0.75))).toBeLessThanOrEqual(REL);
    const bigger = rnnRegressionInit({ H: 3, seed: 4, scale: 1 });
    bigger.b.set([0.2, -0.3, 0.1]);
    bigger.bOut[0] = 0.4;
    const { x, t } = addingProblem({ T: 9, B: 1, seed: 4 });
    const tr = rnnRegressionForward(bigger, x[0]);
    const g = rnnRegressionBackward(bigger, tr, tr.y - t[0]).grads;
    expect(worstGradientError(bigger, g, () => halfSquare(bigger, x[0] as Float64Array[], t[0]))).toBeLessThanOrEqual(REL);
  });

  it('rnnRegressionBackward matches central differences over random models and sequences (fast-check, relative error ≤ 1e-6, floor 1e-4)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 2, max: 12 }),
        fc.nat(10_000),
        fc.double({ min: 0.2, max: 1.5, noNaN: true }),
        (H, T, seed, scale) => {
          const model = rnnRegressionInit({ H, seed, scale });
          const random = randomLcg(seed + 1);
          for (let i = 0; i < H; i++) model.b[i] = 2 * random() - 1;
          model.bOut[0] = 2 * random() - 1;
          const { x, t } = addingProblem({ T, B: 1, seed });
          const tr = rnnRegressionForward(model, x[0]);
          const { grads } = rnnRegressionBackward(model, tr, tr.y - t[0]);
          return worstGradientError(model, grads, () => halfSquare(model, x[0] as Float64Array[], t[0])) <= REL;
        },
      ),
      { seed: 11, numRuns: 40 },
    );
  });

  it('rnnRegressionBackward(..., into) adds to the accumulator: twice gives 2 × once (relative error ≤ 1e-14)', () => {
    const model = rnnRegressionInit({ H: 2, seed: 3 });
    const { x, t } = addingProblem({ T: 5, B: 1, seed: 3 });
    const tr = rnnRegressionForward(model, x[0]);
    const once = rnnRegressionBackward(model, tr, tr.y - t[0]).grads;
    const acc = rnnRegressionBackward(model, tr, tr.y - t[0]).grads;
    rnnRegressionBackward(model, tr, tr.y - t[0], acc);
    // the sum over steps is rounded once per step, so twice-accumulated and doubled agree to a few ulps: rel ≤ 1e-14
    for (const name of ['wRec', 'wX', 'b', 'wOut', 'bOut'] as const) {
      once[name].forEach((v, i) => expect(relErr(acc[name][i], 2 * v, 1e-300), `${name}[${i}]`).toBeLessThanOrEqual(1e-14));
    }
  });
});

describe('rnnRegressionInit and linearReadout', () => {
  it('rnnRegressionInit({H, seed}) draws W_rec, W_x, w_out in that order from randomLcg(seed), uniform in ±1/√H; biases 0', () => {
    const model = rnnRegressionInit({ H: 3, seed: 42 });
    const random = randomLcg(42);
    const scale = 1 / Math.sqrt(3);
    const expected = Float64Array.from({ length: 9 + 6 + 3 }, () => (2 * random() - 1) * scale);
    expect([...model.wRec, ...model.wX, ...model.wOut]).toEqual([...expected]);
    expect([...model.b, ...model.bOut]).toEqual([0, 0, 0, 0]);
    expect([model.kind, model.H, model.D, model.activation]).toEqual(['rnn', 3, 2, 'tanh']);
    expect(expected.every((w) => Math.abs(w) <= scale)).toBe(true);
  });

  it('linearReadout(w_out, b_out, h) = w_outᵀ h + b_out', () => {
    expect(linearReadout([2, -1], [0.5], [0.25, 3])).toBe(2 * 0.25 - 3 + 0.5);
  });

  it.each([
    // hidden size above the LSTM's bound, shared by both models
    ['H = 65', () => rnnRegressionInit({ H: 65, seed: 1 }), 'H must be an integer from 1 to 64, got 65'],
    // a seed is required: no hidden Math.random
    ['no seed', () => rnnRegressionInit({ H: 2 } as never), 'seed must be a finite number, got undefined'],
    // an input vector of the wrong length
    ['x[1] of length 1', () => rnnRegressionForward(handModel(), [[1, 0], [1]]), 'x[1] must have length 2, got length 1'],
    // an empty sequence
    ['empty x', () => rnnRegressionForward(handModel(), []), 'x must have at least 1 step, got an empty sequence'],
    // a non-finite weight
    ['wRec NaN', () => rnnRegressionForward({ ...handModel(), wRec: Float64Array.of(NaN) }, handX), 'model.wRec[0] must be a finite number, got NaN'],
    // a readout of the wrong length
    ['wOut too long', () => rnnRegressionForward({ ...handModel(), wOut: Float64Array.of(1, 2) }, handX), 'model.wOut must have length 1, got length 2'],
    // a non-finite seed of the backward pass
    ['dy Infinity', () => rnnRegressionBackward(handModel(), rnnRegressionForward(handModel(), handX), Infinity), 'dy must be a finite number, got Infinity'],
  ])('%s throws RangeError', (_name, call, message) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });
});
