import { describe, expect, it } from 'vitest';
import { addingProblem } from '~/core/addingProblem.ts';
import { rnnRegressionInit } from '~/core/rnnRegressionInit.ts';
import { lstmRegressionInit } from '~/core/lstmRegressionInit.ts';
import { addingPredict } from '~/core/addingPredict.ts';
import { testMse } from '~/core/testMse.ts';
import { relErr } from './addingFixtures.ts';

/** A model that predicts the constant c: every weight 0, b_out = c. */
function constant(kind: 'rnn' | 'lstm', c: number) {
  const m = kind === 'rnn' ? rnnRegressionInit({ H: 2, seed: 1, scale: 0 }) : lstmRegressionInit({ H: 2, seed: 1, scale: 0 });
  m.bOut[0] = c;
  return m;
}

describe('testMse', () => {
  it('testMse(constant 1) on the hand batch t = (0.5, 1.25) is ((0.5)² + (0.25)²) / 2', () => {
    const set = addingProblem({ T: 4, B: 2, seed: 1 });
    set.t.set([0.5, 1.25]);
    expect(testMse(constant('rnn', 1), set)).toBe((0.25 + 0.0625) / 2);
  });

  it.each(['rnn', 'lstm'] as const)('testMse(%s predicting the constant 1) ≈ Var[t] = 1/6, the closed form (20,000 sequences, ±0.005)', (kind) => {
    const set = addingProblem({ T: 10, B: 20_000, seed: 2 });
    // standard error of the mean of (t − 1)² over 20,000 draws ≈ 0.0013
    expect(Math.abs(testMse(constant(kind, 1), set) - 1 / 6)).toBeLessThan(0.005);
  });

  it('testMse is the mean of (addingPredict − t)² (relative error ≤ 1e-14)', () => {
    const m = lstmRegressionInit({ H: 3, seed: 4 });
    const set = addingProblem({ T: 6, B: 5, seed: 4 });
    let sum = 0;
    for (let b = 0; b < 5; b++) sum += (addingPredict(m, set.x[b]) - set.t[b]) ** 2;
    expect(relErr(testMse(m, set), sum / 5, 1e-300)).toBeLessThanOrEqual(1e-14);
  });
});
