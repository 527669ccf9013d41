import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addingProblem } from '~/core/addingProblem.ts';
import { lstmRegressionForward } from '~/core/lstmRegressionForward.ts';
import { lstmRegressionInit } from '~/core/lstmRegressionInit.ts';
import { lstmRegressionBackward } from '~/core/lstmRegressionBackward.ts';
import { rnnRegressionInit } from '~/core/rnnRegressionInit.ts';
import { rnnRegressionForward } from '~/core/rnnRegressionForward.ts';
import { stateGradientNorms } from '~/core/stateGradientNorms.ts';
import { relErr } from './addingFixtures.ts';

/** w_rec in [−1.5, 1.5], with |w_rec| < 0.01 flushed to 0 so w_rec^40 stays out of the subnormal range. */
const recurrentWeight = fc.double({ min: -1.5, max: 1.5, noNaN: true }).map((v) => (Math.abs(v) < 0.01 ? 0 : v));

describe('stateGradientNorms', () => {
  it('stateGradientNorms(linear RNN, H = 1) is the closed form |y − t| |w_out| |w_rec|^{T−k} (fast-check, rel 1e-13)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 40 }), fc.nat(1000), recurrentWeight, (T, seed, wRec) => {
        const model = { ...rnnRegressionInit({ H: 1, seed, activation: 'identity' }), wRec: Float64Array.of(wRec) };
        const { x, t } = addingProblem({ T, B: 1, seed });
        const norms = stateGradientNorms(model, x[0], t[0]);
        const e = rnnRegressionForward(model, x[0]).y - t[0];
        expect(norms.length).toBe(T + 1);
        for (let k = 0; k <= T; k++) {
          // ∂E/∂h_k = (y − t) w_out w_rec^{T−k}: one rounding per factor, ≤ (T + 2) ε relative
          expect(relErr(norms[k], Math.abs(e * model.wOut[0] * wRec ** (T - k)), 1e-300)).toBeLessThanOrEqual(1e-13);
        }
      }),
      { seed: 19, numRuns: 50 },
    );
  });

  it('stateGradientNorms(LSTM) is ‖∂E/∂c_k‖ of lstmRegressionBackward, and at k = T the closed form |e| ‖w_out ⊙ o_T ⊙ (1 − tanh² c_T)‖', () => {
    const model = lstmRegressionInit({ H: 4, seed: 5 });
    const { x, t } = addingProblem({ T: 20, B: 1, seed: 5 });
    const norms = stateGradientNorms(model, x[0], t[0]);
    const trace = lstmRegressionForward(model, x[0]);
    const e = trace.y - t[0];
    const { dc } = lstmRegressionBackward(model, trace, e);
    expect(Array.from(norms)).toEqual(dc.map((row) => Math.hypot(...row)).map((v) => expect.closeTo(v, 15)));
    const { o, tanhC } = trace.cell;
    const atT = Math.hypot(...Array.from({ length: 4 }, (_, r) => e * model.wOut[r] * o[20][r] * (1 - tanhC[20][r] ** 2)));
    expect(relErr(norms[20], atT, 1e-300)).toBeLessThanOrEqual(1e-14);
  });

  it('stateGradientNorms throws a RangeError for a non-finite target', () => {
    const model = rnnRegressionInit({ H: 2, seed: 1 });
    expect(() => stateGradientNorms(model, [[0, 1], [1, 1]], NaN)).toThrow('t must be a finite number, got NaN');
  });
});
