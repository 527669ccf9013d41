import { describe, expect, it } from 'vitest';
import {
  backprop,
  clipGradient,
  countingDataset,
  countingTargets,
  datasetFrom,
  datasetGradient,
  datasetLoss,
  forward,
  gradientFlow,
  loss,
  lossSurface,
  lossSurfaceDirect,
  numericalGradient,
  train,
} from '~/core';
import type { Dataset, LossSurfaceGrid, Objective, OptimizerConfig } from '~/core';

const w = { wRec: 1, wX: 1 };
const data = countingDataset({ count: 3, length: 4, seed: 1 });
const grid: LossSurfaceGrid = { wX: [-1, 1, 4], wRec: [-1, 1, 4] };
const anything = <T>(v: unknown) => v as T;
const startTraining = (optimizer: unknown, options: object = {}) =>
  train(data, w, anything<OptimizerConfig>(optimizer), options);

describe('bad input throws a RangeError naming the argument, the value and its position', () => {
  it.each([
    // x_3 is NaN
    { call: () => forward([1, 0, NaN], w), message: 'x[2] (step 3) must be a finite number, got NaN' },
    // x_2 is infinite
    { call: () => forward([1, Infinity], w), message: 'x[1] (step 2) must be a finite number, got Infinity' },
    // a string is not a number, even a numeric-looking one
    { call: () => forward(anything<number[]>([1, '1']), w), message: 'x[1] (step 2) must be a finite number, got "1"' },
    // an empty sequence
    { call: () => forward([], w), message: 'x must have at least 1 step, got an empty sequence' },
    // more than 10^7 steps (checked before any entry is read)
    { call: () => forward(anything<number[]>({ length: 10_000_001 }), w), message: 'x must have at most 10000000 steps, got 10000001' },
    // not an array at all
    { call: () => forward(anything<number[]>(null), w), message: 'x must be an array of numbers, got null' },
    // non-finite weights
    { call: () => forward([1], { wRec: NaN, wX: 1 }), message: 'w.wRec must be a finite number, got NaN' },
    { call: () => forward([1], { wRec: 1, wX: -Infinity }), message: 'w.wX must be a finite number, got -Infinity' },
    // non-finite initial state
    { call: () => forward([1], w, NaN), message: 's0 must be a finite number, got NaN' },
    // countingTargets checks the sequence too
    { call: () => countingTargets([0, 1, NaN]), message: 'x[2] (step 3) must be a finite number, got NaN' },
    // unknown objective
    { call: () => loss([1], w, anything<Objective>('sum')), message: `objective must be 'final' or 'every-step', got "sum"` },
    // targets of the wrong length
    { call: () => loss([1, 1], w, 'final', [0, 1]), message: 't must have length n + 1 = 3 (t_0..t_n), got length 2' },
    // a non-finite target
    { call: () => loss([1, 1], w, 'final', [0, NaN, 2]), message: 't[1] (t_1) must be a finite number, got NaN' },
    // backprop checks every x_k, after its other arguments
    { call: () => backprop([1, 1, 1, 'a' as unknown as number], w, 'final'), message: 'x[3] (step 4) must be a finite number, got "a"' },
    // truncate must be an integer ≥ 1
    { call: () => backprop([1], w, 'final', undefined, { truncate: 0 }), message: 'options.truncate must be an integer ≥ 1, got 0' },
    { call: () => backprop([1], w, 'final', undefined, { truncate: 2.5 }), message: 'options.truncate must be an integer ≥ 1, got 2.5' },
    { call: () => backprop([1], w, 'final', undefined, { truncate: Infinity }), message: 'options.truncate must be an integer ≥ 1, got Infinity' },
    // the finite-difference step must be positive
    { call: () => numericalGradient([1], w, 'final', undefined, 0), message: 'h must be greater than 0, got 0' },
    // data sets: empty, too many, a bad sequence inside
    { call: () => datasetFrom([]), message: 'sequences must hold 1 to 10000 sequences, got 0' },
    { call: () => datasetFrom([[1], []]), message: 'sequences[1] must have at least 1 step, got an empty sequence' },
    { call: () => datasetFrom([[1, 0, NaN]]), message: 'sequences[0][2] (step 3) must be a finite number, got NaN' },
    // countingDataset ranges: count 1..10000, length 1..1000, integers; seed finite
    { call: () => countingDataset({ count: 0, length: 10, seed: 1 }), message: 'count must be an integer from 1 to 10000, got 0' },
    { call: () => countingDataset({ count: 10_001, length: 10, seed: 1 }), message: 'count must be an integer from 1 to 10000, got 10001' },
    { call: () => countingDataset({ count: 2.5, length: 10, seed: 1 }), message: 'count must be an integer from 1 to 10000, got 2.5' },
    { call: () => countingDataset({ count: 5, length: 1001, seed: 1 }), message: 'length must be an integer from 1 to 1000, got 1001' },
    { call: () => countingDataset({ count: 5, length: 0, seed: 1 }), message: 'length must be an integer from 1 to 1000, got 0' },
    { call: () => countingDataset({ count: 5, length: 10, seed: NaN }), message: 'seed must be a finite number, got NaN' },
    // something that is not a data set
    { call: () => datasetLoss(anything<Dataset>({}), w, 'final'), message: 'data must be a Dataset from datasetFrom or countingDataset, got a value of type object' },
    { call: () => datasetGradient(data, { wRec: 1, wX: NaN }, 'final'), message: 'w.wX must be a finite number, got NaN' },
    // optimizer hyper-parameters
    { call: () => startTraining({ kind: 'gd', learningRate: 0 }), message: 'optimizer.learningRate must be greater than 0, got 0' },
    { call: () => startTraining({ kind: 'gd', learningRate: -0.1 }), message: 'optimizer.learningRate must be greater than 0, got -0.1' },
    { call: () => startTraining({ kind: 'gd', learningRate: NaN }), message: 'optimizer.learningRate must be a finite number, got NaN' },
    { call: () => startTraining({ kind: 'momentum', momentum: 1 }), message: 'optimizer.momentum must be at least 0 and less than 1, got 1' },
    { call: () => startTraining({ kind: 'momentum', momentum: -0.5 }), message: 'optimizer.momentum must be at least 0 and less than 1, got -0.5' },
    { call: () => startTraining({ kind: 'rprop', etaPlus: 1 }), message: 'optimizer.etaPlus must be greater than 1, got 1' },
    { call: () => startTraining({ kind: 'rprop', etaMinus: 1 }), message: 'optimizer.etaMinus must be between 0 and 1 (exclusive), got 1' },
    { call: () => startTraining({ kind: 'rprop', initialStep: 0 }), message: 'optimizer.initialStep must be greater than 0, got 0' },
    { call: () => startTraining({ kind: 'rprop', minStep: 2, maxStep: 1 }), message: 'optimizer.maxStep must be at least minStep = 2, got 1' },
    { call: () => startTraining({ kind: 'rprop', maxStep: Infinity }), message: 'optimizer.maxStep must be a finite number, got Infinity' },
    { call: () => startTraining({ kind: 'rprop', initialStep: 100 }), message: 'optimizer.initialStep must be between minStep = 0.000001 and maxStep = 50, got 100' },
    { call: () => startTraining({ kind: 'sgd' }), message: `optimizer.kind must be 'gd', 'momentum', 'rprop' or 'adam', got "sgd"` },
    // training options
    { call: () => startTraining({ kind: 'rprop' }, { penalty: -1 }), message: 'options.penalty must be at least 0, got -1' },
    { call: () => startTraining({ kind: 'rprop' }, { clipNorm: 0 }), message: 'options.clipNorm must be greater than 0, got 0' },
    { call: () => startTraining({ kind: 'rprop' }, { objective: 'last' }), message: `options.objective must be 'final' or 'every-step', got "last"` },
    { call: () => train(data, { wRec: Infinity, wX: 1 }, { kind: 'rprop' }), message: 'w0.wRec must be a finite number, got Infinity' },
    // grids: sizes 2..4096, min < max, finite ends
    { call: () => lossSurface(data, { ...grid, wX: [-1, 1, 1] }, 'final'), message: 'grid.wX[2] (size) must be an integer from 2 to 4096, got 1' },
    { call: () => lossSurface(data, { ...grid, wRec: [-1, 1, 4097] }, 'final'), message: 'grid.wRec[2] (size) must be an integer from 2 to 4096, got 4097' },
    { call: () => lossSurface(data, { ...grid, wRec: [-1, 1, 2.5] }, 'final'), message: 'grid.wRec[2] (size) must be an integer from 2 to 4096, got 2.5' },
    { call: () => lossSurface(data, { ...grid, wX: [1, 1, 4] }, 'final'), message: 'grid.wX[1] (max) must be greater than min = 1, got 1' },
    { call: () => lossSurface(data, { ...grid, wX: [NaN, 1, 4] }, 'final'), message: 'grid.wX[0] (min) must be a finite number, got NaN' },
    { call: () => lossSurface(data, grid, 'final', { penalty: -0.1 }), message: 'options.penalty must be at least 0, got -0.1' },
    { call: () => lossSurfaceDirect(data, { ...grid, wX: [-1, 1, 0] }, 'final'), message: 'grid.wX[2] (size) must be an integer from 2 to 4096, got 0' },
    // an output array of the wrong length (the grid has 4 · 4 points)
    { call: () => lossSurface(data, grid, 'final', { out: new Float64Array(15) }), message: 'options.out must be a Float64Array of length rows · cols = 16, got a value of type object of length 15' },
    // gradientFlow: finite w_rec, integer n ≥ 0
    { call: () => gradientFlow(NaN, 3), message: 'wRec must be a finite number, got NaN' },
    { call: () => gradientFlow(1, -1), message: 'n must be an integer from 0 to 10000000, got -1' },
    { call: () => gradientFlow(1, 1.5), message: 'n must be an integer from 0 to 10000000, got 1.5' },
    // the clipping bound must be positive
    { call: () => clipGradient(1, 1, 0), message: 'clipNorm must be greater than 0, got 0' },
  ])('throws RangeError: $message', ({ call, message }) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });
});
