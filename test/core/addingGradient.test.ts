import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addingGradient } from '~/core/addingGradient.ts';
import type { AddingModel } from '~/core/addingModel.ts';
import { addingProblem } from '~/core/addingProblem.ts';
import { addingPredict } from '~/core/addingPredict.ts';
import { lstmRegressionBackward } from '~/core/lstmRegressionBackward.ts';
import { lstmRegressionForward } from '~/core/lstmRegressionForward.ts';
import { lstmRegressionInit } from '~/core/lstmRegressionInit.ts';
import { rnnRegressionBackward } from '~/core/rnnRegressionBackward.ts';
import { rnnRegressionForward } from '~/core/rnnRegressionForward.ts';
import { rnnRegressionInit } from '~/core/rnnRegressionInit.ts';
import { zeroGradients } from '~/core/zeroGradients.ts';
import { blocksOf, relErr, REL, worstGradientError } from './addingFixtures.ts';

function model(kind: 'rnn' | 'lstm', H: number, seed: number, scale?: number): AddingModel {
  return kind === 'rnn' ? rnnRegressionInit({ H, seed, scale }) : lstmRegressionInit({ H, seed, scale });
}

describe('addingGradient', () => {
  it.each(['rnn', 'lstm'] as const)('addingGradient(%s) is the mean of the sequences’ ½(y − t)² and of their gradients (relative error ≤ 1e-14)', (kind) => {
    const m = model(kind, 3, 6);
    const batch = addingProblem({ T: 8, B: 4, seed: 6 });
    const grads = zeroGradients(m);
    const L = addingGradient(m, batch, grads);
    let sum = 0;
    const perSequence = zeroGradients(m) as unknown as Record<string, Float64Array>;
    for (let b = 0; b < 4; b++) {
      const e = addingPredict(m, batch.x[b]) - batch.t[b];
      sum += 0.5 * e * e;
      if (m.kind === 'rnn') {
        const tr = rnnRegressionForward(m, batch.x[b]);
        rnnRegressionBackward(m, tr, e, perSequence as never);
      } else {
        const tr = lstmRegressionForward(m, batch.x[b]);
        lstmRegressionBackward(m, tr, e, perSequence as never);
      }
    }
    expect(relErr(L, sum / 4, 1e-300)).toBeLessThanOrEqual(1e-14);
    const g = grads as unknown as Record<string, Float64Array>;
    for (const [name] of blocksOf(m)) {
      g[name].forEach((v, i) => expect(relErr(v, perSequence[name][i] / 4, 1e-12), `${name}[${i}]`).toBeLessThanOrEqual(1e-12));
    }
  });

  it('addingGradient resets grads: a second call gives the same gradient', () => {
    const m = lstmRegressionInit({ H: 2, seed: 3 });
    const batch = addingProblem({ T: 5, B: 3, seed: 3 });
    const grads = zeroGradients(m);
    addingGradient(m, batch, grads);
    const first = grads.wF.slice();
    addingGradient(m, batch, grads);
    expect(grads.wF).toEqual(first);
  });

  it.each(['rnn', 'lstm'] as const)(
    'addingGradient(%s) matches central differences of the batch loss for every weight block (fast-check, relative error ≤ 1e-6, floor 1e-4)',
    (kind) => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 2, max: 10 }), fc.integer({ min: 1, max: 4 }), fc.nat(10_000), (H, T, B, seed) => {
          const m = model(kind, H, seed, 1);
          const batch = addingProblem({ T, B, seed });
          const grads = zeroGradients(m);
          addingGradient(m, batch, grads);
          const scratch = zeroGradients(m);
          return worstGradientError(m, grads, () => addingGradient(m, batch, scratch)) <= REL;
        }),
        { seed: 13, numRuns: 25 },
      );
    },
  );
});
