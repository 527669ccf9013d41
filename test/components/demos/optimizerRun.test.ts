import { describe, expect, it } from 'vitest';
import { countingDataset, datasetLoss, train } from '~/core';
import { OptimizerRun } from '../../../components/demos/optimizerRun.ts';

const data = countingDataset({ count: 20, length: 10, seed: 1 });
const start = { wX: -1.5, wRec: 2 };

describe('OptimizerRun', () => {
  it('new OptimizerRun(...) starts at iteration 0 at the start, with the core loss there', () => {
    const run = new OptimizerRun(data, start, { kind: 'rprop' }, { objective: 'final' }, 10);
    expect(run.iteration).toBe(0);
    expect(run.w).toEqual(start);
    // the loss at the start: the core's first update's lossFrom, and the data-set loss there
    expect(run.loss).toBe(train(data, start, { kind: 'rprop' }, { objective: 'final' }).next().value.lossFrom);
    expect(run.loss).toBe(datasetLoss(data, start, 'final'));
    expect(run.stopped).toBeNull();
  });

  it('run.advance() follows train() update by update, with the loss at the new weights', () => {
    const run = new OptimizerRun(data, start, { kind: 'rprop' }, { objective: 'every-step' }, 50);
    const updates = train(data, start, { kind: 'rprop' }, { objective: 'every-step' });
    for (let i = 1; i <= 50; i++) {
      expect(run.advance()).toBe(true);
      const step = updates.next().value;
      expect(run.iteration).toBe(i);
      expect(run.w).toEqual(step.w);
      expect(run.loss).toBe(step.loss);
      expect(run.losses[i]).toBe(step.loss);
      expect([run.path[2 * i], run.path[2 * i + 1]]).toEqual([step.w.wX, step.w.wRec]);
    }
    // the every-step data-set loss computed directly agrees to rounding (relative error ≤ 1e-12)
    const direct = datasetLoss(data, run.w, 'every-step');
    expect(Math.abs(run.loss - direct) / Math.abs(direct)).toBeLessThanOrEqual(1e-12);
    // at its limit it takes no more updates
    expect(run.advance()).toBe(false);
    expect(run.iteration).toBe(50);
  });

  it.each([
    // gradient descent with the core's default η is thrown far off by the cliff's gradient at its first update
    ['gd', { kind: 'gd' } as const, 'escaped'],
    // so is momentum
    ['momentum', { kind: 'momentum' } as const, 'escaped'],
  ])('a %s run from (−1.5, 2) stops at iteration 1 as %s, and then refuses to advance', (_, config, reason) => {
    const run = new OptimizerRun(data, start, config, { objective: 'final' }, 500);
    expect(run.advance()).toBe(true);
    expect(run.stopped).toBe(reason);
    expect(run.iteration).toBe(1);
    expect(run.active).toBe(false);
    expect(run.advance()).toBe(false);
    expect(run.iteration).toBe(1);
  });

  it('a run whose weights overflow stops as overflow instead of passing non-finite weights to the core', () => {
    // a huge learning rate on a long sequence: the first update overflows
    const long = countingDataset({ count: 5, length: 50, seed: 3 });
    const run = new OptimizerRun(long, { wX: 3, wRec: 3 }, { kind: 'gd', learningRate: 1e300 }, {}, 10);
    expect(run.advance()).toBe(true);
    expect(run.stopped).toBe('overflow');
    expect(run.advance()).toBe(false);
  });

  it('rprop from (−1.5, 2) records the first iteration within 0.01 of (1, 1)', () => {
    const run = new OptimizerRun(data, start, { kind: 'rprop' }, { objective: 'final' }, 500);
    while (run.advance());
    expect(run.reached).not.toBeNull();
    const updates = train(data, start, { kind: 'rprop' }, { objective: 'final' });
    let first = 0;
    for (let i = 1; first === 0; i++) {
      const { w } = updates.next().value;
      if (Math.hypot(w.wX - 1, w.wRec - 1) <= 0.01) first = i;
    }
    expect(run.reached?.iteration).toBe(first);
    expect(Math.hypot(run.w.wX - 1, run.w.wRec - 1)).toBeLessThanOrEqual(0.01);
  });
});
