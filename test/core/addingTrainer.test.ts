import { randomLcg } from 'd3-random';
import { describe, expect, it } from 'vitest';
import { adam } from '~/core/adam.ts';
import { addingGradient } from '~/core/addingGradient.ts';
import { addingProblem } from '~/core/addingProblem.ts';
import { addingProblemInto } from '~/core/addingProblemInto.ts';
import { ADDING_RACE_DEFAULTS, ADDING_SEED_OFFSETS } from '~/core/addingRaceDefaults.ts';
import { addingTrainer } from '~/core/addingTrainer.ts';
import { clipGlobalNorm } from '~/core/clipGlobalNorm.ts';
import { lstmRegressionInit } from '~/core/lstmRegressionInit.ts';
import { rnnRegressionInit } from '~/core/rnnRegressionInit.ts';
import { testMse } from '~/core/testMse.ts';
import { zeroGradients } from '~/core/zeroGradients.ts';
import { blocksOf } from './addingFixtures.ts';

describe('addingTrainer', () => {
  it.each(['rnn', 'lstm'] as const)(
    'addingTrainer(%s) takes, bit for bit, Adam steps on the clipped gradients of the minibatches of randomLcg(seed + data offset)',
    (kind) => {
      const T = 6;
      const seed = 3;
      const { H, batchSize, learningRate, clipNorm } = ADDING_RACE_DEFAULTS;
      // the same two updates, written out from the parts
      const model = kind === 'rnn' ? rnnRegressionInit({ H, seed }) : lstmRegressionInit({ H, seed });
      const random = randomLcg(seed + ADDING_SEED_OFFSETS.data);
      const batch = addingProblem({ T, B: batchSize, random });
      const grads = zeroGradients(model);
      const theta = blocksOf(model).map(([, block]) => block);
      const g = blocksOf(model).map(([name]) => (grads as unknown as Record<string, Float64Array>)[name]);
      const optimizer = adam(theta.map((block) => block.length), { learningRate });
      const losses: number[] = [];
      const norms: number[] = [];
      for (let update = 1; update <= 2; update++) {
        if (update > 1) addingProblemInto(batch, random);
        losses.push(addingGradient(model, batch, grads));
        norms.push(clipGlobalNorm(g, clipNorm));
        optimizer.step(theta, g);
      }
      const trainer = addingTrainer({ model: kind, T, seed });
      const first = trainer.step();
      const second = trainer.step();
      expect([first.update, second.update, trainer.update]).toEqual([1, 2, 2]);
      expect([first.loss, second.loss]).toEqual(losses);
      expect([first.gradNorm, second.gradNorm]).toEqual(norms);
      expect(blocksOf(trainer.model)).toEqual(blocksOf(model));
    },
  );

  it('addingTrainer: both models see the same first minibatch, so a model predicting the same constant reports the same loss', () => {
    const rnn = addingTrainer({ model: 'rnn', T: 8, seed: 5 });
    const lstm = addingTrainer({ model: 'lstm', T: 8, seed: 5 });
    for (const m of [rnn.model, lstm.model]) {
      for (const [, block] of blocksOf(m)) block.fill(0);
      m.bOut[0] = 1;
    }
    expect(rnn.step().loss).toBe(lstm.step().loss);
  });

  it('addingTrainer.step(3) equals three step(1), and the same seed gives the same weights bit for bit; another seed does not', () => {
    const a = addingTrainer({ model: 'lstm', T: 5, seed: 9 });
    const b = addingTrainer({ model: 'lstm', T: 5, seed: 9 });
    const c = addingTrainer({ model: 'lstm', T: 5, seed: 10 });
    const last = a.step(3);
    b.step();
    b.step();
    expect(b.step()).toEqual(last);
    c.step(3);
    expect(blocksOf(a.model)).toEqual(blocksOf(b.model));
    expect(blocksOf(c.model)).not.toEqual(blocksOf(a.model));
  });

  it.each(['rnn', 'lstm'] as const)('addingTrainer(%s, T = 5) lowers the test MSE below 0.1 within 300 updates', (kind) => {
    const trainer = addingTrainer({ model: kind, T: 5, seed: 1 });
    const testSet = addingProblem({ T: 5, B: 500, seed: 99 });
    const before = testMse(trainer.model, testSet);
    trainer.step(300);
    const after = testMse(trainer.model, testSet);
    expect(after).toBeLessThan(0.1);
    expect(after).toBeLessThan(before);
  });

  it.each([
    // an unknown model
    ['model gru', () => addingTrainer({ model: 'gru' as never, T: 5, seed: 1 }), `model must be 'rnn' or 'lstm', got "gru"`],
    // seeds are integers (offsets are added to them)
    ['seed 1.5', () => addingTrainer({ model: 'rnn', T: 5, seed: 1.5 }), 'seed must be an integer from 0 to 2147483647, got 1.5'],
    // too short for two markers
    ['T = 1', () => addingTrainer({ model: 'rnn', T: 1, seed: 1 }), 'T must be an integer from 2 to 1000000, got 1'],
    // an empty minibatch
    ['batchSize 0', () => addingTrainer({ model: 'lstm', T: 5, seed: 1, batchSize: 0 }), 'B must be an integer from 1 to 1000000, got 0'],
    // clipping at 0 would zero every gradient
    ['clipNorm 0', () => addingTrainer({ model: 'rnn', T: 5, seed: 1, clipNorm: 0 }), 'clipNorm must be a number > 0 (or Infinity), got 0'],
    // Adam's step size
    ['learningRate −1', () => addingTrainer({ model: 'rnn', T: 5, seed: 1, learningRate: -1 }), 'learningRate must be a finite number > 0, got -1'],
    // a step count of 0
    ['step(0)', () => addingTrainer({ model: 'rnn', T: 5, seed: 1 }).step(0), 'count must be an integer from 1 to 9007199254740991, got 0'],
  ])('%s throws RangeError', (_name, call, message) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });
});
