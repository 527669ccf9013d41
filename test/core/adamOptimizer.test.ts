import { describe, expect, it } from 'vitest';
import type { Dataset, OptimizerConfig, TrainStep, Weights } from '~/core';
import { ADAM_DEFAULTS, adam, adamOptimizer, countingDataset, datasetGradient, train } from '~/core';

/** The first `max` updates of train. */
function run(data: Dataset, w0: Weights, optimizer: OptimizerConfig, max: number): TrainStep[] {
  const steps: TrainStep[] = [];
  for (const step of train(data, w0, optimizer)) {
    steps.push(step);
    if (step.iteration >= max) break;
  }
  return steps;
}

describe('adamOptimizer', () => {
  it('adamOptimizer({ learningRate: 0.1 }) takes the hand-worked steps of adam on w_rec, and none on w_x while its gradient is 0', () => {
    // the same numbers as test/core/adam.test.ts: g = 0.5 then −0.25 from w_rec = 1
    // t = 1: w_rec = 1 − 0.1 · 0.5 / (0.5 + 1e-8) = 0.900000002;  t = 2: w_rec = 0.873366298707846163
    const opt = adamOptimizer({ kind: 'adam', learningRate: 0.1 });
    const w1 = opt.step({ wRec: 1, wX: 3 }, 0.5, 0);
    expect(Math.abs(w1.wRec - 0.90000000199999996)).toBeLessThanOrEqual(1e-15);
    const w2 = opt.step(w1, -0.25, 0);
    expect(Math.abs(w2.wRec - 0.873366298707846163)).toBeLessThanOrEqual(1e-15);
    expect(w2.wX).toBe(3);
  });

  it('adamOptimizer is the core adam over the block [w_rec, w_x], bit for bit', () => {
    const opt = adamOptimizer({ kind: 'adam', learningRate: 0.02, beta1: 0.8, beta2: 0.99, epsilon: 1e-6 });
    const rule = adam([2], { learningRate: 0.02, beta1: 0.8, beta2: 0.99, epsilon: 1e-6 });
    const theta = new Float64Array([0.3, -0.7]);
    let w = { wRec: 0.3, wX: -0.7 };
    for (const [dWRec, dWX] of [[1, 2], [-3, 0.5], [1e6, -1e-3], [0, 0], [7, 7]]) {
      w = opt.step(w, dWRec, dWX);
      rule.step([theta], [new Float64Array([dWRec, dWX])]);
      expect([w.wRec, w.wX]).toEqual(Array.from(theta));
    }
  });

  it("train with adam: the first update from (−1.5, 2) is w − η sign(∂E/∂w), up to ε / |g| ≈ 1e-14 (relative 1e-12)", () => {
    const data = countingDataset({ count: 20, length: 10, seed: 1 });
    const w0 = { wX: -1.5, wRec: 2 };
    const g = datasetGradient(data, w0, 'final');
    const [first] = run(data, w0, { kind: 'adam' }, 1);
    const eta = ADAM_DEFAULTS.learningRate;
    expect(Math.abs(first.w.wRec - (w0.wRec - eta * Math.sign(g.dWRec)))).toBeLessThanOrEqual(1e-12 * Math.abs(w0.wRec));
    expect(Math.abs(first.w.wX - (w0.wX - eta * Math.sign(g.dWX)))).toBeLessThanOrEqual(1e-12 * Math.abs(w0.wX));
  });

  it("train with adam from (−1.5, 2) is not thrown off the cliff: the 'final' loss falls at every one of 500 updates, to below 1/1000 of its start", () => {
    const data = countingDataset({ count: 20, length: 10, seed: 1 });
    const steps = run(data, { wX: -1.5, wRec: 2 }, { kind: 'adam' }, 500);
    for (let i = 1; i < steps.length; i++) expect(steps[i].loss).toBeLessThan(steps[i - 1].loss);
    expect(steps[499].loss).toBeLessThan(steps[0].loss / 1000);
  });

  it('train with adam (η = 0.05, β2 = 0.9) reaches (1, 1) within 0.01 in 500 updates from (−1.5, 2)', () => {
    // with β2 = 0.9, v̂ forgets the cliff's gradients within ~10 updates, so the steps stay near η along the valley
    const data = countingDataset({ count: 20, length: 10, seed: 1 });
    const { w } = run(data, { wX: -1.5, wRec: 2 }, { kind: 'adam', beta2: 0.9 }, 500)[499];
    expect(Math.abs(w.wRec - 1)).toBeLessThan(0.01);
    expect(Math.abs(w.wX - 1)).toBeLessThan(0.01);
  });

  it.each([
    // β1 = 1 would never forget
    [{ kind: 'adam', beta1: 1 }, 'optimizer.beta1 must be in [0, 1), got 1'],
    // a negative step size
    [{ kind: 'adam', learningRate: -1 }, 'optimizer.learningRate must be a finite number > 0, got -1'],
    // ε = 0
    [{ kind: 'adam', epsilon: 0 }, 'optimizer.epsilon must be a finite number > 0, got 0'],
  ] as const)('train(…, %j) throws a RangeError when called: %s', (optimizer, message) => {
    const data = countingDataset({ count: 2, length: 3, seed: 1 });
    expect(() => train(data, { wRec: 1, wX: 1 }, optimizer)).toThrow(new RangeError(message));
  });
});
