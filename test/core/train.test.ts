import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset, Objective, OptimizerConfig, TrainOptions, TrainStep, Weights } from '~/core';
import { OPTIMIZER_KINDS, countingDataset, createOptimizer, datasetGradient, datasetLoss, gradientDescent, train, trainWith } from '~/core';

/** Takes updates from train until `stop` says so or `max` updates were taken; returns them all. */
function run(data: Dataset, w0: Weights, optimizer: OptimizerConfig, options: TrainOptions, max: number): TrainStep[] {
  const steps: TrainStep[] = [];
  for (const step of train(data, w0, optimizer, options)) {
    steps.push(step);
    if (step.iteration >= max) break;
  }
  return steps;
}

const near = (w: Weights, tol: number) => Math.abs(w.wX - 1) < tol && Math.abs(w.wRec - 1) < tol;

describe('train', () => {
  it('train yields iteration 1, 2, … with the starting weights, their loss and gradient, and the loss at the new weights', () => {
    const data = countingDataset({ count: 5, length: 6, seed: 3 });
    const w0 = { wRec: 0.5, wX: 0.5 };
    const steps = run(data, w0, { kind: 'gd', learningRate: 0.001 }, {}, 3);
    expect(steps.map((s) => s.iteration)).toEqual([1, 2, 3]);
    const g0 = datasetGradient(data, w0, 'final');
    expect(steps[0].from).toEqual(w0);
    expect(steps[0].lossFrom).toBe(g0.loss);
    expect(steps[0].dWRec).toBe(g0.dWRec);
    expect(steps[0].w).toEqual({ wRec: 0.5 - 0.001 * g0.dWRec, wX: 0.5 - 0.001 * g0.dWX });
    expect(steps[0].loss).toBe(datasetLoss(data, steps[0].w, 'final'));
    expect(steps[1].from).toBe(steps[0].w);
    expect(steps[1].lossFrom).toBe(steps[0].loss);
  });

  it.each([
    // the starting point of the counting example; several data sets
    ['final', 1],
    ['final', 2],
    ['final', 3],
    ['final', 42],
    ['every-step', 1],
    ['every-step', 2],
    ['every-step', 3],
    ['every-step', 42],
  ] as const)("train(countingDataset(seed %s… ), (w_x, w_rec) = (−1.5, 2), rprop, %s) reaches (1, 1) within 0.01 in ≤ 500 updates", (objective, seed) => {
    const data = countingDataset({ count: 20, length: 10, seed });
    const steps = run(data, { wX: -1.5, wRec: 2 }, { kind: 'rprop' }, { objective }, 500);
    const last = steps[steps.length - 1].w;
    expect(near(last, 0.01)).toBe(true);
  });

  it("train with gradient descent from (1.05, 0.9) converges to (1, 1) for 'every-step' (within 1e-3 in 500 updates)", () => {
    const data = countingDataset({ count: 20, length: 10, seed: 1 });
    const steps = run(data, { wRec: 1.05, wX: 0.9 }, { kind: 'gd' }, { objective: 'every-step' }, 500);
    expect(near(steps[499].w, 1e-3)).toBe(true);
  });

  it("train with gradient descent from (1.05, 0.9) converges for 'final' too, slowly (ill-conditioned), with a falling loss", () => {
    const data = countingDataset({ count: 20, length: 10, seed: 1 });
    const steps = run(data, { wRec: 1.05, wX: 0.9 }, { kind: 'gd' }, { objective: 'final' }, 6000);
    expect(near(steps[5999].w, 0.01)).toBe(true);
    for (let i = 1; i < steps.length; i++) expect(steps[i].loss).toBeLessThanOrEqual(steps[i - 1].loss);
  });

  it('train with momentum from (1.05, 0.9) converges to (1, 1) within 1e-3 in 500 updates', () => {
    const data = countingDataset({ count: 20, length: 10, seed: 1 });
    const steps = run(data, { wRec: 1.05, wX: 0.9 }, { kind: 'momentum' }, { objective: 'every-step' }, 500);
    expect(near(steps[499].w, 1e-3)).toBe(true);
  });

  it('train with an L2 penalty λ moves the optimum toward 0 as λ grows (‖w‖ falls for λ = 0, 0.1, 1, 10)', () => {
    const data = countingDataset({ count: 20, length: 10, seed: 1 });
    const norms = [0, 0.1, 1, 10].map((penalty) => {
      const steps = run(data, { wRec: 0, wX: 0 }, { kind: 'rprop' }, { penalty }, 1000);
      const { w } = steps[999];
      // at the penalised optimum ∂E/∂w + λ w = 0
      const g = datasetGradient(data, w, 'final');
      expect(Math.hypot(g.dWRec + penalty * w.wRec, g.dWX + penalty * w.wX)).toBeLessThan(1e-3);
      return Math.hypot(w.wRec, w.wX);
    });
    for (let i = 1; i < norms.length; i++) expect(norms[i]).toBeLessThan(norms[i - 1]);
  });

  it('train reports the penalised loss: E + λ/2 (w_rec² + w_x²)', () => {
    const data = countingDataset({ count: 4, length: 5, seed: 9 });
    const [step] = run(data, { wRec: 0.3, wX: -0.4 }, { kind: 'gd' }, { penalty: 2 }, 1);
    expect(step.lossFrom).toBe(datasetLoss(data, { wRec: 0.3, wX: -0.4 }, 'final') + 0.5 * 2 * (0.09 + 0.16));
  });

  it('train with clipNorm: the gradient the optimizer sees never exceeds the norm', () => {
    const data = countingDataset({ count: 20, length: 10, seed: 1 });
    const clipNorm = 5;
    const w0 = { wX: -1.5, wRec: 2 };
    const steps = run(data, w0, { kind: 'gd', learningRate: 0.01 }, { clipNorm }, 300);
    let previous = w0;
    let clippedSome = false;
    for (const step of steps) {
      // the move is exactly η times the yielded (clipped) gradient, whose norm is at most clipNorm
      const moved = Math.hypot(step.w.wRec - previous.wRec, step.w.wX - previous.wX) / 0.01;
      expect(moved).toBeLessThanOrEqual(clipNorm * (1 + 1e-12));
      expect(Math.hypot(step.dWRec, step.dWX)).toBeLessThanOrEqual(clipNorm * (1 + 1e-12));
      expect(step.gradNorm).toBeCloseTo(Math.hypot(step.rawDWRec, step.rawDWX), 6);
      if (step.clipped) clippedSome = true;
      else expect([step.dWRec, step.dWX]).toEqual([step.rawDWRec, step.rawDWX]);
      previous = step.w;
    }
    expect(clippedSome).toBe(true); // (−1.5, 2) is on the steep side: its gradient norm is in the thousands
    expect(steps[0].gradNorm).toBeGreaterThan(1000);
  });

  it('train builds a fresh optimizer state per call: two runs give the same updates', () => {
    const data = countingDataset({ count: 20, length: 10, seed: 5 });
    const a = run(data, { wX: -1.5, wRec: 2 }, { kind: 'rprop' }, {}, 50).map((s) => s.w);
    const b = run(data, { wX: -1.5, wRec: 2 }, { kind: 'rprop' }, {}, 50).map((s) => s.w);
    expect(a).toEqual(b);
  });
});

/** The penalised loss E + λ/2 (w_rec² + w_x²) at w, from datasetLoss and the penalty written out. */
function penalisedLoss(data: Dataset, w: Weights, objective: Objective, penalty: number): number {
  return datasetLoss(data, w, objective) + (penalty === 0 ? 0 : 0.5 * penalty * (w.wRec * w.wRec + w.wX * w.wX));
}

/** Relative difference, with the tolerance stated where it is used. */
const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), Number.MIN_VALUE);

describe('train: each step pairs weights with the loss at those weights', () => {
  const data = countingDataset({ count: 6, length: 8, seed: 4 });
  const cases = OPTIMIZER_KINDS.flatMap((kind) =>
    [
      // plain, final-step error
      { objective: 'final', penalty: 0, clipNorm: undefined },
      // penalised, every-step error, clipped
      { objective: 'every-step', penalty: 0.1, clipNorm: 1 },
      // penalised and clipped, final-step error
      { objective: 'final', penalty: 0.5, clipNorm: 5 },
    ].map((options) => [kind, options] as const),
  );

  it.each(cases)('train(…, %s, %j): loss = E_λ(w) and lossFrom = E_λ(from) at every update (relative 1e-12)', (kind, options) => {
    const opts = options as TrainOptions;
    const steps = run(data, { wX: 0.2, wRec: 0.7 }, { kind }, opts, 40);
    let previous: TrainStep | undefined;
    for (const step of steps) {
      const objective = opts.objective ?? 'final';
      const penalty = opts.penalty ?? 0;
      expect(relative(step.loss, penalisedLoss(data, step.w, objective, penalty))).toBeLessThanOrEqual(1e-12);
      expect(relative(step.lossFrom, penalisedLoss(data, step.from, objective, penalty))).toBeLessThanOrEqual(1e-12);
      expect(step.from).toEqual(previous?.w ?? { wX: 0.2, wRec: 0.7 });
      if (previous) expect(step.lossFrom).toBe(previous.loss);
      previous = step;
    }
  });

  it('train(…) from random starts, every kind: loss is the penalised loss at w (fast-check, relative 1e-12)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...OPTIMIZER_KINDS),
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.double({ min: -1.2, max: 1.2, noNaN: true }),
        fc.constantFrom<Objective>('final', 'every-step'),
        fc.constantFrom(0, 0.01, 1),
        fc.constantFrom(undefined, 1, 10),
        (kind, wX, wRec, objective, penalty, clipNorm) => {
          const steps = run(data, { wX, wRec }, { kind }, { objective, penalty, clipNorm }, 5);
          for (const step of steps) {
            if (!Number.isFinite(step.w.wX) || !Number.isFinite(step.w.wRec)) return;
            const want = penalisedLoss(data, step.w, objective, penalty);
            if (relative(step.loss, want) > 1e-12) return false;
          }
          return true;
        },
      ),
      { numRuns: 200 },
    );
  });

  it('train(…) whose weights overflow yields them with loss NaN, then throws a RangeError instead of going on', () => {
    const long = countingDataset({ count: 5, length: 50, seed: 3 });
    const updates = train(long, { wX: 3, wRec: 3 }, { kind: 'gd', learningRate: 1e300 });
    const step = updates.next().value;
    expect(Number.isFinite(step.w.wRec) && Number.isFinite(step.w.wX)).toBe(false);
    expect(step.loss).toBeNaN();
    expect(Number.isFinite(step.lossFrom)).toBe(true);
    expect(() => updates.next()).toThrow(new RangeError('the weights overflowed at update 1: there is no gradient to take update 2 from'));
  });
});

describe('trainWith(data, w0, start, options)', () => {
  const data = countingDataset({ count: 5, length: 6, seed: 3 });
  it('is train() with the optimizer it is handed: the same updates, bit for bit, for every kind', () => {
    for (const config of [{ kind: 'gd' }, { kind: 'momentum' }, { kind: 'rprop' }, { kind: 'adam' }] as const) {
      const a = train(data, { wX: -1.5, wRec: 2 }, config, { objective: 'every-step', clipNorm: 1 });
      const b = trainWith(data, { wX: -1.5, wRec: 2 }, () => createOptimizer(config), { objective: 'every-step', clipNorm: 1 });
      for (let i = 0; i < 50; i++) expect(b.next().value).toEqual(a.next().value);
    }
  });

  it('checks its arguments before it makes the optimizer, and makes it once, when called', () => {
    let made = 0;
    const start = () => {
      made++;
      return gradientDescent({ kind: 'gd' });
    };
    expect(() => trainWith(data, { wX: Number.NaN, wRec: 1 }, start)).toThrow(RangeError);
    expect(made).toBe(0);
    const run = trainWith(data, { wX: 0, wRec: 0 }, start);
    expect(made).toBe(1);
    run.next();
    run.next();
    expect(made).toBe(1);
  });
});
