import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addingProblem } from '~/core/addingProblem.ts';
import { constantPredictorMse } from '~/core/constantPredictorMse.ts';
import { rnnRegressionInit } from '~/core/rnnRegressionInit.ts';
import { testMse } from '~/core/testMse.ts';

describe('constantPredictorMse', () => {
  it('constantPredictorMse(t = (0.5, 1.25)) is ((−0.375)² + 0.375²) / 2 = 0.140625', () => {
    const set = addingProblem({ T: 4, B: 2, seed: 1 });
    set.t.set([0.5, 1.25]);
    // t̄ = 0.875; both deviations are ±0.375
    expect(constantPredictorMse(set)).toBe(0.140625);
  });

  it('constantPredictorMse ≈ Var(u + u\') = Var(u) + Var(u\') = 2 · 1/12 = 1/6 for uniform u, u\' (50,000 sequences, ±0.004)', () => {
    // u, u' independent uniform[0, 1): Var(u) = ∫₀¹ (u − ½)² du = 1/12, and variances of independent terms add
    const variance = 2 * (1 / 12);
    const set = addingProblem({ T: 10, B: 50_000, seed: 3 });
    // standard error of a sample variance of t (kurtosis of a triangular law: 2.4) over 50,000 draws ≈ 0.0009
    expect(Math.abs(constantPredictorMse(set) - variance)).toBeLessThan(0.004);
  });

  it('equals testMse of a model predicting the mean target t̄ (property over T, B, seed; relative error ≤ 1e-12)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.integer({ min: 1, max: 60 }), fc.nat(10_000), (T, B, seed) => {
        const set = addingProblem({ T, B, seed });
        const mean = set.t.reduce((a, b) => a + b, 0) / B;
        const model = rnnRegressionInit({ H: 2, seed: 1, scale: 0 });
        model.bOut[0] = mean;
        const expected = testMse(model, set);
        const got = constantPredictorMse(set);
        expect(Math.abs(got - expected)).toBeLessThanOrEqual(1e-12 * Math.max(expected, 1e-300));
      }),
      { numRuns: 200 },
    );
  });
});
