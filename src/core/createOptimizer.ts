import type { Optimizer } from './optimizer.ts';
import type { OptimizerKind } from './optimizers.ts';
import { OPTIMIZER_KINDS, OPTIMIZERS } from './optimizers.ts';
import { describeValue } from './validate.ts';

/** Any optimizer's configuration, told apart by `kind`: the union of the configurations the registry's entries take. */
export type OptimizerConfig = { [K in OptimizerKind]: Parameters<(typeof OPTIMIZERS)[K]['create']>[0] }[OptimizerKind];

/** A fresh optimizer (its own state) for a configuration, looked up by kind in OPTIMIZERS; unknown kinds throw a RangeError. */
export function createOptimizer(config: OptimizerConfig): Optimizer {
  if (config === null || typeof config !== 'object') {
    throw new RangeError(`optimizer must be an object with a kind, got ${describeValue(config)}`);
  }
  const kind: unknown = config.kind;
  if (typeof kind !== 'string' || !Object.hasOwn(OPTIMIZERS, kind)) {
    const quoted = OPTIMIZER_KINDS.map((k) => `'${k}'`);
    const known = `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
    throw new RangeError(`optimizer.kind must be ${known}, got ${describeValue(kind)}`);
  }
  // config.kind names its entry, whose create takes exactly this configuration (TypeScript cannot pair the union up)
  const create = OPTIMIZERS[kind as OptimizerKind].create as (config: OptimizerConfig) => Optimizer;
  return create(config);
}
