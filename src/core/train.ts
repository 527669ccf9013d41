import type { OptimizerConfig } from './createOptimizer.ts';
import { createOptimizer } from './createOptimizer.ts';
import type { Dataset } from './dataset.ts';
import { trainWith, type TrainOptions, type TrainStep } from './trainWith.ts';
import type { Weights } from './weights.ts';

/**
 * Full-batch training from w0 with a fresh optimizer built from its configuration (any kind in the registry
 * `OPTIMIZERS`): {@link trainWith} with `createOptimizer(optimizer)`. Arguments are checked when `train` is called.
 */
export function train(
  data: Dataset,
  w0: Weights,
  optimizer: OptimizerConfig,
  options: TrainOptions = {},
): Generator<TrainStep, never, undefined> {
  return trainWith(data, w0, () => createOptimizer(optimizer), options);
}
