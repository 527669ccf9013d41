import type { GradientDescentConfig } from './gradientDescent.ts';
import { gradientDescent } from './gradientDescent.ts';
import type { MomentumConfig } from './momentum.ts';
import { momentum } from './momentum.ts';
import type { Optimizer } from './optimizer.ts';
import type { RpropConfig } from './rprop.ts';
import { rprop } from './rprop.ts';
import { describeValue } from './validate.ts';

/** Any optimizer's configuration, told apart by `kind`. */
export type OptimizerConfig = GradientDescentConfig | MomentumConfig | RpropConfig;

/** A fresh optimizer (its own state) for a configuration; unknown kinds throw a RangeError. */
export function createOptimizer(config: OptimizerConfig): Optimizer {
  if (config === null || typeof config !== 'object') {
    throw new RangeError(`optimizer must be an object with a kind, got ${describeValue(config)}`);
  }
  switch (config.kind) {
    case 'gd':
      return gradientDescent(config);
    case 'momentum':
      return momentum(config);
    case 'rprop':
      return rprop(config);
    default:
      throw new RangeError(
        `optimizer.kind must be 'gd', 'momentum' or 'rprop', got ${describeValue((config as { kind: unknown }).kind)}`,
      );
  }
}
